package vnformat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// groupScales names the groups of three digits inside a block of nine; above nine
// digits the higher blocks are joined by "tỷ" (see readInteger).
var groupScales = [3]string{"", "nghìn", "triệu"}

// Words reads d in words, northern official style, lower case: 21 "hai mươi mốt",
// 1.005 "một nghìn không trăm linh năm", 10^12 "một nghìn tỷ", -8,3 "âm tám phẩy ba".
// The exact value is read (trailing fractional zeros dropped); after "phẩy" each
// leading zero of the fraction is "không" and the rest is read as a number:
// 1,05 "một phẩy không năm"; 3,14 "ba phẩy mười bốn". Any size works: the value is
// read from its digit string.
func Words(d decimal.Decimal) string {
	neg, intPart, frac := exactDigits(d)
	var w []string
	if neg {
		w = append(w, "âm")
	}
	if intPart == "0" {
		w = append(w, digitWords[0])
	} else {
		w = readInteger(w, intPart)
	}
	if frac != "" {
		w = append(w, "phẩy")
		rest := strings.TrimLeft(frac, "0")
		for range len(frac) - len(rest) {
			w = append(w, digitWords[0])
		}
		// rest is not empty: exactDigits drops trailing zeros.
		w = readInteger(w, rest)
	}
	return strings.Join(w, " ")
}

// exactDigits splits the exact value of d into sign, integer digits without leading
// zeros ("0" for zero) and fractional digits without trailing zeros.
// It builds the digits itself rather than using d.String, whose output depends on
// the package-wide decimal.UseScientificNotation switch.
func exactDigits(d decimal.Decimal) (neg bool, intPart, frac string) {
	coef := d.Coefficient()
	neg = coef.Sign() < 0
	digits := coef.Abs(coef).String()
	exp := int(d.Exponent())
	switch {
	case digits == "0":
		return false, "0", ""
	case exp >= 0:
		return neg, digits + strings.Repeat("0", exp), ""
	case len(digits) > -exp:
		intPart, frac = digits[:len(digits)+exp], digits[len(digits)+exp:]
	default:
		intPart, frac = "0", strings.Repeat("0", -exp-len(digits))+digits
	}
	return neg, intPart, strings.TrimRight(frac, "0")
}

// readInteger appends the words of a string of decimal digits. Blocks of nine digits
// are joined by "tỷ", so the part above tỷ is itself read as a number:
// 10^12 "một nghìn tỷ", 10^18 "một tỷ tỷ", 1.005×10^12 "một nghìn không trăm linh năm tỷ".
// digits must not start with "0"; zero itself is read by the caller.
func readInteger(w []string, digits string) []string {
	first := len(digits) % 9
	if first == 0 {
		first = 9
	}
	w = readBlock(w, digits[:first], true)
	for i := first; i < len(digits); i += 9 {
		w = append(w, "tỷ")
		w = readBlock(w, digits[i:i+9], false)
	}
	return w
}

// readBlock appends the words of at most nine digits split into groups of three.
// leading tells whether the block starts the number; only then may its first group
// omit "không trăm". Groups that are all zero are skipped.
func readBlock(w []string, digits string, leading bool) []string {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	for start, end := 0, first; start < len(digits); start, end = end, end+3 {
		group := digits[start:end]
		scale := groupScales[(len(digits)-end)/3]
		if strings.Trim(group, "0") == "" {
			continue
		}
		w = readGroup(w, group, !leading || start > 0)
		if scale != "" {
			w = append(w, scale)
		}
	}
	return w
}

// readGroup appends the words of one group of one to three digits (not all zero).
// full reads the hundreds even when they are zero ("không trăm"), as every group
// after the first one in a number must.
func readGroup(w []string, group string, full bool) []string {
	for len(group) < 3 {
		group = "0" + group
	}
	h, t, u := group[0]-'0', group[1]-'0', group[2]-'0'
	hundreds := full || h > 0
	if hundreds {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u != 0 && hundreds:
		w = append(w, "linh")
	case t == 1:
		w = append(w, "mười")
	case t >= 2:
		w = append(w, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t >= 2:
		w = append(w, "mốt")
	case u == 4 && t >= 2:
		w = append(w, "tư")
	case u == 5 && t >= 1:
		w = append(w, "lăm")
	default:
		w = append(w, digitWords[u])
	}
	return w
}

// Capitalize upper-cases the first character (rune) of s and leaves the rest:
// "hai mươi" → "Hai mươi"; "ước" → "Ước".
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// MoneyWords writes an amount in words, capitalised, followed by its unit:
// MoneyWords(23000000, "đồng") = "Hai mươi ba triệu đồng". An empty unit gives only
// the words.
func MoneyWords(d decimal.Decimal, unit string) string {
	s := Capitalize(Words(d))
	if unit == "" {
		return s
	}
	return s + " " + unit
}
