package docxtpl

import (
	"path"

	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/vnformat"
)

// Error is one problem in a template, located at a paragraph of a part.
type Error struct {
	Part      string // e.g. "word/document.xml", "word/header1.xml"; "" if unknown
	Paragraph int    // 1-based, w:p in document order within the part; 0 if unknown
	Text      string // the paragraph's text, shortened to about 60 runes with "…"
	Msg       string // Vietnamese
	Fix       string // what to do about it, when something can be said; not part of Error()
	// Limit is set when a limit on the work of filling (MaxWork,
	// MaxOutputSize) stopped it: filling again with other figures would
	// only reach it again.
	Limit bool
}

func (e *Error) Error() string {
	var b strings.Builder
	base := path.Base(e.Part)
	switch {
	case e.Part == "" || e.Part == "word/document.xml":
	case strings.HasPrefix(base, "header"):
		b.WriteString("đầu trang (" + base + ")")
	case strings.HasPrefix(base, "footer"):
		b.WriteString("chân trang (" + base + ")")
	case e.Part == docxpkg.FootnotesPart:
		b.WriteString("chú thích cuối trang (" + base + ")")
	case e.Part == docxpkg.EndnotesPart:
		b.WriteString("chú thích cuối văn bản (" + base + ")")
	case e.Part == "word/comments.xml":
		b.WriteString("ghi chú bên lề (" + base + ")")
	default:
		b.WriteString(e.Part)
	}
	if e.Paragraph > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString("đoạn " + strconv.Itoa(e.Paragraph))
		if e.Text != "" {
			b.WriteString(" «" + e.Text + "»")
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found, in document order. Callers prefix its
// text with the template's file name, or better, take its errors one by one.
type ErrorList []*Error

// MaxSameKind is how many errors of one kind ErrorList.Error writes; the
// rest are summed up in one line, so that a template with 100 000 bad tags
// gives a screen of messages, not megabytes.
const MaxSameKind = 20

// Error writes one error a line, at most MaxSameKind of a kind (the same
// message but for the names and numbers it quotes), each kind's last one
// followed by "… và 99.980 lỗi cùng loại" when there are more.
func (l ErrorList) Error() string {
	total := map[string]int{}
	for _, e := range l {
		total[e.kind()]++
	}
	shown := map[string]int{}
	var lines []string
	for _, e := range l {
		k := e.kind()
		n := shown[k]
		if n == MaxSameKind {
			continue
		}
		shown[k] = n + 1
		lines = append(lines, e.Error())
		if n+1 == MaxSameKind && total[k] > MaxSameKind {
			lines = append(lines, "… và "+vnformat.Count(total[k]-MaxSameKind)+" lỗi cùng loại")
		}
	}
	return strings.Join(lines, "\n")
}

// kind is the message with what it quotes and its numbers left out.
func (e *Error) kind() string {
	var b strings.Builder
	quoted := false
	for _, r := range e.Msg {
		switch {
		case r == '«':
			quoted = true
			b.WriteRune(r)
		case r == '»':
			quoted = false
			b.WriteRune(r)
		case quoted || unicode.IsDigit(r):
		default:
			b.WriteRune(r)
		}
	}
	return e.Part + "\x00" + b.String()
}

// tidy sorts the list by part (in the given order) and paragraph, keeping
// the order of errors at the same place, and drops repeats (a problem in a
// repeated paragraph is reported once).
func (l ErrorList) tidy(parts []string) ErrorList {
	rank := func(part string) int {
		if part == "" {
			return -1
		}
		return slices.Index(parts, part)
	}
	slices.SortStableFunc(l, func(a, b *Error) int {
		if d := rank(a.Part) - rank(b.Part); d != 0 {
			return d
		}
		return a.Paragraph - b.Paragraph
	})
	type key struct {
		part string
		para int
		msg  string
	}
	seen := map[key]bool{}
	out := l[:0]
	for _, e := range l {
		e.Msg = vnformat.ShortenQuoted(e.Msg, maxQuotedRunes, maxMessageRunes)
		k := key{e.Part, e.Paragraph, e.Msg}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// Lengths of what a message quotes, in runes: a tag or a name of a
// megabyte is shown by its start.
const (
	maxQuotedRunes  = 80
	maxMessageRunes = 400
)

// excerptRunes is about how much of a paragraph an error quotes.
const excerptRunes = 60

// excerpt shortens a paragraph's text for an error message, keeping the
// byte offset at visible when the text is long (the tag in question). Only
// a window around at is read, so that quoting a long paragraph for each of
// its many tags stays cheap.
func excerpt(text string, at int) string {
	at = min(max(at, 0), len(text))
	const window = excerptRunes * 8 // bytes: enough for the runes shown, of up to 4 bytes, and some spaces
	cutLeft, cutRight := false, false
	if len(text) > 2*window {
		lo, hi := max(0, at-window), min(len(text), at+window)
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		for hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi++
		}
		cutLeft, cutRight = lo > 0, hi < len(text)
		text, at = text[lo:hi], at-lo
	}
	text = collapseSpace(text, &at)
	runes := []rune(text)
	n := len(runes)
	start, end := 0, n
	if n > excerptRunes {
		pos := utf8.RuneCountInString(text[:at])
		if pos > excerptRunes/3 {
			start = min(pos-excerptRunes/3, n-excerptRunes)
		}
		end = start + excerptRunes
	}
	out := string(runes[start:end])
	if start > 0 || cutLeft {
		out = "…" + out
	}
	if end < n || cutRight {
		out += "…"
	}
	return out
}

// collapseSpace trims the text and turns runs of white space into one space,
// moving the byte offset *at along.
func collapseSpace(text string, at *int) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	newAt := -1
	for i, r := range text {
		if i >= *at && newAt < 0 {
			newAt = b.Len()
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if newAt < 0 {
		newAt = b.Len()
	}
	*at = newAt
	return b.String()
}
