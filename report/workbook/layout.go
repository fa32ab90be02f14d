package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/model"
)

// The layout of the input workbook, shared by Write and Read so that what is
// written is what is read. Read finds sheets and columns by their folded titles,
// so users may reorder, rename slightly (case, diacritics) or add columns.

// Sheet names.
const (
	SheetNotes     = "Lưu ý"
	SheetHeader    = "Thông tin chung"
	SheetEntries   = "Chỉ tiêu"
	SheetRankings  = "Xếp hạng"
	SheetNarrative = "Nội dung"
	// SheetLists holds the choices of the drop-downs; hidden, and not read.
	SheetLists = "Danh sách chọn"
)

// partListName is the defined name of the report parts' labels on SheetLists.
const partListName = "PhanBaoCao"

// derivedMark fills the value cell of an indicator the program computes.
const derivedMark = "tự tính"

// column is one column of a data sheet.
type column struct {
	key     string
	title   string
	width   float64
	help    string   // the header's comment
	aliases []string // other titles accepted when reading, as folded
	prompt  string   // shown beside a selected cell of an input column (at most 255 characters)
}

// Column keys.
const (
	colCode     = "code"
	colGroup    = "group"
	colName     = "name"
	colUnit     = "unit"
	colActual   = "actual"
	colEstimate = "estimate"
	colPlan     = "plan"
	colYearEst  = "year-estimate"
	colSame     = "same"
	colNote     = "note"
	colRank     = "rank"
	colOf       = "of"
	colPart     = "part"
	colHeading  = "heading"
	colText     = "text"
	colLabel    = "label"
	colValue    = "value"
	colHelp     = "help"
	colKey      = "key"
)

// entryColumns are the columns of the «Chỉ tiêu» sheet that Read knows; a
// workbook has those entryColumnsFor its period gives.
var entryColumns = []column{
	{colCode, "Mã", 20, "Mã chỉ tiêu trong danh mục (chi-tieu.yaml). Không sửa: chương trình nhận chỉ tiêu theo mã.", []string{"ma chi tieu"}, ""},
	{colGroup, "Nhóm", 22, "Nhóm chỉ tiêu, chỉ để tham khảo.", []string{"nhom chi tieu"}, ""},
	{colName, "Chỉ tiêu", 55, "Tên chỉ tiêu, chỉ để tham khảo.", []string{"ten chi tieu"}, ""},
	{colUnit, "Đơn vị", 14, "Đơn vị tính. Số liệu nhập đúng theo đơn vị này (ví dụ: tỷ đồng).", []string{"don vi tinh", "dvt"}, ""},
	{colActual, "Thực hiện", 16, "Số thực hiện của kỳ báo cáo. Nhập dạng số (không gõ dấu chấm ngăn hàng nghìn dưới dạng chữ). Tỷ lệ nhập theo % từ 0 đến 100. Dòng «tự tính» do chương trình tính.", []string{"so thuc hien", "ket qua"}, "Số thực hiện của kỳ báo cáo, đúng đơn vị tính ở cột «Đơn vị». Nhập dạng số, không gõ dấu ngăn cách hàng nghìn."},
	{colEstimate, "Ước tính", 11, "Chọn «có» nếu số thực hiện là số ước tính (chưa hết kỳ, hoặc chưa hết thời gian chốt số liệu); để trống nếu là số chính thức.", []string{"uoc", "uoc thuc hien", "so uoc"}, "Chọn «có» nếu số thực hiện là số ước tính (chưa hết kỳ, hoặc chưa hết thời gian chốt số liệu); để trống nếu là số chính thức."},
	{colPlan, "Kế hoạch", 16, "Kế hoạch (chỉ tiêu giao) của năm báo cáo, nếu có.", []string{"ke hoach nam", "chi tieu ke hoach"}, "Kế hoạch (chỉ tiêu giao) của năm báo cáo, cùng đơn vị tính; để trống nếu không có."},
	{colYearEst, "Ước cả năm", 16, "Ước thực hiện cả năm, nếu có; báo cáo nêu ước cả năm đạt bao nhiêu phần trăm kế hoạch năm.", []string{"uoc thuc hien ca nam"}, "Ước thực hiện cả năm, cùng đơn vị tính; để trống nếu chưa ước."},
	{colSame, "Cùng kỳ năm trước", 18, "Số cùng kỳ năm trước. Chỉ cần nhập khi không có tệp số liệu năm trước.", []string{"cung ky", "nam truoc"}, "Số cùng kỳ năm trước, cùng đơn vị tính. Chỉ cần nhập khi không có tệp số liệu năm trước."},
	{colNote, "Ghi chú", 30, "Ghi chú về số liệu, ví dụ «10 tháng đầu năm».", nil, "Ghi chú về số liệu, ví dụ «10 tháng đầu năm»."},
}

// entryColumnsFor is the «Chỉ tiêu» sheet's layout in the workbook of a
// period: a period shorter than a year has the whole year's estimate
// (uoc_ca_nam), and its plan column says that the plan is the year's.
func entryColumnsFor(p model.Period) []column {
	cols := slices.Clone(entryColumns)
	if p.Kind == model.FullYear || p.Kind == 0 {
		return slices.DeleteFunc(cols, func(c column) bool { return c.key == colYearEst })
	}
	year := p.TheYear().Name()
	for i, c := range cols {
		switch c.key {
		case colActual:
			cols[i].help = strings.Replace(c.help, "của kỳ báo cáo", p.Name()+" (lũy kế từ đầu kỳ, hoặc số tại cuối kỳ, theo danh mục)", 1)
			cols[i].prompt = strings.Replace(c.prompt, "của kỳ báo cáo", p.Name(), 1)
		case colPlan:
			cols[i].help = fmt.Sprintf("Kế hoạch (chỉ tiêu giao) cả %s, không phải kế hoạch riêng của %s; để trống nếu tệp số liệu %[1]s đã có.", year, p.Name())
			cols[i].prompt = fmt.Sprintf("Kế hoạch cả %s (không phải của riêng %s), cùng đơn vị tính; để trống nếu tệp %[1]s đã có.", year, p.NameWithoutYear())
		case colYearEst:
			cols[i].help = fmt.Sprintf("Ước thực hiện cả %s, nếu có; báo cáo nêu ước cả năm đạt bao nhiêu phần trăm kế hoạch %[1]s.", year)
			cols[i].prompt = fmt.Sprintf("Ước thực hiện cả %s, cùng đơn vị tính; để trống nếu chưa ước.", year)
		}
	}
	return cols
}

var rankingColumns = []column{
	{colCode, "Mã", 16, "Mã chỉ số trong danh mục. Không sửa.", []string{"ma chi tieu", "ma chi so"}, ""},
	{colName, "Chỉ số", 55, "Tên chỉ số xếp hạng, chỉ để tham khảo.", []string{"chi tieu", "ten chi so"}, ""},
	{colRank, "Thứ hạng", 12, "Thứ hạng của tỉnh (số nguyên, 1 là cao nhất).", []string{"xep hang", "hang"}, "Thứ hạng của tỉnh: số nguyên, 1 là cao nhất."},
	{colOf, "Tổng số", 12, "Tổng số tỉnh, thành phố được xếp hạng (ví dụ 63).", []string{"tong so tinh", "tren tong so"}, "Tổng số tỉnh, thành phố được xếp hạng, ví dụ 63."},
}

var narrativeColumns = []column{
	{colPart, "Phần", 16, "Phần của báo cáo mà ý này thuộc về; chọn trong danh sách (xem trang «Lưu ý»).", []string{"phan bao cao"}, "Chọn phần của báo cáo trong danh sách."},
	{colHeading, "Mục", 34, "Tiêu đề mục trong phần (có thể để trống), ví dụ «Về Công nghệ thông tin».", []string{"tieu de", "tieu muc"}, "Tiêu đề mục trong phần, có thể để trống, ví dụ «Về Công nghệ thông tin»."},
	{colText, "Nội dung", 100, "Một ý (một câu hoặc một gạch đầu dòng) của báo cáo; mỗi ý một dòng.", []string{"y", "noi dung y"}, "Một ý của báo cáo (một câu hoặc một gạch đầu dòng); mỗi ý một dòng. Xuống dòng trong ô: Alt+Enter."},
}

var headerColumns = []column{
	{colLabel, "Mục", 30, "Thông tin của văn bản báo cáo.", []string{"thong tin"}, ""},
	{colValue, "Giá trị", 70, "Giá trị cần điền.", []string{"noi dung"}, ""},
	{colHelp, "Hướng dẫn", 50, "Cách điền, chỉ để tham khảo.", nil, ""},
	{colKey, "Khóa", 18, "Khóa dùng nội bộ, không sửa.", []string{"khoa", "ma"}, ""},
}

// ratePrompt is added to the prompt of a rate's value cells.
const ratePrompt = "Tỷ lệ: nhập số phần trăm từ 0 đến 100, ví dụ 95,5 (không nhập 0,955)."

// The example row of the narrative sheet, written when it has no items yet.
// Read skips a row whose text is still exampleText, so that an example left in
// place never reaches the report; once overwritten, the row is read as any other.
const (
	examplePart    = "noi_bat"
	exampleHeading = "Về Công nghệ thông tin"
	exampleText    = "VÍ DỤ (dòng mẫu, chương trình không đọc; ghi đè hoặc xóa dòng này): Triển khai Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh, kết nối với 100% sở, ban, ngành và UBND cấp huyện."
)

// periodKey is the key of the reporting period row in the header sheet.
// Workbooks made before periods name the row by oldPeriodKey and «Năm báo cáo».
const (
	periodKey    = "ky"
	oldPeriodKey = "nam"
)

// headerRow is one row of the header sheet.
type headerRow struct {
	key, label, help string
}

// headerRows lists the header sheet's rows: the period, then model.HeaderKeys in order.
var headerRows = []headerRow{
	{periodKey, "Kỳ báo cáo", "Kỳ của số liệu: 2022 (năm), 2022-6T, 2022-9T, 2022-Q3 (quý), 2022-T05 (tháng)."},
	{"co_quan_chu_quan", "Cơ quan chủ quản", "Viết in hoa, ví dụ: UBND TỈNH NAM ĐỊNH."},
	{"co_quan", "Cơ quan ban hành", "Viết in hoa, ví dụ: SỞ THÔNG TIN VÀ TRUYỀN THÔNG."},
	{"so", "Số văn bản", "Để trống để văn thư cấp số khi ban hành."},
	{"ky_hieu", "Ký hiệu", "Ví dụ: BC-STTTT."},
	{"dia_danh", "Địa danh", "Ví dụ: Nam Định."},
	{"ngay", "Ngày ban hành", "Ngày/tháng/năm, ví dụ 10/12/2021; để trống nếu chưa có."},
	{"kinh_gui", "Kính gửi", "Mỗi nơi một dòng (Alt+Enter để xuống dòng trong ô)."},
	{"can_cu", "Căn cứ", "Văn bản yêu cầu báo cáo, ví dụ: Thực hiện Công văn số …"},
	{"tham_quyen", "Thẩm quyền ký", "Ví dụ: KT. GIÁM ĐỐC; để trống nếu Giám đốc ký."},
	{"chuc_vu", "Chức vụ người ký", "Ví dụ: PHÓ GIÁM ĐỐC."},
	{"nguoi_ky", "Người ký", "Họ và tên người ký."},
	{"noi_nhan", "Nơi nhận", "Mỗi nơi một dòng (Alt+Enter), ví dụ: Như trên; Lưu: VT, BCVT."},
}

// partLabels names the narrative parts (model.NarrativeParts) for people.
var partLabels = map[string]string{
	"noi_bat":     "Kết quả nổi bật",
	"ket_qua":     "Kết quả thực hiện nhiệm vụ (ý bổ sung)",
	"qlnn":        "Công tác thực hiện nhiệm vụ quản lý nhà nước",
	"thanh_tra":   "Các cuộc thanh tra, kiểm tra",
	"khieu_nai":   "Giải quyết khiếu nại, tố cáo",
	"ton_tai":     "Tồn tại, hạn chế",
	"nguyen_nhan": "Nguyên nhân",
	"de_xuat":     "Đề xuất, kiến nghị",
	"nhiem_vu":    "Nhiệm vụ trọng tâm thời gian tới",
}

// oldPartLabels are labels of workbooks made before periods other than the
// year, still read: the tasks were then always the next year's.
var oldPartLabels = map[string]string{"nhiem_vu": "Nhiệm vụ trọng tâm năm sau"}
