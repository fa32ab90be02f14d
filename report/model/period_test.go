package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParsePeriodSpellings(t *testing.T) {
	cases := map[string]string{
		"2022":                 "2022",
		"năm 2022":             "2022",
		"2022-6T":              "2022-6T",
		"2022-6t":              "2022-6T",
		"6T-2022":              "2022-6T",
		"6 tháng 2022":         "2022-6T",
		"6 tháng đầu năm 2022": "2022-6T",
		"6 THÁNG ĐẦU NĂM 2022": "2022-6T",
		"2022-9T":              "2022-9T",
		"9t/2022":              "2022-9T",
		"2022-Q3":              "2022-Q3",
		"2022-q1":              "2022-Q1",
		"Q4-2022":              "2022-Q4",
		"quý III năm 2022":     "2022-Q3",
		"Quý 2/2022":           "2022-Q2",
		"2022-T05":             "2022-T05",
		"2022-T5":              "2022-T05",
		"2022-t12":             "2022-T12",
		"T5-2022":              "2022-T05",
		"tháng 5 năm 2022":     "2022-T05",
		"05/2022":              "2022-T05",
		"2022-05":              "2022-T05",
		"  2022-6T ":           "2022-6T",
		"2022\u00a0-\u00a06T":  "2022-6T",
	}
	for in, want := range cases {
		p, err := ParsePeriod(in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", in, err)
			continue
		}
		if p.Code() != want {
			t.Errorf("ParsePeriod(%q) = %s, want %s", in, p.Code(), want)
		}
		// The canonical code reads back as itself.
		if q, err := ParsePeriod(p.Code()); err != nil || q != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.Code(), q, err, p)
		}
	}
}

func TestParsePeriodRefuses(t *testing.T) {
	cases := map[string]string{
		"2022-Q5":  "không có quý 5",
		"2022-T13": "không có tháng 13",
		"2022-T0":  "không có tháng 0",
		"20222":    "không đúng dạng",
		"0999":     "ngoài khoảng",
		"2022-7T":  "không đúng dạng",
		"":         "không đúng dạng",
		"hôm nay":  "không đúng dạng",
		"2022-6":   "không đúng dạng",
	}
	for in, want := range cases {
		_, err := ParsePeriod(in)
		if err == nil {
			t.Errorf("ParsePeriod(%q) accepted", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePeriod(%q): %v; want it to say %q", in, err, want)
		}
		if want == "không đúng dạng" && !strings.Contains(err.Error(), PeriodForms) {
			t.Errorf("ParsePeriod(%q): %v; want the list of valid forms", in, err)
		}
	}
}

func mustPeriod(t *testing.T, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPeriodNames(t *testing.T) {
	cases := []struct{ code, name, stem string }{
		{"2022", "năm 2022", "2022"},
		{"2022-6T", "6 tháng đầu năm 2022", "6-thang-2022"},
		{"2022-9T", "9 tháng đầu năm 2022", "9-thang-2022"},
		{"2023-Q3", "quý III năm 2023", "quy-3-2023"},
		{"2022-Q4", "quý IV năm 2022", "quy-4-2022"},
		{"2022-T05", "tháng 5 năm 2022", "thang-05-2022"},
	}
	for _, c := range cases {
		p := mustPeriod(t, c.code)
		if p.Name() != c.name || p.FileStem() != c.stem {
			t.Errorf("%s: name %q, stem %q; want %q, %q", c.code, p.Name(), p.FileStem(), c.name, c.stem)
		}
	}
}

func TestPeriodArithmetic(t *testing.T) {
	cases := []struct{ code, same, previous, year string }{
		{"2022", "2021", "2021", "2022"},
		{"2022-6T", "2021-6T", "2021-6T", "2022"},
		{"2022-9T", "2021-9T", "2021-9T", "2022"},
		{"2022-Q1", "2021-Q1", "2021-Q4", "2022"},
		{"2022-Q3", "2021-Q3", "2022-Q2", "2022"},
		{"2022-T01", "2021-T01", "2021-T12", "2022"},
		{"2022-T05", "2021-T05", "2022-T04", "2022"},
	}
	for _, c := range cases {
		p := mustPeriod(t, c.code)
		if got := p.SamePeriodLastYear().Code(); got != c.same {
			t.Errorf("%s: same period last year %s, want %s", c.code, got, c.same)
		}
		if got := p.Previous().Code(); got != c.previous {
			t.Errorf("%s: previous %s, want %s", c.code, got, c.previous)
		}
		if got := p.TheYear().Code(); got != c.year {
			t.Errorf("%s: year %s, want %s", c.code, got, c.year)
		}
	}
	if got := mustPeriod(t, "2021").NextYear().Code(); got != "2022" {
		t.Errorf("next year of 2021: %s", got)
	}
}

func TestPeriodIncludesAndOrder(t *testing.T) {
	y := mustPeriod(t, "2022")
	h := mustPeriod(t, "2022-6T")
	n := mustPeriod(t, "2022-9T")
	q1 := mustPeriod(t, "2022-Q1")
	q3 := mustPeriod(t, "2022-Q3")
	jun := mustPeriod(t, "2022-T06")
	for _, c := range []struct {
		p, q Period
		want bool
	}{
		{y, n, true}, {n, h, true}, {h, q1, true}, {h, jun, true}, {h, q3, false},
		{q1, h, false}, {n, q3, true}, {h, mustPeriod(t, "2021-Q1"), false},
	} {
		if got := c.p.Includes(c.q); got != c.want {
			t.Errorf("%s includes %s: %v, want %v", c.p, c.q, got, c.want)
		}
	}
	for _, p := range []Period{y, h, n, q1} {
		if !p.FromYearStart() {
			t.Errorf("%s should start with the year", p)
		}
	}
	if q3.FromYearStart() || jun.FromYearStart() {
		t.Error("Q3 and June do not start with the year")
	}

	series := []Period{q3, mustPeriod(t, "2021-Q4"), q1, mustPeriod(t, "2022-Q2")}
	slices.SortFunc(series, Period.Compare)
	var codes []string
	for _, p := range series {
		codes = append(codes, p.Code())
	}
	if got := strings.Join(codes, " "); got != "2021-Q4 2022-Q1 2022-Q2 2022-Q3" {
		t.Errorf("sorted series: %s", got)
	}
}

func TestPeriodWindow(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		code     string
		rule     WindowRule
		from, to time.Time
	}{
		{"2022-T05", Decree09, d(2022, 4, 15), d(2022, 5, 14)},
		{"2022-T01", Decree09, d(2021, 12, 15), d(2022, 1, 14)},
		{"2022-Q3", Decree09, d(2022, 6, 15), d(2022, 9, 14)},
		{"2022-Q1", Decree09, d(2021, 12, 15), d(2022, 3, 14)},
		{"2022-6T", Decree09, d(2021, 12, 15), d(2022, 6, 14)},
		{"2022-9T", Decree09, d(2021, 12, 15), d(2022, 9, 14)},
		{"2022", Decree09, d(2021, 12, 15), d(2022, 12, 14)},
		{"2024-T02", Calendar, d(2024, 2, 1), d(2024, 2, 29)},
		{"2022-Q2", Calendar, d(2022, 4, 1), d(2022, 6, 30)},
		{"2022-6T", Calendar, d(2022, 1, 1), d(2022, 6, 30)},
		{"2022", Calendar, d(2022, 1, 1), d(2022, 12, 31)},
	}
	for _, c := range cases {
		from, to := mustPeriod(t, c.code).Window(c.rule)
		if !from.Equal(c.from) || !to.Equal(c.to) {
			t.Errorf("%s (%d): %s – %s, want %s – %s", c.code, c.rule, from.Format(time.DateOnly), to.Format(time.DateOnly),
				c.from.Format(time.DateOnly), c.to.Format(time.DateOnly))
		}
	}
	if got := mustPeriod(t, "2022-6T").WindowText(Decree09); got != "Số liệu tính từ ngày 15/12/2021 đến ngày 14/6/2022" {
		t.Errorf("window text: %s", got)
	}
	if got := mustPeriod(t, "2022-T01").WindowText(Calendar); got != "Số liệu tính từ ngày 01/01/2022 đến ngày 31/01/2022" {
		t.Errorf("window text: %s", got)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2022", "2022-6T", "quý III năm 2022", "T5-2022", "05/2022", "2022-Q9", "６T-２０２２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.check() != nil {
			t.Fatalf("%q gave an invalid period %+v", s, p)
		}
		if q, err := ParsePeriod(p.Code()); err != nil || q != p {
			t.Fatalf("%q: code %s reads back as %v, %v", s, p.Code(), q, err)
		}
		if p.SamePeriodLastYear().NextYear() != p {
			t.Fatalf("%q: a year back and forth is not the same period", s)
		}
		if from, to := p.Window(Decree09); !from.Before(to) {
			t.Fatalf("%q: empty window", s)
		}
	})
}
