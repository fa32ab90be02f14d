package diff

import (
	"math/big"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

func row(t testing.TB, tb *Table, code string) *Row {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no row %s", code)
	return nil
}

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func entry(code, actual string) *model.Entry { return &model.Entry{Code: code, Actual: dec(actual)} }

// texts gives a row's values, delta, change wording and status of its last change.
func texts(r *Row) string {
	var vals []string
	for i := range r.Values {
		vals = append(vals, r.ValueText(i))
	}
	j := len(r.Changes) - 1
	words, _ := r.ChangeText(j)
	return strings.Join(vals, " → ") + " | " + r.DeltaText(j) + " | " + words + " | " + string(r.Changes[j].Status)
}

func TestSampleReferenceFigures(t *testing.T) {
	tb := sample(t, Options{})
	if got := []string{tb.Columns[0].Label, tb.Columns[1].Label}; got[0] != "2020" || got[1] != "2021" {
		t.Fatalf("columns %v, want 2020, 2021", got)
	}
	cases := map[string]string{
		"DT_BUU_CHINH":  "120 → 130 | +10 | tăng 8,3% | up",
		"DT_VIEN_THONG": "1.597 → 1.150 | -447 | giảm 28% | down",
		"TB_TRA_SAU":    "150.000 → 148.000 | -2.000 | giảm 1,3% | down",
		"TB_INTERNET":   "285.068 → 315.000 | +29.932 | tăng 10,5% | up",
		"DT_IN":         "158 → 180 | +22 | tăng 13,9% | up",
		"TB_DI_DONG":    " → 1.600.000 |  | mới (năm 2020 không có số liệu) | added",
		"TL_DVC_34":     " → 94,3 |  | mới (năm 2020 không có số liệu) | added",
		"XH_PAR":        " → 14/63 |  | mới (năm 2020 không có số liệu) | added",
	}
	for code, want := range cases {
		if got := texts(row(t, tb, code)); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	bc := row(t, tb, "DT_BUU_CHINH")
	if bc.Changes[0].Delta.Cmp(big.NewRat(10, 1)) != 0 || bc.Changes[0].Percent().Cmp(big.NewRat(25, 3)) != 0 {
		t.Errorf("DT_BUU_CHINH exact change = %s, %s%%; want 10, 25/3%%", bc.Changes[0].Delta, bc.Changes[0].Percent())
	}
	if bc.PlanText() != "110" || bc.AttainmentText() != "118,2%" || bc.GroupName != "Bưu chính, Viễn thông" {
		t.Errorf("DT_BUU_CHINH plan %q attainment %q group %q", bc.PlanText(), bc.AttainmentText(), bc.GroupName)
	}
	if vt := row(t, tb, "DT_VIEN_THONG"); vt.AttainmentText() != "68%" || vt.Flag {
		t.Errorf("DT_VIEN_THONG attainment %q flag %v, want 68%% and no flag (28%% < 50%%)", vt.AttainmentText(), vt.Flag)
	}
	// Every indicator of the sample has a 2021 value; only five have one for 2020.
	if got, want := tb.Summary.String(), "46 chỉ tiêu: 3 tăng, 2 giảm, 0 tương đương, 41 mới"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if !tb.Differs() {
		t.Error("the sample years differ")
	}
	// Rows follow the catalogue: groups in order, then indicators in order.
	if tb.Rows[0].Code != "DT_BUU_CHINH" || tb.Rows[len(tb.Rows)-1].Code != "XH_CONG_TTDT" {
		t.Errorf("order: first %s, last %s", tb.Rows[0].Code, tb.Rows[len(tb.Rows)-1].Code)
	}
}

func TestFilters(t *testing.T) {
	cat, years := sampleInputs(t)
	tb := Compare(cat, years, Options{Group: "BCVT", OnlyChanged: true})
	if len(tb.Rows) != 7 || tb.Summary.Indicators != 7 {
		t.Errorf("BCVT: %d rows, %d counted; want 7", len(tb.Rows), tb.Summary.Indicators)
	}
	for _, r := range tb.Rows {
		if r.Group != "BCVT" {
			t.Errorf("row %s of group %s", r.Code, r.Group)
		}
	}
	tb = Compare(cat, years, Options{Threshold: big.NewRat(10, 1), OnlyFlagged: true})
	var codes []string
	for _, r := range tb.Rows {
		codes = append(codes, r.Code)
	}
	if got := strings.Join(codes, ","); got != "TB_INTERNET,DT_VIEN_THONG,DT_IN" {
		t.Errorf("changes of 10%% or more: %s", got)
	}
	if tb.Summary.Indicators != 46 || tb.Summary.Flagged != 3 {
		t.Errorf("summary counts all compared indicators: %+v", tb.Summary)
	}
	if !strings.HasSuffix(tb.Summary.String(), "; 3 chỉ tiêu biến động vượt ngưỡng cần xem lại") {
		t.Errorf("summary %q", tb.Summary.String())
	}
	same := Compare(cat, []*model.Figures{years[0], years[0]}, Options{OnlyChanged: true})
	if len(same.Rows) != 0 || same.Differs() || same.Summary.Same != 46 {
		t.Errorf("a year against itself: %d rows, differs %v, %+v", len(same.Rows), same.Differs(), same.Summary)
	}
}

// TestSeries compares three years given out of order, with a ranking, a rate
// and a change of direction.
func TestSeries(t *testing.T) {
	cat := model.NewCatalogue("c", []model.Group{{Code: "G", Name: "Nhóm G"}}, []*model.Indicator{
		{Code: "A", Name: "Doanh thu", Unit: "tỷ đồng", Group: "G", Kind: model.Quantity},
		{Code: "T", Name: "Tổng", Group: "G", Kind: model.Quantity},
		{Code: "R", Name: "Tỷ lệ", Unit: "%", Group: "G", Kind: model.Rate, Decimals: 1, Formula: "A / T * 100"},
		{Code: "X", Name: "Xếp hạng", Group: "G", Kind: model.Rank},
	})
	y := func(n int, a, tot string, rank int) *model.Figures {
		return &model.Figures{Period: model.YearPeriod(n), Source: "data/" + string(rune('0'+n%10)) + ".yaml",
			Entries: []*model.Entry{entry("A", a), entry("T", tot)}, Rankings: []*model.Ranking{{Code: "X", Rank: rank, Of: 63}}}
	}
	y19, y20, y21 := y(2019, "100", "400", 20), y(2020, "150", "400", 11), y(2021, "120", "400", 11)
	tb := Compare(cat, []*model.Figures{y21, y19, y20}, Options{})
	for i, want := range []int{2019, 2020, 2021} {
		if tb.Columns[i].Period.Year != want || tb.Columns[i].Label != strings.TrimSpace(big.NewInt(int64(want)).String()) {
			t.Fatalf("column %d = %+v, want %d", i, tb.Columns[i], want)
		}
	}
	a := row(t, tb, "A")
	if got := a.ValueText(0) + " " + a.ValueText(1) + " " + a.ValueText(2); got != "100 150 120" {
		t.Errorf("A values %q", got)
	}
	want := []struct{ delta, words string }{{"+50", "tăng 50%"}, {"-30", "giảm 20%"}}
	for j, w := range want {
		words, _ := a.ChangeText(j)
		if a.DeltaText(j) != w.delta || words != w.words {
			t.Errorf("A change %d: %s %s, want %s %s", j, a.DeltaText(j), words, w.delta, w.words)
		}
	}
	if !a.Changes[0].Flag || a.Changes[1].Flag || !a.Flag {
		t.Errorf("A flags %v %v: +50%% reaches the default 50%%, -20%% does not", a.Changes[0].Flag, a.Changes[1].Flag)
	}
	r := row(t, tb, "R")
	if w, _ := r.ChangeText(0); w != "tăng 12,5 điểm phần trăm" || r.ValueText(1) != "37,5" {
		t.Errorf("rate: %q, value %q", w, r.ValueText(1))
	}
	x := row(t, tb, "X")
	if w, dir := x.ChangeText(0); w != "tăng 9 bậc" || dir != 1 || x.Changes[0].Status != Up || x.DeltaText(0) != "-9" {
		t.Errorf("ranking 20 → 11: %q dir %d status %s delta %s", w, dir, x.Changes[0].Status, x.DeltaText(0))
	}
	if w, _ := x.ChangeText(1); w != "giữ nguyên thứ hạng" || x.Changes[1].Status != Same || x.ValueText(2) != "11/63" {
		t.Errorf("ranking 11 → 11: %q %s %q", w, x.Changes[1].Status, x.ValueText(2))
	}
	if got := tb.Summary.String(); got != "4 chỉ tiêu: 0 tăng, 2 giảm, 2 tương đương; 2 chỉ tiêu biến động vượt ngưỡng cần xem lại" {
		t.Errorf("summary of the newest change: %q", got)
	}
}

// TestDifferentInputs compares inputs read with different catalogues: an
// indicator renamed, one whose unit changed, one dropped, one new, a zero base.
func TestDifferentInputs(t *testing.T) {
	old := model.NewCatalogue("cu/chi-tieu.yaml", []model.Group{{Code: "G", Name: "Nhóm G"}}, []*model.Indicator{
		{Code: "A", Name: "Doanh thu cũ", Unit: "tỷ đồng", Group: "G", Kind: model.Quantity},
		{Code: "B", Name: "Tiền phạt", Unit: "triệu đồng", Group: "G", Kind: model.Quantity},
		{Code: "C", Name: "Chỉ tiêu bỏ", Unit: "cái", Group: "G", Kind: model.Quantity},
		{Code: "Z", Name: "Vi phạm", Unit: "vụ", Group: "G", Kind: model.Quantity},
		{Code: "P", Name: "Tỷ lệ", Unit: "%", Group: "G", Kind: model.Rate},
	})
	cur := model.NewCatalogue("moi/chi-tieu.yaml", []model.Group{{Code: "H", Name: "Nhóm H"}, {Code: "G", Name: "Nhóm G"}}, []*model.Indicator{
		{Code: "D", Name: "Chỉ tiêu mới", Unit: "cái", Group: "H", Kind: model.Quantity},
		{Code: "A", Name: "Doanh thu", Unit: "tỷ đồng", Group: "G", Kind: model.Quantity},
		{Code: "B", Name: "Tiền phạt", Unit: "đồng", Group: "G", Kind: model.Quantity},
		{Code: "Z", Name: "Vi phạm", Unit: "vụ", Group: "G", Kind: model.Quantity},
		{Code: "P", Name: "Tỷ lệ", Unit: "%", Group: "G", Kind: model.Rate, Decimals: 1},
	})
	y20 := &model.Figures{Period: model.YearPeriod(2020), Source: "cu/2020.yaml", Entries: []*model.Entry{
		entry("A", "10"), entry("B", "23"), entry("C", "5"), entry("Z", "0"), entry("P", "0")}}
	y21 := &model.Figures{Period: model.YearPeriod(2021), Source: "moi/2021.yaml", Entries: []*model.Entry{
		entry("A", "10"), entry("B", "23000000"), entry("D", "7"), entry("Z", "3"), entry("P", "12.5")}}
	tb := Compare(cur, []*model.Figures{y20, y21}, Options{Catalogues: map[*model.Figures]*model.Catalogue{y20: old}})
	var codes []string
	for _, r := range tb.Rows {
		codes = append(codes, r.Code)
	}
	if got := strings.Join(codes, ","); got != "D,A,B,Z,P,C" {
		t.Errorf("order %s, want the newest catalogue's groups and order, then dropped codes in their group", got)
	}
	cases := map[string]string{
		"D": " → 7 |  | mới (năm 2020 không có số liệu) | added",
		"C": "5 →  |  | bỏ (năm 2021 không có số liệu) | removed",
		"A": "10 → 10 | 0 | tương đương | same",
		"B": "23 → 23.000.000 |  | đổi đơn vị, không so sánh | unit-changed",
		"Z": "0 → 3 | +3 | năm 2020 bằng 0, không tính được tỷ lệ | no-base",
		"P": "0,0 → 12,5 | +12,5 | tăng 12,5 điểm phần trăm | up",
	}
	for code, want := range cases {
		r := row(t, tb, code)
		if got := texts(r); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
		for _, s := range append(r.Notes, texts(r)) {
			if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Errorf("%s: %q", code, s)
			}
		}
	}
	a := row(t, tb, "A")
	if a.Name != "Doanh thu" || len(a.Notes) != 1 || a.Notes[0] != "đổi tên: «Doanh thu cũ» (năm 2020) → «Doanh thu» (năm 2021)" {
		t.Errorf("renamed A: name %q notes %q", a.Name, a.Notes)
	}
	b := row(t, tb, "B")
	if b.Unit != "đồng" || strings.Join(b.Units, "|") != "triệu đồng|đồng" || len(b.Notes) != 1 || b.Notes[0] != "đổi đơn vị: «triệu đồng» (năm 2020) → «đồng» (năm 2021)" {
		t.Errorf("unit of B: %q %q %q", b.Unit, b.Units, b.Notes)
	}
	if c := row(t, tb, "C"); c.Name != "Chỉ tiêu bỏ" || c.GroupName != "Nhóm G" {
		t.Errorf("dropped C keeps its old description: %q %q", c.Name, c.GroupName)
	}
	z := row(t, tb, "Z")
	if z.Changes[0].Percent() != nil || !z.Flag || z.PercentText(0) != "" {
		t.Errorf("zero base: percent %v flag %v", z.Changes[0].Percent(), z.Flag)
	}
	if got, want := tb.Summary.String(), "6 chỉ tiêu: 1 tăng, 0 giảm, 1 tương đương, 1 mới, 1 bỏ, 1 năm trước bằng 0, 1 đổi đơn vị; 2 chỉ tiêu biến động vượt ngưỡng cần xem lại"; got != want {
		t.Errorf("summary %q\nwant    %q", got, want)
	}
}

func TestDerivedValueNotes(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "A", Kind: model.Quantity}, {Code: "T", Kind: model.Quantity},
		{Code: "R", Kind: model.Rate, Unit: "%", Decimals: 1, Formula: "A / T * 100"},
	})
	y20 := &model.Figures{Period: model.YearPeriod(2020), Entries: []*model.Entry{entry("A", "5"), entry("T", "10")}}
	y21 := &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{entry("A", "5"), entry("T", "0")}}
	y22 := &model.Figures{Period: model.YearPeriod(2022), Entries: []*model.Entry{entry("A", "5")}}
	tb := Compare(cat, []*model.Figures{y20, y21, y22}, Options{})
	r := row(t, tb, "R")
	if r.Changes[0].Status != Uncomputable || r.Changes[1].Status != Absent {
		t.Errorf("R statuses %s %s", r.Changes[0].Status, r.Changes[1].Status)
	}
	// Division by zero in 2021 is explained; the missing input in 2022 is not worth a note.
	if len(r.Notes) != 1 || !strings.HasPrefix(r.Notes[0], "năm 2021: không tính được chỉ tiêu R") || !strings.Contains(r.Notes[0], "bằng 0") {
		t.Errorf("notes %q", r.Notes)
	}
	if tb.Summary.Removed != 2 {
		t.Errorf("T removed in 2022 and R without values in the newest columns: %+v", tb.Summary)
	}
}

func TestSameYearTwice(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{{Code: "A", Unit: "cái", Kind: model.Quantity}})
	a := &model.Figures{Period: model.YearPeriod(2021), Source: "data/2021.yaml", Entries: []*model.Entry{entry("A", "4")}}
	b := &model.Figures{Period: model.YearPeriod(2021), Source: "sua/2021-sua.yaml", Entries: []*model.Entry{entry("A", "3")}}
	tb := Compare(cat, []*model.Figures{a, b}, Options{})
	if tb.Columns[0].Label != "2021.yaml" || tb.Columns[1].Label != "2021-sua.yaml" {
		t.Errorf("labels %q %q", tb.Columns[0].Label, tb.Columns[1].Label)
	}
	if got := texts(row(t, tb, "A")); got != "4 → 3 | -1 | giảm 25% | down" {
		t.Errorf("A: %q", got)
	}
	// Two files of one quarter: labelled and named by their files, no legend of codes.
	q := model.Period{Kind: model.Quarter, Year: 2022, N: 2}
	qa := &model.Figures{Period: q, Source: "data/2022-Q2.yaml", Entries: []*model.Entry{entry("A", "4")}}
	qb := &model.Figures{Period: q, Source: "sua/2022-Q2-sua.yaml", Entries: []*model.Entry{entry("A", "0")}}
	tb = Compare(cat, []*model.Figures{qa, qb}, Options{})
	if c := tb.Columns[1]; c.Label != "2022-Q2-sua.yaml" || c.Name != c.Label || tb.periodLegend() != "" || tb.Title() != "So sánh số liệu 2022-Q2.yaml và 2022-Q2-sua.yaml" {
		t.Errorf("files of one quarter: %+v, legend %q, title %q", c, tb.periodLegend(), tb.Title())
	}
	empty := &model.Figures{Period: model.YearPeriod(2021), Source: "data/2021.yaml"}
	tb = Compare(cat, []*model.Figures{empty, b}, Options{})
	if w, _ := row(t, tb, "A").ChangeText(0); w != "mới (2021.yaml không có số liệu)" {
		t.Errorf("wording with file labels: %q", w)
	}
}

func TestThresholdFromCatalogue(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "A", Kind: model.Quantity, ChangeLimit: dec("100")},
		{Code: "B", Kind: model.Quantity},
	})
	y20 := &model.Figures{Period: model.YearPeriod(2020), Entries: []*model.Entry{entry("A", "10"), entry("B", "10")}}
	y21 := &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{entry("A", "16"), entry("B", "16")}}
	tb := Compare(cat, []*model.Figures{y20, y21}, Options{})
	if row(t, tb, "A").Flag || !row(t, tb, "B").Flag {
		t.Error("+60%: within A's own 100% limit, beyond B's default 50%")
	}
	tb = Compare(cat, []*model.Figures{y20, y21}, Options{Threshold: big.NewRat(70, 1)})
	if row(t, tb, "A").Flag || row(t, tb, "B").Flag || row(t, tb, "B").Changes[0].Limit.Cmp(big.NewRat(70, 1)) != 0 {
		t.Error("an explicit threshold overrides every limit")
	}
}

func dec10() *big.Rat { return big.NewRat(10, 1) }

func TestFewerThanTwoYears(t *testing.T) {
	cat, years := sampleInputs(t)
	if tb := Compare(cat, nil, Options{}); len(tb.Rows) != 0 || tb.Differs() {
		t.Errorf("no years: %+v", tb)
	}
	tb := Compare(cat, years[:1], Options{})
	var buf strings.Builder
	if err := WriteText(&buf, tb, false); err != nil || len(tb.Rows) != 46 || tb.Differs() || len(tb.Rows[0].Changes) != 0 {
		t.Errorf("one year: %v, %d rows, differs %v", err, len(tb.Rows), tb.Differs())
	}
}

// A plan of a lower-is-better indicator is a ceiling: 9 against 10 keeps it,
// and the column must not read as if 90% of the plan fell short.
func TestCeilingAttainment(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "VP", Name: "Tổ chức bị xử phạt", Unit: "tổ chức", Kind: model.Quantity, LowerIsBetter: true},
		{Code: "DT", Name: "Doanh thu", Unit: "tỷ đồng", Kind: model.Quantity},
	})
	planned := func(code, actual, plan string) *model.Entry {
		e := entry(code, actual)
		e.Plan = dec(plan)
		return e
	}
	y20 := &model.Figures{Period: model.YearPeriod(2020), Entries: []*model.Entry{entry("VP", "12"), entry("DT", "10")}}
	for _, c := range []struct{ vp, want string }{{"9", "90% (trong giới hạn)"}, {"12", "120% (vượt giới hạn)"}} {
		y21 := &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{planned("VP", c.vp, "10"), planned("DT", "9", "10")}}
		tb := Compare(cat, []*model.Figures{y20, y21}, Options{})
		if got := row(t, tb, "VP").AttainmentText(); got != c.want {
			t.Errorf("VP %s of 10: %q, want %q", c.vp, got, c.want)
		}
		if got := row(t, tb, "DT").AttainmentText(); got != "90%" {
			t.Errorf("DT 9 of 10: %q", got)
		}
	}
}

// TestBeyond checks the integer test of a change against its threshold with
// the division it stands for, on signs, fractions and the boundary itself.
func TestBeyond(t *testing.T) {
	var fl flagger
	rats := []string{"-3/2", "-1", "-1/3", "1/7", "1/2", "1", "2", "7/3", "100", "-250/3"}
	limits := []string{"50", "25/2", "100", "1/3", "200", "-5", "0"}
	for _, ds := range rats {
		for _, bs := range rats {
			for _, ls := range limits {
				delta, _ := new(big.Rat).SetString(ds)
				base, _ := new(big.Rat).SetString(bs)
				limit, _ := new(big.Rat).SetString(ls)
				pct := new(big.Rat).Quo(delta, base)
				pct.Mul(pct.Abs(pct), big.NewRat(100, 1))
				if want := pct.Cmp(limit) >= 0; fl.beyond(delta, base, limit) != want {
					t.Errorf("beyond(%s, %s, %s) = %v, want %v", ds, bs, ls, !want, want)
				}
			}
		}
	}
	if !fl.beyond(big.NewRat(1, 1), new(big.Rat), big.NewRat(50, 1)) {
		t.Error("a zero base is always beyond")
	}
}
