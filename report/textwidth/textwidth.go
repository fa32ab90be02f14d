// Package textwidth measures and folds text for terminal tables: the one
// place for display width, so that the tables of validate and diff align
// Vietnamese (precomposed or with combining marks) and fit the screen.
package textwidth

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Screen is the width terminal tables are made to fit, as a classic
// terminal and a Windows console window at its default size.
const Screen = 100

// Width is how many terminal columns s takes: text is taken in NFC, so a
// Vietnamese letter counts once whether typed precomposed or with combining
// marks; combining marks left over and control characters take no column,
// East Asian wide characters two.
func Width(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || unicode.IsControl(r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Truncate shortens s to at most w columns, ending with "…" when cut.
func Truncate(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range norm.NFC.String(s) {
		rw := runeWidth(r)
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return strings.TrimRight(b.String(), " ,") + "…"
}

// words splits s where it may fold: between words, but never before a
// number, which stays with the word before it ("tăng 8,3%", "thứ 11/63").
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if len(out) > 0 && startsNumber(f) {
			out[len(out)-1] += " " + f
			continue
		}
		out = append(out, f)
	}
	return out
}

func startsNumber(s string) bool {
	s = strings.TrimLeft(s, "+-−(")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// LongestWord is the width of the widest unit of s that Wrap keeps whole: the
// narrowest s can be folded to.
func LongestWord(s string) int {
	n := 0
	for _, w := range words(s) {
		n = max(n, Width(w))
	}
	return n
}

// LongestField is the width of the widest run of s without a space: the
// narrowest WrapAtSpaces can fold s to.
func LongestField(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		n = max(n, Width(f))
	}
	return n
}

// Wrap folds s into lines of at most w columns, between words and never
// before a number; a unit wider than w (a long path) has a line of its own,
// whole: never cut, never spread over two lines.
func Wrap(s string, w int) []string { return fold(words(s), w) }

// WrapAtSpaces folds s like Wrap but at any space, before a number too: for
// a table's headings, "Chênh lệch" over "2022-Q2/2022-Q1".
func WrapAtSpaces(s string, w int) []string { return fold(strings.Fields(s), w) }

func fold(units []string, w int) []string {
	var lines []string
	line, lineWidth := "", 0
	for _, word := range units {
		ww := Width(word)
		switch {
		case line == "":
			line, lineWidth = word, ww
		case lineWidth+1+ww <= w:
			line, lineWidth = line+" "+word, lineWidth+1+ww
		default:
			lines = append(lines, line)
			line, lineWidth = word, ww
		}
	}
	return append(lines, line)
}

// Fit narrows the foldable columns of a table, widest first and never below
// their minimum, until the columns and the gaps between them take at most
// Screen columns or nothing more can fold. widths are changed in place.
func Fit(widths, minimum []int, foldable []bool, gap int) {
	total := gap * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	for total > Screen {
		widest := -1
		for i, w := range widths {
			if foldable[i] && w > minimum[i] && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
		total--
	}
}
