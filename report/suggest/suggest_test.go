package suggest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

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

// levenshtein is the plain edit distance, the oracle for distancer.within.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 0}, {"kitten", "sitting", 3}, {"tăng", "tang", 1}, {"", "abc", 3}, {"dt_buu", "DT_BUU", 0}}
	var d distancer
	for _, c := range cases {
		d.prepare([]rune(c.a))
		if got := d.within(c.b, 10); got != c.want {
			t.Errorf("distance(%q,%q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	// With a bound: exact up to it, and above it beyond.
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]rune, rng.IntN(9))
		for i := range b {
			b[i] = []rune("abcăâđ_")[rng.IntN(7)]
		}
		return string(b)
	}
	ascii := func() string { return strings.Map(func(r rune) rune { return r & 0x7f }, word()) }
	for _, w := range []func() string{word, ascii} {
		for range 20000 {
			a, b, k := w(), w(), rng.IntN(5)
			d.prepare([]rune(a)) // counts the letters when a is ASCII
			want := levenshtein([]rune(a), []rune(b))
			got := d.within(b, k)
			if (want <= k && got != want) || (want > k && got <= k) {
				t.Fatalf("within(%q, %q, %d) = %d, distance %d", a, b, k, got, want)
			}
		}
	}
}

// BenchmarkNearest100k looks for the nearest of 100 000 codes, as a template
// naming the sample's codes checked against another catalogue does.
func BenchmarkNearest100k(b *testing.B) {
	codes := make([]string, 100_000)
	for i := range codes {
		codes[i] = fmt.Sprintf("C%06d", i)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range []string{"DT_BUU_CHINH", "TB_DI_DONG", "TL_DVC_34", "XH_ICT"} {
			Nearest(name, codes)
		}
	}
}
