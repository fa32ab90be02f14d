package vnformat

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits that bound the work ParseNumber does on any input; report figures are far
// smaller. A value within them always formats back (Number) in fewer than
// maxInputLen bytes, so it can be written and read again.
const (
	maxInputLen   = 100 // bytes, spaces included
	maxIntDigits  = 30  // significant digits before the decimal comma
	maxFracDigits = 30  // digits after the decimal comma
)

// ParseNote tells what ParseNumber had to interpret, so that callers can warn.
type ParseNote struct {
	// Interpreted is true when the text was not a plain canonical number
	// (optional "-" and digits without a leading zero).
	Interpreted bool
	// Percent is true when a trailing "%" was dropped; the value is unchanged.
	Percent bool
	// Ambiguous is true when the text may well have meant another number, as
	// "1,150" (read 1,15) may have meant 1150.
	Ambiguous bool

	// What Message explains, kept so that the message is written only when
	// asked for: most numbers read have a thousands separator.
	text, body string
	value      decimal.Decimal
	neg        bool
}

// Message explains the reading in Vietnamese, e.g. "«1.150» được hiểu là
// 1150"; "" when there is nothing to say.
func (n ParseNote) Message() string {
	if !n.Interpreted {
		return ""
	}
	return interpretation(n.text, n.body, n.value, n.neg, n.Percent)
}

// ParseError is returned by ParseNumber for text that is not a number.
type ParseError struct {
	Input      string // the text as given
	Reason     string // in Vietnamese
	Suggestion string // in Vietnamese, e.g. "có phải ý là 1,15?"; may be ""
}

func (e *ParseError) Error() string {
	msg := fmt.Sprintf("không đọc được «%s» thành số: %s", Shorten(e.Input, 40), e.Reason)
	if e.Suggestion != "" {
		msg += " (" + e.Suggestion + ")"
	}
	return msg
}

// Shorten keeps a text quoted in a message readable: invalid UTF-8 replaced,
// and cut to its first max characters and "…" when longer.
func Shorten(s string, max int) string {
	return Cut(strings.ToValidUTF8(s, "\uFFFD"), max+1)
}

// Cut shortens s to n characters, the last one "…", when it is longer; it
// reads no further than the cut, so that cutting a megabyte stays cheap.
func Cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n-1 {
			if utf8.RuneCountInString(s[i:]) > 1 {
				return s[:i] + "…"
			}
			return s
		}
		count++
	}
	return s
}

// ShortenQuoted keeps a message readable however long the values it quotes:
// each value quoted «…» is cut to maxQuoted characters, then the whole
// message to maxMessage.
func ShortenQuoted(msg string, maxQuoted, maxMessage int) string {
	if len(msg) <= maxQuoted {
		return msg
	}
	var b strings.Builder
	for {
		open := strings.Index(msg, "«")
		if open < 0 {
			break
		}
		end := strings.Index(msg[open:], "»")
		if end < 0 {
			break
		}
		b.WriteString(msg[:open+len("«")])
		b.WriteString(Cut(msg[open+len("«"):open+end], maxQuoted))
		b.WriteString("»")
		msg = msg[open+end+len("»"):]
	}
	b.WriteString(msg)
	return Cut(b.String(), maxMessage)
}

// groupSpace reports whether r may separate groups of thousands: a space, a
// non-breaking space, a narrow no-break space, a thin space or a figure space.
func groupSpace(r rune) bool {
	switch r {
	case ' ', '\u00A0', '\u202F', '\u2009', '\u2007':
		return true
	}
	return false
}

// ParseNumber reads a number typed as text the Vietnamese way: "." groups thousands
// and "," is the decimal sign ("1.234,5" = 1234.5; "1.150" = 1150; "8,3" = 8.3).
// Spaces of any width may also group thousands ("1 150"); the signs "-", "−" (U+2212)
// and "+" and a trailing "%" (dropped, value unchanged) are accepted.
// The note says what was interpreted; "1,150" is read as 1,15 and its note warns
// that 1150 may have been meant. Text in the US style ("1,234.5"), a dot not followed
// by exactly three digits ("1.15"), several commas, letters and anything else fail
// with a *ParseError, whose Suggestion gives the likely meaning when there is one.
func ParseNumber(s string) (decimal.Decimal, ParseNote, error) {
	if v, note, ok := parsePlain(s); ok {
		return v, note, nil
	}
	return parseNumber(s)
}

// parsePlain reads what most inputs are, "130", "1.234.567" and their
// negatives, exactly as parseNumber does, without its allocations; ok is false
// for anything else.
func parsePlain(s string) (v decimal.Decimal, note ParseNote, ok bool) {
	body := strings.TrimPrefix(s, "-")
	neg := len(body) < len(s)
	if body == "" || body[0] == '0' && len(body) > 1 {
		return v, note, false
	}
	var n int64
	digits, group, dots := 0, 0, false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case '0' <= c && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			group++
		case c == '.' && group > 0 && (dots && group == 3 || !dots && group <= 3):
			dots, group = true, 0
		default:
			return v, note, false
		}
		if digits > 18 { // beyond int64
			return v, note, false
		}
	}
	if dots && group != 3 || neg && n == 0 {
		return v, note, false
	}
	if neg {
		n = -n
	}
	v = decimal.NewFromInt(n)
	if dots {
		note = ParseNote{Interpreted: true, text: s, body: body, value: v, neg: neg}
	}
	return v, note, true
}

// parseNumber is ParseNumber for every form.
func parseNumber(s string) (decimal.Decimal, ParseNote, error) {
	fail := func(reason, suggestion string) (decimal.Decimal, ParseNote, error) {
		return decimal.Zero, ParseNote{}, &ParseError{Input: s, Reason: reason, Suggestion: suggestion}
	}
	if len(s) > maxInputLen {
		return fail(fmt.Sprintf("chuỗi dài quá %d ký tự, không phải là một số", maxInputLen), "")
	}
	text := strings.TrimFunc(s, unicode.IsSpace)
	if text == "" {
		return fail("chuỗi rỗng, không có số", "")
	}
	var note ParseNote
	body := text
	if rest, ok := strings.CutSuffix(body, "%"); ok {
		note.Percent = true
		body = strings.TrimRightFunc(rest, unicode.IsSpace)
	}
	neg := false
	switch r, size := utf8.DecodeRuneInString(body); r {
	case '-', '−':
		neg = true
		body = strings.TrimLeftFunc(body[size:], unicode.IsSpace)
	case '+':
		body = strings.TrimLeftFunc(body[size:], unicode.IsSpace)
	}

	hasDigit := false
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case r == '.' || r == ',' || groupSpace(r):
		default:
			return fail("có ký tự không hợp lệ "+showRune(r)+"; số chỉ gồm chữ số, dấu chấm ngăn hàng nghìn và dấu phẩy thập phân", "")
		}
	}
	if !hasDigit {
		return fail("không có chữ số nào", "")
	}

	intDigits, frac, reason := splitVietnamese(body)
	if reason != "" {
		suggestion := ""
		if v, scale, ok := readUS(body, neg); ok {
			suggestion = "có phải ý là " + Number(v, scale)
			if note.Percent {
				suggestion += "%"
			}
			suggestion += "?"
		}
		return fail(reason, suggestion)
	}
	if len(strings.TrimLeft(intDigits, "0")) > maxIntDigits || len(frac) > maxFracDigits {
		return fail(fmt.Sprintf("số quá lớn hoặc quá nhiều chữ số (tối đa %d chữ số phần nguyên và %d chữ số phần thập phân)", maxIntDigits, maxFracDigits), "")
	}
	v := fromDigits(neg, intDigits, frac)

	canonical := strings.TrimPrefix(text, "-")
	note.Interpreted = canonical != intDigits || (len(intDigits) > 1 && intDigits[0] == '0') || (neg && v.IsZero())
	if note.Interpreted {
		note.text, note.body, note.value, note.neg = text, body, v, neg
		note.Ambiguous = ambiguousComma(body)
	}
	return v, note, nil
}

// interpretation explains in Vietnamese how text, whose digits and separators are
// body, was read as v.
func interpretation(text, body string, v decimal.Decimal, neg, percent bool) string {
	var details []string
	if percent {
		details = append(details, "bỏ dấu %")
	}
	if strings.ContainsRune(body, '.') {
		details = append(details, "dấu chấm ngăn hàng nghìn")
	}
	if strings.IndexFunc(body, groupSpace) >= 0 {
		details = append(details, "dấu cách ngăn hàng nghìn")
	}
	if strings.ContainsRune(body, ',') {
		details = append(details, "dấu phẩy là dấu thập phân")
	}
	msg := fmt.Sprintf("«%s» được hiểu là %s", text, exactText(v))
	if len(details) > 0 {
		msg += " (" + strings.Join(details, "; ") + ")"
	}
	if ambiguousComma(body) {
		intPart, frac, _ := strings.Cut(body, ",")
		msg += fmt.Sprintf("; nếu ý là %s%s thì hãy ghi %s%s.%s hoặc %s%s",
			signText(neg), intPart+frac, signText(neg), intPart, frac, signText(neg), intPart+frac)
	}
	return msg
}

func signText(neg bool) string {
	if neg {
		return "-"
	}
	return ""
}

func showRune(r rune) string {
	if r != utf8.RuneError && unicode.IsPrint(r) && !unicode.IsSpace(r) {
		return "«" + string(r) + "»"
	}
	return fmt.Sprintf("U+%04X", r)
}

// splitVietnamese reads body (digits, ".", "," and group spaces, no sign) with "." or
// spaces grouping thousands and "," as the decimal sign. It returns the integer digits
// (possibly empty, as in ",5"), the fractional digits, or a reason in Vietnamese.
func splitVietnamese(body string) (intDigits, frac, reason string) {
	intPart, frac, hasComma := strings.Cut(body, ",")
	if hasComma {
		switch {
		case strings.Contains(frac, ","):
			if strings.Contains(frac, ".") {
				return "", "", reasonUS
			}
			return "", "", "có nhiều dấu phẩy; dấu phẩy chỉ dùng một lần, để ngăn phần thập phân"
		case strings.Contains(frac, "."):
			return "", "", reasonUS
		case strings.IndexFunc(frac, groupSpace) >= 0:
			return "", "", "phần thập phân (sau dấu phẩy) chỉ được có chữ số"
		case frac == "":
			return "", "", "thiếu chữ số sau dấu phẩy"
		}
	}
	isDot := func(r rune) bool { return r == '.' }
	dot := strings.ContainsRune(intPart, '.')
	space := strings.IndexFunc(intPart, groupSpace) >= 0
	switch {
	case dot && space:
		return "", "", "dùng lẫn dấu chấm và dấu cách để ngăn hàng nghìn"
	case dot:
		reason = checkGroups(splitOn(intPart, isDot), "dấu chấm")
	case space:
		reason = checkGroups(splitOn(intPart, groupSpace), "dấu cách")
	}
	if reason != "" {
		return "", "", reason
	}
	intDigits = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart)
	return intDigits, frac, ""
}

const reasonUS = "dấu chấm đứng sau dấu phẩy như cách viết Anh – Mỹ; trong văn bản tiếng Việt dấu chấm ngăn hàng nghìn, dấu phẩy ngăn phần thập phân"

// splitOn splits s around every rune for which sep is true; unlike
// strings.FieldsFunc it keeps empty fields, so doubled separators are caught.
func splitOn(s string, sep func(rune) bool) []string {
	var fields []string
	start := 0
	for i, r := range s {
		if sep(r) {
			fields = append(fields, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(fields, s[start:])
}

// checkGroups verifies groups of thousands split on the separator named sep:
// the first has 1 to 3 digits and no leading zero, every later one exactly 3.
func checkGroups(groups []string, sep string) string {
	if first := groups[0]; first == "" || len(first) > 3 || first[0] == '0' {
		return fmt.Sprintf("trước %s ngăn hàng nghìn đầu tiên phải có từ 1 đến 3 chữ số, không bắt đầu bằng 0", sep)
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return fmt.Sprintf("khi %s ngăn hàng nghìn, sau mỗi %s phải có đúng 3 chữ số", sep, sep)
		}
	}
	return ""
}

// readUS reads body the US way ("," groups thousands, "." is the decimal point) to
// suggest what a rejected text probably meant. scale is the number of decimals typed.
func readUS(body string, neg bool) (v decimal.Decimal, scale int, ok bool) {
	if strings.IndexFunc(body, groupSpace) >= 0 {
		return decimal.Zero, 0, false
	}
	intPart, frac, hasDot := strings.Cut(body, ".")
	if strings.ContainsAny(frac, ".,") || (hasDot && frac == "") {
		return decimal.Zero, 0, false
	}
	if strings.Contains(intPart, ",") && checkGroups(strings.Split(intPart, ","), "dấu phẩy") != "" {
		return decimal.Zero, 0, false
	}
	intDigits := strings.ReplaceAll(intPart, ",", "")
	// ParseNumber calls readUS only on text with a digit, so intDigits+frac is not empty.
	if len(strings.TrimLeft(intDigits, "0")) > maxIntDigits || len(frac) > maxFracDigits {
		return decimal.Zero, 0, false
	}
	return fromDigits(neg, intDigits, frac), len(frac), true
}

// fromDigits builds the exact value sign·intDigits,frac with len(frac) decimals.
// The arguments hold ASCII digits only and are not both empty.
func fromDigits(neg bool, intDigits, frac string) decimal.Decimal {
	coef, _ := new(big.Int).SetString(intDigits+frac, 10)
	if neg {
		coef.Neg(coef)
	}
	return decimal.NewFromBigInt(coef, -int32(len(frac)))
}

// ambiguousComma reports whether body such as "1,150" might have meant 1150 with a
// comma grouping thousands: one comma, 1 to 3 digits before it not starting with 0,
// and exactly 3 digits after it.
func ambiguousComma(body string) bool {
	intPart, frac, ok := strings.Cut(body, ",")
	return ok && len(frac) == 3 && len(intPart) >= 1 && len(intPart) <= 3 &&
		intPart[0] != '0' && strings.Trim(intPart, "0123456789") == ""
}

// exactText writes the exact value of v, every decimal kept, the Vietnamese way:
// 1.650.000, 8,3.
func exactText(v decimal.Decimal) string {
	neg, intPart, frac := exactDigits(v)
	return string(appendNumber(nil, neg, []byte(intPart+frac), len(frac), false))
}
