package vnformat

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in          string
		want        string // exact value, decimal.String
		interpreted bool
		percent     bool
		message     string // expected Message; "-" means any non-empty message
	}{
		{"1150", "1150", false, false, ""},
		{"0", "0", false, false, ""},
		{"-5", "-5", false, false, ""},
		{"  1150 ", "1150", false, false, ""},
		{"1.150", "1150", true, false, "«1.150» được hiểu là 1.150 (dấu chấm ngăn hàng nghìn)"},
		{"1.234.567", "1234567", true, false, "«1.234.567» được hiểu là 1.234.567 (dấu chấm ngăn hàng nghìn)"},
		{"8,3", "8.3", true, false, "«8,3» được hiểu là 8,3 (dấu phẩy là dấu thập phân)"},
		{"8,30", "8.3", true, false, "-"},
		{"1.234,5", "1234.5", true, false, "«1.234,5» được hiểu là 1.234,5 (dấu chấm ngăn hàng nghìn; dấu phẩy là dấu thập phân)"},
		{"−5", "-5", true, false, "«−5» được hiểu là -5"},
		{"+5", "5", true, false, "«+5» được hiểu là 5"},
		{"- 5", "-5", true, false, "-"},
		{"-0", "0", true, false, "-"},
		{"007", "7", true, false, "«007» được hiểu là 7"},
		{"  1 150 ", "1150", true, false, "«1 150» được hiểu là 1.150 (dấu cách ngăn hàng nghìn)"},
		{"1\u00A0150", "1150", true, false, "-"},
		{"1\u202F234\u202F567,5", "1234567.5", true, false, "-"},
		{"1\u2009150", "1150", true, false, "-"},
		{"47,5%", "47.5", true, true, "«47,5%» được hiểu là 47,5 (bỏ dấu %; dấu phẩy là dấu thập phân)"},
		{"92 %", "92", true, true, "«92 %» được hiểu là 92 (bỏ dấu %)"},
		{"-1.150,25", "-1150.25", true, false, "-"},
		{",5", "0.5", true, false, "-"},
		{"0,150", "0.15", true, false, "«0,150» được hiểu là 0,15 (dấu phẩy là dấu thập phân)"},
		{"1,150", "1.15", true, false, "«1,150» được hiểu là 1,15 (dấu phẩy là dấu thập phân); nếu ý là 1150 thì hãy ghi 1.150 hoặc 1150"},
		{"-12,500", "-12.5", true, false, "«-12,500» được hiểu là -12,5 (dấu phẩy là dấu thập phân); nếu ý là -12500 thì hãy ghi -12.500 hoặc -12500"},
		{"1234,567", "1234.567", true, false, "«1234,567» được hiểu là 1.234,567 (dấu phẩy là dấu thập phân)"},
		{"123456789012345678901234567890", "123456789012345678901234567890", false, false, ""},
	} {
		v, note, err := ParseNumber(c.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", c.in, err)
			continue
		}
		if v.String() != c.want || note.Interpreted != c.interpreted || note.Percent != c.percent {
			t.Errorf("ParseNumber(%q) = %s, %+v; want %s, interpreted %v, percent %v", c.in, v, note, c.want, c.interpreted, c.percent)
		}
		if c.message == "-" && note.Message() == "" || c.message != "-" && note.Message() != c.message {
			t.Errorf("ParseNumber(%q) message = %q, want %q", c.in, note.Message(), c.message)
		}
	}
}

func TestParseNumberKeepsScale(t *testing.T) {
	v, _, err := ParseNumber("1,150")
	if err != nil || v.Exponent() != -3 || Number(v, 3) != "1,150" {
		t.Fatalf("ParseNumber(1,150) = %s (exponent %d), %v", v, v.Exponent(), err)
	}
}

func TestParseNumberErrors(t *testing.T) {
	for _, c := range []struct {
		in, reason, suggestion string // reason: a part of the reason
	}{
		{"", "chuỗi rỗng", ""},
		{"   ", "chuỗi rỗng", ""},
		{"\u00A0\t", "chuỗi rỗng", ""},
		{"12a", "ký tự không hợp lệ «a»", ""},
		{"abc", "ký tự không hợp lệ «a»", ""},
		{"NaN", "ký tự không hợp lệ «N»", ""},
		{"Inf", "ký tự không hợp lệ «I»", ""},
		{"-Inf", "ký tự không hợp lệ «I»", ""},
		{"1e5", "ký tự không hợp lệ «e»", ""},
		{"0x10", "ký tự không hợp lệ «x»", ""},
		{"１２", "ký tự không hợp lệ «１»", ""},
		{"1\t150", "ký tự không hợp lệ U+0009", ""},
		{"--5", "ký tự không hợp lệ «-»", ""},
		{"5-", "ký tự không hợp lệ «-»", ""},
		{"5%%", "ký tự không hợp lệ «%»", ""},
		{"\xff", "ký tự không hợp lệ U+FFFD", ""},
		{"-", "không có chữ số", ""},
		{"%", "không có chữ số", ""},
		{",", "không có chữ số", ""},
		{".", "không có chữ số", ""},
		{"1,2,3", "nhiều dấu phẩy", ""},
		{"1,234,567", "nhiều dấu phẩy", "có phải ý là 1.234.567?"},
		{"1,234.5", "Anh – Mỹ", "có phải ý là 1.234,5?"},
		{"-1,234.5%", "Anh – Mỹ", "có phải ý là -1.234,5%?"},
		{"1,234,567.89", "Anh – Mỹ", "có phải ý là 1.234.567,89?"},
		{"1.150,5.5", "Anh – Mỹ", ""},
		{"1.15", "phải có đúng 3 chữ số", "có phải ý là 1,15?"},
		{"3.14159", "phải có đúng 3 chữ số", "có phải ý là 3,14159?"},
		{"1.234.5", "phải có đúng 3 chữ số", ""},
		{"1..150", "phải có đúng 3 chữ số", ""},
		{"1.150.", "phải có đúng 3 chữ số", ""},
		{"1.", "phải có đúng 3 chữ số", ""},
		{".5", "từ 1 đến 3 chữ số", "có phải ý là 0,5?"},
		{"0.150", "không bắt đầu bằng 0", "có phải ý là 0,150?"},
		{"1234.567", "từ 1 đến 3 chữ số", "có phải ý là 1.234,567?"},
		{"12 34", "sau mỗi dấu cách phải có đúng 3 chữ số", ""},
		{"1  150", "sau mỗi dấu cách phải có đúng 3 chữ số", ""},
		{"1 150.000", "dùng lẫn", ""},
		{"1,5 0", "chỉ được có chữ số", ""},
		{"5,", "thiếu chữ số sau dấu phẩy", ""},
		{strings.Repeat("1", 101), "dài quá 100 ký tự", ""},
		{strings.Repeat("1", 31), "quá nhiều chữ số", ""},
		{"0," + strings.Repeat("1", 31), "quá nhiều chữ số", ""},
	} {
		v, note, err := ParseNumber(c.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("ParseNumber(%q) = %s, %+v, %v; want a *ParseError", c.in, v, note, err)
			continue
		}
		if pe.Input != c.in || !strings.Contains(pe.Reason, c.reason) || pe.Suggestion != c.suggestion {
			t.Errorf("ParseNumber(%q) error = %+v; want reason containing %q, suggestion %q", c.in, pe, c.reason, c.suggestion)
		}
		if !v.IsZero() || note != (ParseNote{}) {
			t.Errorf("ParseNumber(%q) returned %s, %+v with its error", c.in, v, note)
		}
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, _, err := ParseNumber("1.15")
	want := "không đọc được «1.15» thành số: khi dấu chấm ngăn hàng nghìn, sau mỗi dấu chấm phải có đúng 3 chữ số (có phải ý là 1,15?)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	_, _, err = ParseNumber(strings.Repeat("x", 200))
	if err == nil || !strings.Contains(err.Error(), "«"+strings.Repeat("x", 40)+"…»") {
		t.Errorf("long input not shortened: %v", err)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1150", "1.150", "1.234.567", "8,3", "1.234,5", "-5", "−5", "+5", "  1 150 ",
		"1\u00A0150", "47,5%", "1,150", "1,234.5", "1.15", "12a", "1,2,3", "NaN", "1e5", "", ",5", "-0", "0,000",
		"123456789012345678901234567890,123456789012345678901234567890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, note, err := ParseNumber(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason == "" || err.Error() == "" {
				t.Fatalf("ParseNumber(%q): bad error %#v", s, err)
			}
			return
		}
		if note.Interpreted != (note.Message() != "") {
			t.Fatalf("ParseNumber(%q): note %+v", s, note)
		}
		scale := max(0, -int(v.Exponent()))
		text := Number(v, scale)
		back, _, err := ParseNumber(text)
		if err != nil || !back.Equal(v) {
			t.Fatalf("ParseNumber(%q) = %s; Number gives %q which reads back as %s, %v", s, v, text, back, err)
		}
	})
}

func BenchmarkParseNumber(b *testing.B) {
	for b.Loop() {
		_, _, _ = ParseNumber("-1.234.567,89%")
	}
}

func TestParseNoteAmbiguous(t *testing.T) {
	for s, want := range map[string]bool{"1,000": true, "1,150": true, "8,3": false, "1.150": false, "1.234,5": false, "1150": false} {
		_, note, err := ParseNumber(s)
		if err != nil || note.Ambiguous != want {
			t.Errorf("ParseNumber(%q): ambiguous %v, want %v (err %v)", s, note.Ambiguous, want, err)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"ngắn", 40, "ngắn"},
		{"Hoạt động phát hành", 5, "Hoạt …"},
		{"ab\xffcd", 3, "ab\uFFFD…"},
	} {
		if got := Shorten(c.in, c.max); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func TestShortenQuoted(t *testing.T) {
	long := strings.Repeat("ă", 100)
	got := ShortenQuoted("mã «"+long+"» không có; «ngắn» giữ nguyên", 10, 1000)
	if want := "mã «ăăăăăăăăă…» không có; «ngắn» giữ nguyên"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := ShortenQuoted(strings.Repeat("a", 50)+"«x»", 10, 20); got != strings.Repeat("a", 19)+"…" {
		t.Errorf("whole message: %q", got)
	}
	if got := Cut("ăâê", 3); got != "ăâê" {
		t.Errorf("Cut kept %q", got)
	}
	if got := Shorten("ăâêô", 2); got != "ăâ…" {
		t.Errorf("Shorten = %q", got)
	}
}

// FuzzParsePlain: the quick reading of plain numbers gives what the full one gives.
func FuzzParsePlain(f *testing.F) {
	for _, s := range []string{"130", "1.234.567", "-1.150", "0", "-0", "007", "1.15", "12.345.678.901.234.567.890", "999999999999999999", "1234.567", ".123", "1..234", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, note, ok := parsePlain(s)
		if !ok {
			return
		}
		want, wantNote, err := parseNumber(s)
		if err != nil || !reflect.DeepEqual(v, want) || !reflect.DeepEqual(note, wantNote) || note.Message() != wantNote.Message() {
			t.Fatalf("%q: %v %+v, want %v %+v %v", s, v, note, want, wantNote, err)
		}
	})
}
