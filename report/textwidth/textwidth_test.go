package textwidth

import (
	"slices"
	"testing"
)

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{
		"Tổng số":                         7,
		"To\u0302\u0309ng so\u0302\u0301": 7, // decomposed
		"漢字":                              4,
		"a\x1b[31m":                       5, // the escape itself takes no column
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
	if got := Truncate("Tổng số thuê bao điện thoại", 10); got != "Tổng số t…" || Width(got) > 10 {
		t.Errorf("Truncate = %q", got)
	}
}

func TestWrapNeverSplitsAWord(t *testing.T) {
	got := Wrap("Số thuê bao điện thoại cố định và di động trả sau 1.600.000", 13)
	want := []string{"Số thuê bao", "điện thoại cố", "định và di", "động trả", "sau 1.600.000"}
	if !slices.Equal(got, want) {
		t.Errorf("Wrap = %q", got)
	}
	if got := Wrap("giảm 28% so với", 6); !slices.Equal(got, []string{"giảm 28%", "so với"}) {
		t.Errorf("a number stays with its word: %q", got)
	}
	if got := Wrap("trong /tmp/a/b/c/2021.yaml: x", 6); !slices.Equal(got, []string{"trong", "/tmp/a/b/c/2021.yaml:", "x"}) {
		t.Errorf("long word: %q", got)
	}
	if got := Wrap("", 5); !slices.Equal(got, []string{""}) {
		t.Errorf("empty: %q", got)
	}
}

func TestFit(t *testing.T) {
	widths := []int{18, 40, 16, 10, 31}
	Fit(widths, []int{18, 12, 8, 10, 10}, []bool{false, true, true, false, true}, 2)
	if sum := 18 + widths[1] + widths[2] + 10 + widths[4] + 8; sum > Screen || widths[1] < 12 {
		t.Errorf("widths %v take %d", widths, sum)
	}
	wide := []int{60, 60}
	Fit(wide, []int{50, 55}, []bool{true, true}, 2)
	if !slices.Equal(wide, []int{50, 55}) {
		t.Errorf("folds below the minimum: %v", wide)
	}
}
