package vnformat

import (
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func checkWords(t *testing.T, cases []struct{ in, want string }) {
	t.Helper()
	for _, c := range cases {
		if got := Words(dec(c.in)); got != c.want {
			t.Errorf("Words(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Every example of /work/shared/design/vietnamese-numbers.md.
func TestWordsDesignDocument(t *testing.T) {
	checkWords(t, []struct{ in, want string }{
		{"10", "mười"},
		{"14", "mười bốn"},
		{"20", "hai mươi"},
		{"21", "hai mươi mốt"},
		{"11", "mười một"},
		{"101", "một trăm linh một"},
		{"15", "mười lăm"},
		{"25", "hai mươi lăm"},
		{"105", "một trăm linh năm"},
		{"24", "hai mươi tư"},
		{"1005", "một nghìn không trăm linh năm"},
		{"23010000", "hai mươi ba triệu không trăm mười nghìn"},
		{"2000500", "hai triệu năm trăm"},
		{"1000000000000", "một nghìn tỷ"},
		{"1000000000000000", "một triệu tỷ"},
		{"1000000000000000000", "một tỷ tỷ"},
		{"1005000000000", "một nghìn không trăm linh năm tỷ"},
		{"-5", "âm năm"},
		{"8.3", "tám phẩy ba"},
	})
	if got := MoneyWords(dec("23000000"), "đồng"); got != "Hai mươi ba triệu đồng" {
		t.Errorf("MoneyWords(23000000, đồng) = %q", got)
	}
}

// Every boundary from 0 to 1000, written out by hand.
func TestWordsUpToThousand(t *testing.T) {
	checkWords(t, []struct{ in, want string }{
		{"0", "không"},
		{"1", "một"},
		{"2", "hai"},
		{"3", "ba"},
		{"4", "bốn"},
		{"5", "năm"},
		{"6", "sáu"},
		{"7", "bảy"},
		{"8", "tám"},
		{"9", "chín"},
		{"10", "mười"},
		{"11", "mười một"},
		{"12", "mười hai"},
		{"14", "mười bốn"},
		{"15", "mười lăm"},
		{"16", "mười sáu"},
		{"19", "mười chín"},
		{"20", "hai mươi"},
		{"21", "hai mươi mốt"},
		{"22", "hai mươi hai"},
		{"24", "hai mươi tư"},
		{"25", "hai mươi lăm"},
		{"29", "hai mươi chín"},
		{"30", "ba mươi"},
		{"31", "ba mươi mốt"},
		{"34", "ba mươi tư"},
		{"35", "ba mươi lăm"},
		{"40", "bốn mươi"},
		{"41", "bốn mươi mốt"},
		{"44", "bốn mươi tư"},
		{"45", "bốn mươi lăm"},
		{"50", "năm mươi"},
		{"51", "năm mươi mốt"},
		{"54", "năm mươi tư"},
		{"55", "năm mươi lăm"},
		{"60", "sáu mươi"},
		{"70", "bảy mươi"},
		{"77", "bảy mươi bảy"},
		{"80", "tám mươi"},
		{"90", "chín mươi"},
		{"91", "chín mươi mốt"},
		{"94", "chín mươi tư"},
		{"95", "chín mươi lăm"},
		{"99", "chín mươi chín"},
		{"100", "một trăm"},
		{"101", "một trăm linh một"},
		{"104", "một trăm linh bốn"},
		{"105", "một trăm linh năm"},
		{"109", "một trăm linh chín"},
		{"110", "một trăm mười"},
		{"111", "một trăm mười một"},
		{"114", "một trăm mười bốn"},
		{"115", "một trăm mười lăm"},
		{"119", "một trăm mười chín"},
		{"120", "một trăm hai mươi"},
		{"121", "một trăm hai mươi mốt"},
		{"124", "một trăm hai mươi tư"},
		{"125", "một trăm hai mươi lăm"},
		{"150", "một trăm năm mươi"},
		{"155", "một trăm năm mươi lăm"},
		{"199", "một trăm chín mươi chín"},
		{"200", "hai trăm"},
		{"201", "hai trăm linh một"},
		{"204", "hai trăm linh bốn"},
		{"205", "hai trăm linh năm"},
		{"210", "hai trăm mười"},
		{"211", "hai trăm mười một"},
		{"215", "hai trăm mười lăm"},
		{"221", "hai trăm hai mươi mốt"},
		{"300", "ba trăm"},
		{"444", "bốn trăm bốn mươi tư"},
		{"500", "năm trăm"},
		{"505", "năm trăm linh năm"},
		{"515", "năm trăm mười lăm"},
		{"555", "năm trăm năm mươi lăm"},
		{"600", "sáu trăm"},
		{"701", "bảy trăm linh một"},
		{"811", "tám trăm mười một"},
		{"900", "chín trăm"},
		{"901", "chín trăm linh một"},
		{"910", "chín trăm mười"},
		{"914", "chín trăm mười bốn"},
		{"990", "chín trăm chín mươi"},
		{"991", "chín trăm chín mươi mốt"},
		{"999", "chín trăm chín mươi chín"},
		{"1000", "một nghìn"},
	})
}

func TestWordsLarge(t *testing.T) {
	checkWords(t, []struct{ in, want string }{
		{"1001", "một nghìn không trăm linh một"},
		{"1010", "một nghìn không trăm mười"},
		{"1011", "một nghìn không trăm mười một"},
		{"1015", "một nghìn không trăm mười lăm"},
		{"1021", "một nghìn không trăm hai mươi mốt"},
		{"1100", "một nghìn một trăm"},
		{"1105", "một nghìn một trăm linh năm"},
		{"1150", "một nghìn một trăm năm mươi"},
		{"2024", "hai nghìn không trăm hai mươi tư"},
		{"10000", "mười nghìn"},
		{"15000", "mười lăm nghìn"},
		{"21000", "hai mươi mốt nghìn"},
		{"24000", "hai mươi tư nghìn"},
		{"100000", "một trăm nghìn"},
		{"105000", "một trăm linh năm nghìn"},
		{"1000000", "một triệu"},
		{"1000001", "một triệu không trăm linh một"},
		{"1001000", "một triệu không trăm linh một nghìn"},
		{"1600000", "một triệu sáu trăm nghìn"},
		{"23000000", "hai mươi ba triệu"},
		{"999999999", "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
		{"1000000000", "một tỷ"},
		{"1000000005", "một tỷ không trăm linh năm"},
		{"1001000000", "một tỷ không trăm linh một triệu"},
		{"25000000000", "hai mươi lăm tỷ"},
		{"1001000000000", "một nghìn không trăm linh một tỷ"},
		{"1000000000001", "một nghìn tỷ không trăm linh một"},
		{"1234567890123", "một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba"},
		{"1000000001000000000", "một tỷ không trăm linh một tỷ"},
		{"9223372036854775807", "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
			"tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"},
		{"1000000000000000000000", "một nghìn tỷ tỷ"},
		{"1000000000000000000000000", "một triệu tỷ tỷ"},
		{"1000000000000000000000000000", "một tỷ tỷ tỷ"},
		{"-1", "âm một"},
		{"-21", "âm hai mươi mốt"},
		{"-1005", "âm một nghìn không trăm linh năm"},
		{"-1000000000000", "âm một nghìn tỷ"},
	})
	// A value held with a positive exponent.
	if got := Words(decimal.New(15, 20)); got != "một nghìn năm trăm tỷ tỷ" {
		t.Errorf("Words(15e20) = %q", got)
	}
}

func TestWordsDecimals(t *testing.T) {
	checkWords(t, []struct{ in, want string }{
		{"8.3", "tám phẩy ba"},
		{"3.14", "ba phẩy mười bốn"},
		{"1.05", "một phẩy không năm"},
		{"0.5", "không phẩy năm"},
		{"8.25", "tám phẩy hai mươi lăm"},
		{"1.15", "một phẩy mười lăm"},
		{"1.21", "một phẩy hai mươi mốt"},
		{"1.24", "một phẩy hai mươi tư"},
		{"0.001", "không phẩy không không một"},
		{"0.105", "không phẩy một trăm linh năm"},
		{"95.5", "chín mươi lăm phẩy năm"},
		{"1.50", "một phẩy năm"},
		{"2.000", "hai"},
		{"-0.5", "âm không phẩy năm"},
		{"-27.99", "âm hai mươi bảy phẩy chín mươi chín"},
		{"1150.75", "một nghìn một trăm năm mươi phẩy bảy mươi lăm"},
	})
}

func TestCapitalizeAndMoneyWords(t *testing.T) {
	for in, want := range map[string]string{
		"hai mươi": "Hai mươi",
		"ước":      "Ước",
		"đồng":     "Đồng",
		"âm một":   "Âm một",
		"":         "",
		"Một":      "Một",
		"1 tỷ":     "1 tỷ",
	} {
		if got := Capitalize(in); got != want {
			t.Errorf("Capitalize(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []struct {
		in, unit, want string
	}{
		{"23000000", "đồng", "Hai mươi ba triệu đồng"},
		{"23000000", "", "Hai mươi ba triệu"},
		{"1005000", "đồng", "Một triệu không trăm linh năm nghìn đồng"},
		{"0", "đồng", "Không đồng"},
	} {
		if got := MoneyWords(dec(c.in), c.unit); got != c.want {
			t.Errorf("MoneyWords(%s, %q) = %q, want %q", c.in, c.unit, got, c.want)
		}
	}
}

// valueOfWords reads back words of an integer below 10^9 to check Words from the
// other side: every reading must give back its own number.
func valueOfWords(s string) int64 {
	digits := map[string]int64{"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
		"năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	var total, group, last int64
	for _, w := range strings.Fields(s) {
		switch w {
		case "trăm":
			group += last * 100
			last = 0
		case "mươi":
			group += last * 10
			last = 0
		case "mười":
			group += 10
		case "linh":
		case "nghìn", "triệu":
			scale := map[string]int64{"nghìn": 1e3, "triệu": 1e6}[w]
			total += (group + last) * scale
			group, last = 0, 0
		default:
			last = digits[w]
		}
	}
	return total + group + last
}

func TestWordsProperties(t *testing.T) {
	for n := int64(0); n <= 100000; n++ {
		w := Words(decimal.NewFromInt(n))
		if strings.Contains(w, "  ") || strings.TrimSpace(w) != w || w == "" {
			t.Fatalf("Words(%d) = %q: bad spacing", n, w)
		}
		if n > 0 && strings.HasPrefix(w, "không") {
			t.Fatalf("Words(%d) = %q starts with không", n, w)
		}
		if got := valueOfWords(w); got != n {
			t.Fatalf("Words(%d) = %q reads back as %d", n, w, got)
		}
	}
	if w := Words(decimal.Zero); w != "không" {
		t.Errorf("Words(0) = %q", w)
	}
}

// vocabulary is every word Words may write.
var vocabulary = map[string]bool{"không": true, "một": true, "hai": true, "ba": true, "bốn": true,
	"năm": true, "sáu": true, "bảy": true, "tám": true, "chín": true, "mười": true, "mươi": true,
	"mốt": true, "tư": true, "lăm": true, "linh": true, "trăm": true, "nghìn": true, "triệu": true,
	"tỷ": true, "âm": true, "phẩy": true}

func FuzzWords(f *testing.F) {
	f.Add(int64(0), int64(0))
	f.Add(int64(1005), int64(-3))
	f.Add(int64(-2799), int64(2))
	f.Add(int64(1)<<62, int64(9223372036854775807))
	f.Add(int64(-9223372036854775808), int64(-9223372036854775808))
	f.Fuzz(func(t *testing.T, a, b int64) {
		// The coefficient spans both seeds, up to about 10^38; the exponent is -20..20.
		coef := new(big.Int).Mul(big.NewInt(a), big.NewInt(1e18))
		coef.Add(coef, big.NewInt(b))
		exp := int32(uint64(b)%41) - 20
		d := decimal.NewFromBigInt(coef, exp)
		w := Words(d)
		if w == "" || strings.Contains(w, "  ") || strings.TrimSpace(w) != w {
			t.Fatalf("Words(%s) = %q: bad spacing", d, w)
		}
		fields := strings.Fields(w)
		for i, word := range fields {
			if !vocabulary[word] || (word == "âm" && i > 0) {
				t.Fatalf("Words(%s) = %q: unexpected %q", d, w, word)
			}
		}
		if (fields[0] == "âm") != d.IsNegative() {
			t.Fatalf("Words(%s) = %q: sign", d, w)
		}
		if strings.Contains(w, "phẩy") == d.Equal(d.Truncate(0)) {
			t.Fatalf("Words(%s) = %q: decimal comma", d, w)
		}
		if number := strings.TrimPrefix(w, "âm "); d.Abs().GreaterThanOrEqual(decimal.NewFromInt(1)) && strings.HasPrefix(number, "không") {
			t.Fatalf("Words(%s) = %q: starts with không", d, w)
		}
	})
}

func BenchmarkWords(b *testing.B) {
	d := dec("1234567890123.45")
	for b.Loop() {
		Words(d)
	}
}
