package vnformat

import (
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

type fmtCase struct {
	in       string
	decimals int
	want     string
}

func checkFormat(t *testing.T, name string, f func(decimal.Decimal, int) string, cases []fmtCase) {
	t.Helper()
	for _, c := range cases {
		if got := f(dec(c.in), c.decimals); got != c.want {
			t.Errorf("%s(%s, %d) = %q, want %q", name, c.in, c.decimals, got, c.want)
		}
	}
}

func TestNumber(t *testing.T) {
	checkFormat(t, "Number", Number, []fmtCase{
		{"1150", 0, "1.150"},
		{"8.25", 1, "8,3"},
		{"-27.99", 1, "-28,0"},
		{"3.759", 2, "3,76"},
		{"1600000", 0, "1.600.000"},
		{"0.05", 1, "0,1"},
		{"2.25", 1, "2,3"},
		{"-2.25", 1, "-2,3"},
		{"1.5", 0, "2"},
		{"2.5", 0, "3"}, // half-up, not to even
		{"-1.5", 0, "-2"},
		{"0.125", 2, "0,13"},
		{"-0.04", 1, "0,0"},
		{"-0.4", 0, "0"},
		{"-0.0001", 2, "0,00"},
		{"0", 0, "0"},
		{"0", 2, "0,00"},
		{"999.5", 0, "1.000"},
		{"999999.96", 1, "1.000.000,0"},
		{"100", 0, "100"},
		{"1000", 0, "1.000"},
		{"12345", 0, "12.345"},
		{"123456", 0, "123.456"},
		{"-1234567", 0, "-1.234.567"},
		{"123456789.123", 2, "123.456.789,12"},
		{"1.2", 3, "1,200"},
		{"95.55", 1, "95,6"},
		{"12345.6", -1, "12.346"}, // negative precision counts as 0
		{"100000000000000000000", 0, "100.000.000.000.000.000.000"},
	})
	if got := Number(decimal.New(1, -200), 1000); len(got) != 102 || got[:4] != "0,00" {
		t.Errorf("Number with 1000 decimals is not clamped to 100: %q", got)
	}
}

func TestNumberTrimAndPercent(t *testing.T) {
	checkFormat(t, "NumberTrim", NumberTrim, []fmtCase{
		{"28.0", 1, "28"},
		{"118.18", 1, "118,2"},
		{"1.50", 2, "1,5"},
		{"100", 0, "100"},
		{"100", 2, "100"},
		{"1000.001", 2, "1.000"},
		{"-27.99", 1, "-28"},
		{"-0.04", 1, "0"},
		{"0.05", 1, "0,1"},
		{"1200", 1, "1.200"},
	})
	checkFormat(t, "Percent", Percent, []fmtCase{
		{"47.01", 1, "47,0%"},
		{"8.333", 1, "8,3%"},
		{"95.55", 1, "95,6%"},
		{"0", 0, "0%"},
	})
	checkFormat(t, "PercentTrim", PercentTrim, []fmtCase{
		{"68.007", 1, "68%"},
		{"95.50", 1, "95,5%"},
		{"118.18", 0, "118%"},
		{"-0.01", 1, "0%"},
	})
}

func TestLeadingZero(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0", 1: "01", 3: "03", 9: "09", 10: "10", 11: "11", 99: "99", 1234: "1.234",
		-3: "-3", -10: "-10", math.MaxInt64: "9.223.372.036.854.775.807", math.MinInt64: "-9.223.372.036.854.775.808",
	} {
		if got := LeadingZero(n); got != want {
			t.Errorf("LeadingZero(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 15, 4, 0, 0, time.UTC) }
	for _, c := range []struct {
		t              time.Time
		date, dayMonth string
	}{
		{day(2022, 1, 5), "ngày 05 tháng 01 năm 2022", "ngày 05 tháng 01"},
		{day(2022, 6, 29), "ngày 29 tháng 6 năm 2022", "ngày 29 tháng 6"},
		{day(2022, 3, 5), "ngày 05 tháng 3 năm 2022", "ngày 05 tháng 3"},
		{day(2021, 12, 15), "ngày 15 tháng 12 năm 2021", "ngày 15 tháng 12"},
		{day(2022, 2, 28), "ngày 28 tháng 02 năm 2022", "ngày 28 tháng 02"},
		{day(2022, 10, 1), "ngày 01 tháng 10 năm 2022", "ngày 01 tháng 10"},
		{day(2021, 11, 18), "ngày 18 tháng 11 năm 2021", "ngày 18 tháng 11"},
		{day(2024, 9, 10), "ngày 10 tháng 9 năm 2024", "ngày 10 tháng 9"},
	} {
		if got := Date(c.t); got != c.date {
			t.Errorf("Date(%s) = %q, want %q", c.t.Format(time.DateOnly), got, c.date)
		}
		if got := DayMonth(c.t); got != c.dayMonth {
			t.Errorf("DayMonth(%s) = %q, want %q", c.t.Format(time.DateOnly), got, c.dayMonth)
		}
	}
}
