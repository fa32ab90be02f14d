package workbook

import (
	"regexp"
	"strings"

	"github.com/baocao/baocao/report/vnformat"
)

var ooxmlEscape = regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`)

// unescapeOOXML decodes the _xHHHH_ escapes OOXML uses in cell text for
// characters XML cannot hold (_x000D_ for a carriage return, _x005F_ for "_").
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return ooxmlEscape.ReplaceAllStringFunc(s, func(m string) string {
		var r rune
		for _, c := range m[2:6] {
			r = r*16 + rune(hexDigit(c))
		}
		if r == '\r' {
			return ""
		}
		return string(r)
	})
}

func hexDigit(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

// fold reduces a label to the form labels are compared in: without diacritics
// (đ as d), lower case, single spaces, without a trailing "(…)", "*", ":" or
// year. "Cùng kỳ  năm trước (2020):" and "cung ky nam truoc" fold alike, so a
// header typed or retyped by hand is still found.
func fold(s string) string {
	out := vnformat.Unaccent(s)
	for prev := ""; out != prev; { // until nothing more comes off: "Thực hiện (2021):"
		prev = out
		out = strings.TrimRight(out, "*: ")
		if i := strings.LastIndexByte(out, '('); i > 0 && strings.HasSuffix(out, ")") {
			out = out[:i]
		}
		out = trimYear(out)
	}
	return out
}

// trimYear drops a trailing year, "2021" or "nam 2021", from a folded label.
func trimYear(s string) string {
	n := len(s)
	if n < 4 || strings.Trim(s[n-4:], "0123456789") != "" || (s[n-4] != '1' && s[n-4] != '2') {
		return s
	}
	rest := strings.TrimRight(s[:n-4], " ")
	if r, ok := strings.CutSuffix(rest, "nam"); ok && (r == "" || strings.HasSuffix(r, " ")) {
		rest = strings.TrimRight(r, " ")
	}
	return rest
}
