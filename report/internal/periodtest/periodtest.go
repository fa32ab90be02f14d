// Package periodtest writes, for tests, the workspace of another province than
// the sample with figures of several kinds of period: the six months of 2021,
// the year 2021, the first two quarters of 2022, its six and nine months and
// the year 2022. The figures are tables here, so that a test works out what a
// report must state from the same numbers the inputs hold, not from output.
//
// The catalogue is the sample's (the default templates name its indicators),
// with theo_ky marking the indicators summed over their period. The inputs
// differ from the sample in every way the periods allow: a cumulative figure
// of 6 months equal to Q1 + Q2, levels that are not sums, a zero in a quarter,
// a nine-month period without the same period last year, plans only in the
// year's file (and once in the nine months' file), whole-year estimates in
// the six and nine months' files, a lower-is-better count, a ranking only in
// the years, and a nine-month report dated before its data window closes.
package periodtest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
)

// Periods lists the input files' period codes in time order (model.Period.Compare:
// by the last month, the longer period first).
var Periods = []string{"2021-6T", "2021", "2022-Q1", "2022-6T", "2022-Q2", "2022-9T", "2022"}

// Cumulative lists the indicators given theo_ky: luy_ke; the others with
// figures here are levels at the end of the period (theo_ky: thoi_diem).
var Cumulative = []string{"DT_BUU_CHINH", "DT_VIEN_THONG", "TB_TRA_SAU_MOI", "TB_INTERNET_MOI", "HS_TONG", "HS_TRUC_TUYEN",
	"TIN_BAI", "TT_SO_CUOC", "TT_TO_CHUC_XU_PHAT", "DON_THU"}

// Levels lists the indicators given theo_ky: thoi_diem.
var Levels = []string{"TB_TRA_SAU", "TB_INTERNET"}

// Actual gives each period's figures as entered (Vietnamese number style).
var Actual = map[string]map[string]string{
	"2021-6T": {"DT_BUU_CHINH": "52", "DT_VIEN_THONG": "410", "TB_TRA_SAU_MOI": "4.000", "TB_TRA_SAU": "61.000", "TB_INTERNET_MOI": "5.200",
		"TB_INTERNET": "98.000", "HS_TONG": "20.000", "HS_TRUC_TUYEN": "3.000", "TIN_BAI": "600", "TT_SO_CUOC": "3", "TT_TO_CHUC_XU_PHAT": "4", "DON_THU": "5"},
	"2021": {"DT_BUU_CHINH": "110", "DT_VIEN_THONG": "860", "TB_TRA_SAU_MOI": "8.500", "TB_TRA_SAU": "63.000", "TB_INTERNET_MOI": "11.000",
		"TB_INTERNET": "103.000", "HS_TONG": "45.000", "HS_TRUC_TUYEN": "7.000", "TIN_BAI": "1.250", "TT_SO_CUOC": "6", "TT_TO_CHUC_XU_PHAT": "9", "DON_THU": "11"},
	"2022-Q1": {"DT_BUU_CHINH": "28", "DT_VIEN_THONG": "215", "TB_TRA_SAU_MOI": "2.100", "TB_TRA_SAU": "63.500", "TB_INTERNET_MOI": "2.900",
		"TB_INTERNET": "105.000", "HS_TONG": "11.000", "HS_TRUC_TUYEN": "2.300", "TIN_BAI": "320", "TT_SO_CUOC": "1", "TT_TO_CHUC_XU_PHAT": "1", "DON_THU": "0"},
	"2022-Q2": {"DT_BUU_CHINH": "31", "DT_VIEN_THONG": "230", "TB_TRA_SAU_MOI": "2.300", "TB_TRA_SAU": "64.200", "TB_INTERNET_MOI": "3.100",
		"TB_INTERNET": "107.500", "HS_TONG": "12.000", "HS_TRUC_TUYEN": "2.760", "TIN_BAI": "330", "TT_SO_CUOC": "1", "TT_TO_CHUC_XU_PHAT": "2", "DON_THU": "4"},
	"2022-6T": {"DT_BUU_CHINH": "59", "DT_VIEN_THONG": "445", "TB_TRA_SAU_MOI": "4.400", "TB_TRA_SAU": "64.200", "TB_INTERNET_MOI": "6.000",
		"TB_INTERNET": "107.500", "HS_TONG": "23.000", "HS_TRUC_TUYEN": "5.060", "TIN_BAI": "650", "TT_SO_CUOC": "2", "TT_TO_CHUC_XU_PHAT": "3", "DON_THU": "4"},
	"2022-9T": {"DT_BUU_CHINH": "90", "DT_VIEN_THONG": "670", "TB_TRA_SAU_MOI": "6.500", "TB_TRA_SAU": "64.800", "TB_INTERNET_MOI": "8.800",
		"TB_INTERNET": "109.000", "HS_TONG": "34.000", "HS_TRUC_TUYEN": "7.820", "TIN_BAI": "980", "TT_SO_CUOC": "4", "TT_TO_CHUC_XU_PHAT": "5", "DON_THU": "7"},
	"2022": {"DT_BUU_CHINH": "121", "DT_VIEN_THONG": "905", "TB_TRA_SAU_MOI": "8.900", "TB_TRA_SAU": "65.100", "TB_INTERNET_MOI": "11.900",
		"TB_INTERNET": "110.000", "HS_TONG": "46.000", "HS_TRUC_TUYEN": "10.580", "TIN_BAI": "1.300", "TT_SO_CUOC": "6", "TT_TO_CHUC_XU_PHAT": "7", "DON_THU": "9"},
}

// Plan gives, by period code, the plans its file states: the year's plans in
// the year's file, and the nine months' file repeating one of them.
var Plan = map[string]map[string]string{
	"2021":    {"DT_BUU_CHINH": "100", "DT_VIEN_THONG": "900", "TB_INTERNET": "100.000", "TT_TO_CHUC_XU_PHAT": "10"},
	"2022":    {"DT_BUU_CHINH": "120", "DT_VIEN_THONG": "1.000", "TB_INTERNET": "112.000", "TT_TO_CHUC_XU_PHAT": "8"},
	"2022-9T": {"DT_BUU_CHINH": "120"},
}

// YearEstimate gives the whole-year estimates (uoc_ca_nam) of the six and nine months' files.
var YearEstimate = map[string]map[string]string{
	"2022-6T": {"DT_BUU_CHINH": "125", "DT_VIEN_THONG": "920"},
	"2022-9T": {"DT_BUU_CHINH": "122"},
}

// Ranking gives the rankings, only in the years' files.
var Ranking = map[string]map[string]string{
	"2021": {"XH_ICT": "30/63"},
	"2022": {"XH_ICT": "25/63"},
}

// Date is each report's date: the nine months' report is dated 10/9/2022,
// before its Decree 09 window closes on 14/9/2022.
var Date = map[string]string{
	"2021-6T": "2021-06-18", "2021": "2021-12-15", "2022-Q1": "2022-03-18", "2022-Q2": "2022-06-17",
	"2022-6T": "2022-06-20", "2022-9T": "2022-09-10", "2022": "2022-12-15",
}

// Province is the department the inputs are of.
const Province = "HÀ GIANG"

// Catalogue is the sample catalogue with theo_ky on the indicators above
// (and on no other).
func Catalogue() string {
	b, err := fs.ReadFile(data.FS, "chi-tieu.yaml")
	if err != nil {
		panic(err)
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "theo_ky:") {
			continue // the sample's own; the tables here decide
		}
		out.WriteString(line)
		code, ok := strings.CutPrefix(strings.TrimSpace(line), "- ma: ")
		switch {
		case !ok:
		case slices.Contains(Cumulative, code):
			out.WriteString("    theo_ky: luy_ke\n")
		case slices.Contains(Levels, code):
			out.WriteString("    theo_ky: thoi_diem\n")
		}
	}
	return out.String()
}

// Input is the YAML of one period's file.
func Input(code string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ky: %s\nthong_tin:\n", code)
	fmt.Fprintf(&b, "  co_quan_chu_quan: UBND TỈNH %s\n  co_quan: SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n  ky_hieu: BC-STTTT\n", Province)
	fmt.Fprintf(&b, "  dia_danh: Hà Giang\n  ngay: %s\n  kinh_gui: [Bộ Thông tin và Truyền thông]\n", Date[code])
	b.WriteString("  can_cu: Thực hiện Công văn số 12/BTTTT-VP của Bộ Thông tin và Truyền thông\n")
	b.WriteString("  tham_quyen: KT. GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  nguoi_ky: Lò Thị Mai\n  noi_nhan: [Như trên, \"Lưu: VT\"]\n")
	b.WriteString("chi_tieu:\n")
	for _, ind := range sortedKeys(Actual[code]) {
		fmt.Fprintf(&b, "  %s: {thuc_hien: %q", ind, Actual[code][ind])
		if p, ok := Plan[code][ind]; ok {
			fmt.Fprintf(&b, ", ke_hoach: %q", p)
		}
		if e, ok := YearEstimate[code][ind]; ok {
			fmt.Fprintf(&b, ", uoc_ca_nam: %q", e)
		}
		b.WriteString("}\n")
	}
	if r := Ranking[code]; len(r) > 0 {
		b.WriteString("xep_hang:\n")
		for _, ind := range sortedKeys(r) {
			fmt.Fprintf(&b, "  %s: %s\n", ind, r[ind])
		}
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Write writes the workspace into dir/data with the given periods' files (all
// of Periods when none are named) and returns the data folder.
func Write(t testing.TB, dir string, periods ...string) string {
	t.Helper()
	if len(periods) == 0 {
		periods = Periods
	}
	dataDir := filepath.Join(dir, "data")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"chi-tieu.yaml": Catalogue()}
	for _, p := range periods {
		files[p+".yaml"] = Input(p)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dataDir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dataDir
}
