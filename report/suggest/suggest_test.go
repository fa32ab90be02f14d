package suggest

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"DT_BUU_CHINH", "DT_VIEN_THONG", "TB_INTERNET", "bang_chu", "tang_giam"}
	cases := []struct{ in, want string }{
		{"DT_BUU_CHNH", "DT_BUU_CHINH"},
		{"dt_vien_thong", "DT_VIEN_THONG"},
		{"bang_chuu", "bang_chu"},
		{"TB_INTERNT", "TB_INTERNET"},
		{"hoan_toan_khac", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := Nearest(c.in, known); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Nearest("x", nil); got != "" {
		t.Errorf("Nearest with no candidates = %q", got)
	}
	if got := Nearest("ab", []string{"ac", "aa"}); got != "aa" {
		t.Errorf("tie = %q, want the alphabetically first", got)
	}
	if got := DidYouMean("không có hàm «x»", "y"); got != "không có hàm «x»; có phải ý là «y»?" {
		t.Errorf("DidYouMean = %q", got)
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 0}, {"kitten", "sitting", 3}, {"tăng", "tang", 1}, {"", "abc", 3}}
	for _, c := range cases {
		if got := distance([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("distance(%q,%q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
