package workbook

import "testing"

func TestRowRanges(t *testing.T) {
	cases := []struct {
		rows []int
		want string
	}{
		{nil, ""},
		{[]int{2}, "E2:E2 G2:G2"},
		{[]int{2, 3, 4, 7, 9, 10}, "E2:E4 G2:G4 E7:E7 G7:G7 E9:E10 G9:G10"},
	}
	for _, c := range cases {
		if got := rowRanges(c.rows, []int{5, 7}); got != c.want {
			t.Errorf("rowRanges(%v) = %q, want %q", c.rows, got, c.want)
		}
	}
}
