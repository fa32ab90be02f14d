package diff

import (
	"bytes"
	"errors"
	"github.com/baocao/baocao/report/atomicfile"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/input"
)

func TestFormat(t *testing.T) {
	cases := []struct{ format, output, want, err string }{
		{"", "", "text", ""},
		{"json", "", "json", ""},
		{"", "a/so-sanh.CSV", "csv", ""},
		{"", "so-sanh.markdown", "md", ""},
		{"", "so-sanh.xlsx", "xlsx", ""},
		{"md", "so-sanh.md", "md", ""},
		{"text", "bang", "text", ""},
		{"pdf", "", "", "định dạng «pdf» không hợp lệ; dùng --format text, csv, json, md, xlsx"},
		{"xlsx", "", "", "định dạng xlsx cần tệp kết quả: dùng -o TỆP.xlsx"},
		{"", "so-sanh.pdf", "", "không biết ghi tệp so-sanh.pdf theo định dạng nào"},
		{"json", "x.csv", "", "đuôi tệp x.csv không khớp với --format json"},
		{"xlsx", "bang", "", "tệp bảng tính bang phải có đuôi .xlsx"},
	}
	for _, c := range cases {
		got, err := Format(c.format, c.output)
		if got != c.want || (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("Format(%q, %q) = %q, %v; want %q, %q", c.format, c.output, got, err, c.want, c.err)
		}
	}
}

func TestParseThreshold(t *testing.T) {
	for in, want := range map[string]string{"10": "10/1", "12,5": "25/2", "1.000": "1000/1", "0,1%": "1/10"} {
		if r, err := ParseThreshold(in); err != nil || r.String() != want {
			t.Errorf("%q: %v, %v; want %s", in, r, err, want)
		}
	}
	for _, in := range []string{"0", "-5", "mười", "1.5"} {
		if _, err := ParseThreshold(in); err == nil || !strings.Contains(err.Error(), "--threshold «"+in+"» phải là một số phần trăm lớn hơn 0") {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// workspace copies the embedded sample into a folder.
func workspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{input.CatalogueFile, "2020.yaml", "2021.yaml"} {
		b, err := fs.ReadFile(data.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func opener(dir string) func() (*input.Workspace, error) {
	return func() (*input.Workspace, error) { return input.Open(dir) }
}

func TestRun(t *testing.T) {
	dir := workspace(t)
	res, err := Run(Request{Args: []string{"2021", "2020"}, Threshold: "10", OnlyChanged: true, Group: "BCVT", OpenWorkspace: opener(dir)})
	if err != nil {
		t.Fatal(err)
	}
	tb := res.Table
	if res.Format != "text" || len(tb.Columns) != 2 || tb.Columns[0].Period.Year != 2020 || tb.Columns[1].Period.Year != 2021 {
		t.Fatalf("format %q, columns %+v", res.Format, tb.Columns)
	}
	if tb.Threshold.String() != "10/1" || !tb.Differs() {
		t.Errorf("threshold %v, differs %v", tb.Threshold, tb.Differs())
	}
	// --only-changed with --threshold keeps only the flagged changes.
	var codes []string
	for _, r := range tb.Rows {
		codes = append(codes, r.Code)
		if !r.Flag || r.Group != "BCVT" {
			t.Errorf("%s: flag %v, group %s", r.Code, r.Flag, r.Group)
		}
	}
	if got := strings.Join(codes, " "); got != "TB_INTERNET DT_VIEN_THONG" {
		t.Errorf("rows %s", got)
	}
	if got := tb.Summary.String(); got != "7 chỉ tiêu: 2 tăng, 2 giảm, 0 tương đương, 3 mới; 2 chỉ tiêu biến động vượt ngưỡng cần xem lại" {
		t.Errorf("summary %q", got)
	}
	if r := row(t, tb, "DT_VIEN_THONG"); r.ValueText(0) != "1.597" || r.ValueText(1) != "1.150" {
		t.Errorf("DT_VIEN_THONG %s → %s", r.ValueText(0), r.ValueText(1))
	}
}

func TestRunRefusals(t *testing.T) {
	dir := workspace(t)
	in2021 := filepath.Join(dir, "2021.yaml")
	opened := 0
	open := func() (*input.Workspace, error) { opened++; return input.Open(dir) }
	cases := []struct {
		req  Request
		want string
	}{
		{Request{Args: []string{"2020", "2021"}, Format: "xlsx"}, "cần tệp kết quả"},
		{Request{Args: []string{"2020", "2021"}, Threshold: "0"}, "lớn hơn 0"},
		{Request{Args: []string{"2020", "2021"}, Group: "KHONG"}, "không có nhóm «KHONG» trong danh mục (các nhóm: BCVT, CNTT, TTKT, TTTT, XH)"},
		{Request{Args: []string{"2020", "2021"}, Output: in2021, Format: "text"}, "tệp kết quả " + in2021 + " trùng với tệp số liệu"},
		{Request{Args: []string{"2020", "2021"}, Output: filepath.Join(dir, input.CatalogueFile), Format: "text"}, "trùng với tệp số liệu"},
		{Request{Args: []string{"2019", "2021"}}, "không có tệp số liệu năm 2019"},
	}
	for _, c := range cases {
		c.req.OpenWorkspace = open
		res, err := Run(c.req)
		if res != nil || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, %v; want %q", c.req, res, err, c.want)
		}
	}
	// A bad format or threshold is refused before any input is read.
	if opened != 4 {
		t.Errorf("the workspace was opened %d times, want 4", opened)
	}

	// Errors in an input: every finding, with its place and count.
	bad := filepath.Join(t.TempDir(), "2020.yaml")
	if err := os.WriteFile(bad, []byte("nam: 2020\nchi_tieu:\n  DT_BUU_CHIN: 120\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Request{Args: []string{bad, "2021"}, OpenWorkspace: open})
	var problems *ProblemsError
	if !errors.As(err, &problems) || problems.Count() != 1 || !strings.Contains(err.Error(), "2020.yaml:3") {
		t.Errorf("bad input: %v", err)
	}
}

// TestWriteAndSave writes every format to memory and to a file, and reads the
// file back: both hold the same bytes.
func TestWriteAndSave(t *testing.T) {
	tb := sample(t, Options{})
	dir := t.TempDir()
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, tb, format, false); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		path := filepath.Join(dir, "so-sanh."+format)
		if err := Save(path, tb, format, atomicfile.Ledger{}, ""); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if format != "xlsx" && !bytes.Equal(got, buf.Bytes()) {
			t.Errorf("%s: the file differs from the output", format)
		}
		if !bytes.Contains(got, []byte("DT_VIEN_THONG")) && format != "xlsx" || len(got) == 0 {
			t.Errorf("%s: %d bytes without the indicators", format, len(got))
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, tb, "text", true); err != nil || !strings.Contains(buf.String(), "\x1b[") {
		t.Errorf("colour text: %v", err)
	}
	if err := Write(&buf, tb, "pdf", false); err == nil || !strings.Contains(err.Error(), "«pdf»") {
		t.Errorf("unknown format: %v", err)
	}
	if err := Save(filepath.Join(dir, "khong-co", "x.csv"), tb, "csv", atomicfile.Ledger{}, ""); err == nil {
		t.Error("saved into a missing folder")
	}
}
