package validate_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/textwidth"
	"github.com/baocao/baocao/report/vnformat"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"golang.org/x/text/unicode/norm"
)

func sheet(cell string) model.Pos {
	return model.Pos{File: "data/2022.xlsx", Sheet: "Chỉ tiêu", Cell: cell}
}

func TestSortByPlace(t *testing.T) {
	y := func(line int) model.Pos { return model.Pos{File: "data/2021.yaml", Line: line} }
	in := model.Findings{
		{Severity: model.Warning, Code: "w", Pos: sheet("B10")},
		{Severity: model.Error, Code: "e", Pos: sheet("AA2")},
		{Severity: model.Error, Code: "e", Pos: sheet("C2")},
		{Severity: model.Error, Code: "e", Pos: sheet("B9")},
		{Severity: model.Warning, Code: "w", Pos: y(12)},
		{Severity: model.Error, Code: "e", Pos: y(12)},
		{Severity: model.Error, Code: "e", Pos: y(3)},
		{Severity: model.Error, Code: "f", Pos: model.Pos{File: "data/2021.yaml"}},
		{Severity: model.Error, Code: "e", Pos: y(3)}, // a repeat
	}
	got := validate.Sort(in)
	var places []string
	for _, f := range got {
		places = append(places, f.Pos.String()+" "+f.Code)
	}
	want := []string{
		"data/2021.yaml f", "data/2021.yaml:3 e", "data/2021.yaml:12 e", "data/2021.yaml:12 w",
		"data/2022.xlsx: Chỉ tiêu!C2 e", "data/2022.xlsx: Chỉ tiêu!AA2 e", "data/2022.xlsx: Chỉ tiêu!B9 e", "data/2022.xlsx: Chỉ tiêu!B10 w",
	}
	if strings.Join(places, "|") != strings.Join(want, "|") {
		t.Errorf("order:\n got %q\nwant %q", places, want)
	}
	if in[0].Code != "w" {
		t.Error("Sort changed its argument")
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":                        0,
		"lỗi":                     3,
		norm.NFD.String("lỗi"):    3, // o + circumflex + tilde, as some keyboards type it
		"cảnh báo":                8,
		"Chỉ tiêu!F12":            12,
		"e\u0301\u0323":           1, // no precomposed form for both marks: they take no column
		"数据":                      4,
		"data/2021.yaml:34":       17,
		norm.NFD.String("Đồng ý"): 6,
	} {
		if got := textwidth.Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

var sampleFindings = model.Findings{
	{Severity: model.Error, Code: "not-a-number", Pos: model.Pos{File: "data/2021.yaml", Line: 34},
		Msg: "DT_BUU_CHINH.thuc_hien: «13o» không phải là số", Fix: "có phải ý là «130»?"},
	{Severity: model.Warning, Code: "implausible-change", Pos: sheet("F12"),
		Msg: norm.NFD.String("chỉ tiêu DT: tăng 66,7%")},
	{Severity: model.Error, Code: "formula-error", Pos: model.Pos{File: "data/2021.yaml"},
		Msg: "dòng một\ndòng hai \x1b[31m"},
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := validate.WriteText(&b, sampleFindings, false); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"VỊ TRÍ                        MỨC       MÃ                  NỘI DUNG\n" +
		"data/2021.yaml:34             lỗi       not-a-number        DT_BUU_CHINH.thuc_hien: «13o» không phải\n" +
		"                                                            là số (có phải ý là «130»?)\n" +
		"data/2022.xlsx: Chỉ tiêu!F12  cảnh báo  implausible-change  " + norm.NFD.String("chỉ tiêu DT: tăng 66,7%") + "\n" +
		"data/2021.yaml                lỗi       formula-error       dòng một dòng hai \uFFFD[31m\n" +
		"2 lỗi, 1 cảnh báo.\n"
	// The decomposed message and "lỗi"/"cảnh báo" pad by display width, not bytes.
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Error("colour without a terminal")
	}
}

func TestWriteTextColour(t *testing.T) {
	var b bytes.Buffer
	if err := validate.WriteText(&b, sampleFindings[:2], true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"\x1b[1mVỊ TRÍ\x1b[0m", "\x1b[1;31mlỗi\x1b[0m", "\x1b[33mcảnh báo\x1b[0m"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in %q", want, out)
		}
	}
	// Colour codes do not count towards alignment: the code column starts at the
	// same place with and without colour once they are stripped.
	var plain bytes.Buffer
	_ = validate.WriteText(&plain, sampleFindings[:2], false)
	stripped := strings.NewReplacer("\x1b[1m", "", "\x1b[1;31m", "", "\x1b[33m", "", "\x1b[0m", "").Replace(out)
	if stripped != plain.String() {
		t.Errorf("coloured text, stripped:\n%s\ndiffers from plain:\n%s", stripped, plain.String())
	}
}

func TestWriteTextSummary(t *testing.T) {
	for _, c := range []struct {
		fs   model.Findings
		want string
	}{
		{nil, "Không có lỗi.\n"},
		{sampleFindings[1:2], "Không có lỗi, 1 cảnh báo.\n"},
		{sampleFindings[:1], "1 lỗi.\n"},
	} {
		var b bytes.Buffer
		_ = validate.WriteText(&b, c.fs, false)
		lines := strings.SplitAfter(b.String(), "\n")
		if got := lines[len(lines)-2]; got != c.want {
			t.Errorf("summary %q, want %q", got, c.want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := validate.WriteJSON(&b, sampleFindings); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
		t.Fatalf("%v in %s", err, b.String())
	}
	if raw["valid"] != false || raw["errors"] != 2.0 || raw["warnings"] != 1.0 {
		t.Errorf("counts: %v", raw)
	}
	fs := raw["findings"].([]any)
	first := fs[0].(map[string]any)
	wantFirst := map[string]any{"severity": "error", "code": "not-a-number", "file": "data/2021.yaml", "line": 34.0,
		"message": "DT_BUU_CHINH.thuc_hien: «13o» không phải là số", "fix": "có phải ý là «130»?"}
	if len(first) != len(wantFirst) {
		t.Errorf("first finding has fields %v, want %v", first, wantFirst)
	}
	for k, v := range wantFirst {
		if first[k] != v {
			t.Errorf("%s = %v, want %v", k, first[k], v)
		}
	}
	second := fs[1].(map[string]any)
	if second["severity"] != "warning" || second["sheet"] != "Chỉ tiêu" || second["cell"] != "F12" || second["line"] != nil || second["fix"] != nil {
		t.Errorf("second finding: %v", second)
	}
	if third := fs[2].(map[string]any); third["file"] != "data/2021.yaml" || third["line"] != nil {
		t.Errorf("third finding: %v", third)
	}

	b.Reset()
	_ = validate.WriteJSON(&b, nil)
	if got, want := b.String(), "{\n  \"valid\": true,\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"findings\": []\n}\n"; got != want {
		t.Errorf("empty report %q, want %q", got, want)
	}
}

// The totals of a file with more findings than are listed count them all:
// those only counted by too-many-findings too, by severity, in the text
// summary and in the JSON counts alike.
func TestTotalsCountUnlisted(t *testing.T) {
	const errs, warns = model.MaxListed + 1799, 613
	c := model.Collector{File: "data/2023.yaml"}
	for i := range warns {
		c.Addf(model.Warning, "unknown-field", model.Pos{File: "data/2023.yaml", Line: i + 2}, "", "khóa %d", i)
	}
	for i := range errs {
		c.Addf(model.Error, "not-a-number", model.Pos{File: "data/2023.yaml", Line: warns + i + 2}, "", "số %d", i)
	}
	fs := c.Findings()
	var b bytes.Buffer
	_ = validate.WriteText(&b, fs, false)
	lines := strings.SplitAfter(b.String(), "\n")
	if got, want := lines[len(lines)-2], vnformat.Count(errs)+" lỗi, "+vnformat.Count(warns)+" cảnh báo.\n"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	b.Reset()
	_ = validate.WriteJSON(&b, fs)
	var rep struct{ Errors, Warnings int }
	if err := json.Unmarshal(b.Bytes(), &rep); err != nil || rep.Errors != errs || rep.Warnings != warns {
		t.Errorf("JSON counts %+v (%v), want %d errors, %d warnings", rep, err, errs, warns)
	}
}
