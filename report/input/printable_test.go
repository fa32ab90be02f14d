package input

import (
	"testing"
	"unicode/utf8"
)

// printableByRunes is printable as first written, rune by rune: the reference
// for the byte scan.
func printableByRunes(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < ' ' && c != '\n' && c != '\r' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r < 0xa0, r == 0xfeff, r == 0xfffe, r == 0xffff, r == utf8.RuneError:
			return false
		}
		i += size
	}
	return true
}

// TestPrintable checks the byte scan against the rune by rune reading for
// every character, alone and between others, and for broken UTF-8.
func TestPrintable(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		if got, want := printable(b), printableByRunes(b); got != want {
			t.Fatalf("printable(%q) = %v, want %v", b, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		s := string(r)
		check([]byte(s))
		check([]byte("a" + s + "ệ"))
	}
	for _, s := range []string{"\xff", "\xc2", "\xef\xbb", "\xef\xbf", "a\xc2\x9fb", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80", "Nhiệm vụ\r\n", "\ufeffa", "\ufffd"} {
		check([]byte(s))
	}
}
