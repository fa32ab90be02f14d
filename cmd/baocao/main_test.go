package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// runCLI runs a command line and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestWords(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"words", "23000000", "--unit", "đồng"}, "Hai mươi ba triệu đồng\n"},
		{[]string{"words", "1.005.000"}, "Một triệu không trăm linh năm nghìn\n"},
		{[]string{"words", "8,3"}, "Tám phẩy ba\n"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 0 || out != c.want {
			t.Errorf("%v: code %d, out %q, err %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
	code, out, errOut := runCLI(t, "words", "1.15")
	if code != 1 || out != "" || !strings.Contains(errOut, "1,15") {
		t.Errorf("bad number: code %d out %q err %q", code, out, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"words"}, "cần đúng một số"},
		{[]string{"generate", "hai"}, "không phải là năm báo cáo"},
		{[]string{"generate", "2021", "--khong-co"}, "không có tùy chọn --khong-co"},
		{[]string{"lenh-la"}, "lenh-la"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: code %d, out %q, err %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestVersionAndHelpAreVietnamese(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "baocao phiên bản ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "--help")
	for _, want := range []string{"Cách dùng:", "Các lệnh:", "generate", "Lập báo cáo năm"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
}

func TestHelpHasNoEnglishLeftovers(t *testing.T) {
	for _, cmd := range []string{"", "generate", "validate", "diff", "init", "words", "completion"} {
		args := []string{"--help"}
		if cmd != "" {
			args = []string{cmd, "--help"}
		}
		code, out, _ := runCLI(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		for _, en := range []string{"[flags]", "help for", " string ", "Usage:", "Flags:", "(default"} {
			if strings.Contains(out, en) {
				t.Errorf("%v help contains %q:\n%s", args, en, out)
			}
		}
	}
}

func TestGenerateWithBrokenTemplate(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "mau.docx")
	body := `<w:p><w:r><w:t>{{ (chi_tieu "DT_BUU_CHNH").GiaTri }}</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>{{ if .CoQuan }}mở mà không đóng</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>{{ bang_chuu 5 }}</w:t></w:r></w:p>`
	if err := os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bao-cao.docx")
	code, stdout, stderr := runCLI(t, "generate", "2021", "--template", tpl, "-o", out)
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if n := strings.Count(stderr, tpl+": đoạn "); n != 3 || !strings.Contains(stderr, "có 3 lỗi") {
		t.Errorf("want three located errors, got:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a report was written")
	}
}
