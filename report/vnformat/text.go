package vnformat

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CleanText normalises text as typed or pasted into an input: valid UTF-8, NFC
// (text pasted from some programs is decomposed), non-breaking spaces made
// ordinary, CR LF made LF, and trimmed.
func CleanText(s string) string {
	if plainLatin(s) { // most inputs: nothing to normalise
		return strings.TrimSpace(s)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD") // inputs are UTF-8; broken bytes are shown, not guessed
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if hasOddSpace(s) { // Replace copies even when nothing changes
		s = spaces.Replace(s)
	}
	return strings.TrimSpace(s)
}

// plainLatin reports whether s is valid UTF-8 of ASCII and the precomposed
// Latin letters Vietnamese is typed in, with no carriage return or odd space:
// each of these characters is NFC and combines with none before it, so s is
// NFC as it is, which norm's check finds at several times the cost.
func plainLatin(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !nfcStarter(r) {
			return false // also utf8.RuneError, for a broken byte
		}
		i += size
	}
	return true
}

// nfcStarter tells the characters plainLatin takes: Latin-1 and Latin
// Extended-A and B letters and signs (not U+00A0), Latin Extended Additional
// (ạ…ỹ), and the general punctuation of dashes, quotes and the ellipsis.
// TestNFCStarters checks each against the Unicode tables.
func nfcStarter(r rune) bool {
	return 0xa1 <= r && r <= 0x24f || 0x1e00 <= r && r <= 0x1eff || 0x2010 <= r && r <= 0x2027
}

// hasOddSpace reports whether s holds what spaces replaces, by its bytes:
// strings.ContainsAny decodes every rune of s, a fifth of the time of reading
// a big input.
func hasOddSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			return true
		case 0xc2: // U+00A0 is C2 A0
			if i+1 < len(s) && s[i+1] == 0xa0 {
				return true
			}
		case 0xe2: // U+202F is E2 80 AF, U+2007 E2 80 87
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xaf || s[i+2] == 0x87) {
				return true
			}
		}
	}
	return false
}

var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2007", " ", "\r\n", "\n", "\r", "\n")

// Unaccent lower-cases s, drops its diacritics (đ becomes d) and folds runs of
// white space into one space, so that words typed with or without accents
// compare equal: "Ước  tính" and "uoc tinh".
func Unaccent(s string) string {
	s = CleanText(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = norm.NFD.String(s)
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var (
	yesWords = []string{"co", "x", "uoc", "uoc tinh", "dung", "true", "yes", "1"}
	noWords  = []string{"", "khong", "false", "no", "0"}
)

// ParseYesNo reads a yes/no answer as typed in an input: "có", "x", "ước",
// "true"… or "không", "false", blank. ok is false for anything else.
func ParseYesNo(s string) (value, ok bool) {
	w := Unaccent(s)
	switch {
	case slices.Contains(yesWords, w):
		return true, true
	case slices.Contains(noWords, w):
		return false, true
	}
	return false, false
}
