package vnformat

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestCleanText(t *testing.T) {
	cases := map[string]string{
		"  Nam \u0110i\u0323nh\u00a0 ": "Nam Định",
		"a\r\nb":                       "a\nb",
		"x\xffy":                       "x\uFFFDy",
	}
	for in, want := range cases {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnaccent(t *testing.T) {
	for in, want := range map[string]string{"Ước  tính": "uoc tinh", "ĐƠN VỊ": "don vi", "Cùng kỳ\u00a0năm trước": "cung ky nam truoc"} {
		if got := Unaccent(in); got != want {
			t.Errorf("Unaccent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for _, s := range []string{"có", "Có", "x", "ước", "Ước tính", "true", "1", "đúng"} {
		if v, ok := ParseYesNo(s); !v || !ok {
			t.Errorf("ParseYesNo(%q) = %v, %v", s, v, ok)
		}
	}
	for _, s := range []string{"không", "Không", "", "  ", "false", "0"} {
		if v, ok := ParseYesNo(s); v || !ok {
			t.Errorf("ParseYesNo(%q) = %v, %v", s, v, ok)
		}
	}
	for _, s := range []string{"chắc", "maybe", "2"} {
		if _, ok := ParseYesNo(s); ok {
			t.Errorf("ParseYesNo(%q) accepted", s)
		}
	}
}

// TestHasOddSpace: the byte scan finds what strings.ContainsAny finds.
func TestHasOddSpace(t *testing.T) {
	for _, s := range []string{"", "a\u00a0b", "Nam Định", "x\u202f", "\u2007", "a\rb", "\u2008\u20af\u00a1", "\u00a0", "Ở đâu", "\xc2", "\xe2\x80"} {
		if got, want := hasOddSpace(s), strings.ContainsAny(s, "\u00a0\u202f\u2007\r"); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestNFCStarters checks that a text of only the characters plainLatin takes
// is NFC as it is: each is NFC alone, combines with nothing before it and
// starts a segment, so no pair of them composes either.
func TestNFCStarters(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !nfcStarter(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() || r == '\u00a0' || hasOddSpace(s) {
			t.Errorf("%U is not a plain NFC starter", r)
		}
		for _, prev := range []string{"a", "A", "ư", "Ơ", "ệ", "ê", "â", "ă"} {
			if !norm.NFC.IsNormalString(prev + s) {
				t.Errorf("%s%c is not NFC", prev, r)
			}
		}
	}
	if n == 0 {
		t.Fatal("no character taken")
	}
	for _, s := range []string{"Nhiệm vụ số 1: triển khai – «chuyển đổi số»…", "Đặng Thị Hồng"} {
		if !plainLatin(s) || CleanText(" "+s+" ") != s {
			t.Errorf("%q not taken as plain", s)
		}
	}
	for _, s := range []string{"Vie\u0302\u0323t", "a\u00a0b", "a\r\nb", "\xff", "\u212b", "가"} {
		if plainLatin(s) {
			t.Errorf("%q taken as plain", s)
		}
	}
}
