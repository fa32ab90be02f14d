package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	// A bad number is a usage error, with the reason and the likely meaning.
	code, out, errOut := runCLI(t, "words", "1.15")
	if code != 2 || out != "" || errOut != "Lỗi: không đọc được «1.15» thành số: khi dấu chấm ngăn hàng nghìn, sau mỗi dấu chấm phải có đúng 3 chữ số (có phải ý là 1,15?)\n" {
		t.Errorf("bad number: code %d out %q err %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "words", "garbage")
	if code != 2 || out != "" || !strings.HasPrefix(errOut, "Lỗi: không đọc được «garbage» thành số: ") {
		t.Errorf("garbage: code %d out %q err %q", code, out, errOut)
	}
}

// TestWordsNoteAndNegative: how an unclear number was read goes to stderr, and
// a negative number is the argument, not a flag, wherever it stands.
func TestWordsNoteAndNegative(t *testing.T) {
	code, out, errOut := runCLI(t, "words", "--unit", "đồng", "--", "1,000")
	if code != 0 || out != "Một đồng\n" || errOut != "Lưu ý: «1,000» được hiểu là 1 (dấu phẩy là dấu thập phân); nếu ý là 1000 thì hãy ghi 1.000 hoặc 1000.\n" {
		t.Errorf("1,000: code %d out %q err %q", code, out, errOut)
	}
	for _, plain := range []string{"23000000", "1.005.000", "8,3"} {
		if code, _, errOut = runCLI(t, "words", plain); code != 0 || errOut != "" {
			t.Errorf("%s: plain Vietnamese notation needs no note: %q", plain, errOut)
		}
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"words", "-5"}, "Âm năm\n"},
		{[]string{"words", "--", "-5"}, "Âm năm\n"},
		{[]string{"words", "-1250000", "--unit", "đồng"}, "Âm một triệu hai trăm năm mươi nghìn đồng\n"},
		{[]string{"words", "--unit", "đồng", "-8,3"}, "Âm tám phẩy ba đồng\n"},
		{[]string{"words", "--unit=đồng", "-5", "--"}, "Âm năm đồng\n"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 0 || out != c.want {
			t.Errorf("%v: code %d, out %q, err %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
	// After a flag that takes a value, "-5" is that value; other commands keep
	// pflag's reading.
	if code, out, _ := runCLI(t, "words", "--unit", "-5", "7"); code != 0 || out != "Bảy -5\n" {
		t.Errorf("--unit -5: code %d out %q", code, out)
	}
	if code, _, errOut := runCLI(t, "generate", "-5"); code != 2 || !strings.Contains(errOut, "không có tùy chọn viết tắt -5") {
		t.Errorf("generate -5: code %d err %q", code, errOut)
	}
}

// TestFlagErrorsInVietnamese: every flag error pflag makes is worded in
// Vietnamese, with no English tail.
func TestFlagErrorsInVietnamese(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-x"}, "Lỗi: không có tùy chọn viết tắt -x\nXem «baocao --help».\n"},
		{[]string{"diff", "2020", "2021", "-ox"}, ""},
		{[]string{"diff", "2020", "2021", "-zo", "x.csv"}, "Lỗi: không có tùy chọn viết tắt -z (trong -zo)\nXem «baocao diff --help».\n"},
		{[]string{"generate", "2021", "--khong-co"}, "Lỗi: không có tùy chọn --khong-co\nXem «baocao generate --help».\n"},
		{[]string{"diff", "2020", "2021", "--only-changed=maybe"}, "Lỗi: giá trị «maybe» không hợp lệ cho tùy chọn --only-changed: cần true hoặc false\nXem «baocao diff --help».\n"},
		{[]string{"diff", "2020", "2021", "-o"}, "Lỗi: tùy chọn -o cần một giá trị\nXem «baocao diff --help».\n"},
		{[]string{"validate", "--format"}, "Lỗi: tùy chọn --format cần một giá trị\nXem «baocao validate --help».\n"},
		{[]string{"diff", "2020", "2021", "---x"}, "Lỗi: tùy chọn «---x» viết sai: tùy chọn viết dạng --tên hoặc -t\nXem «baocao diff --help».\n"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if c.want == "" { // -ox is -o x: a valid output name, refused for its extension
			if code != 2 || !strings.Contains(errOut, "không biết ghi tệp x") {
				t.Errorf("%v: code %d err %q", c.args, code, errOut)
			}
			continue
		}
		if code != 2 || out != "" || errOut != c.want {
			t.Errorf("%v: code %d, out %q\n got %q\nwant %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestDataFlag: only the commands that read figures take --data, after or
// before the command's name.
func TestDataFlag(t *testing.T) {
	for _, cmd := range []string{"generate", "validate", "diff"} {
		if code, out, _ := runCLI(t, cmd, "--help"); code != 0 || !strings.Contains(out, "--data THƯ_MỤC") {
			t.Errorf("%s help lacks --data:\n%s", cmd, out)
		}
	}
	for _, cmd := range []string{"words", "init", "completion", "completion bash"} {
		args := append(strings.Fields(cmd), "--help")
		code, out, _ := runCLI(t, args...)
		if code != 0 || strings.Contains(out, "--data") || strings.Contains(out, "Tùy chọn chung") {
			t.Errorf("%s help offers --data:\n%s", cmd, out)
		}
	}
	if code, out, errOut := runCLI(t, "words", "5", "--data", "x"); code != 2 || out != "" || !strings.Contains(errOut, "không có tùy chọn --data") {
		t.Errorf("words --data: code %d out %q err %q", code, out, errOut)
	}
	dir := sampleWorkspace(t, nil)
	for _, args := range [][]string{{"validate", "2021", "--data", dir}, {"--data", dir, "validate", "2021"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 || out != "Không có lỗi.\n" || !strings.Contains(errOut, filepath.ToSlash(filepath.Join(dir, "2021.yaml"))) {
			t.Errorf("%v: code %d out %q err %q", args, code, out, errOut)
		}
	}
}

// TestUnknownCommands: a command that does not exist is a usage error at every
// level, never the help with exit 0.
func TestUnknownCommands(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"lenh-la"}, "Lỗi: không có lệnh «baocao lenh-la»; các lệnh: completion, diff, generate, init, template, validate, words\nXem «baocao --help».\n"},
		{[]string{"generat", "2021"}, "Lỗi: không có lệnh «baocao generat»; có phải ý là «baocao generate»?\nXem «baocao --help».\n"},
		{[]string{"completion", "xyz"}, "Lỗi: không có lệnh «baocao completion xyz»; các lệnh: bash, fish, powershell, zsh\nXem «baocao completion --help».\n"},
		{[]string{"completion", "bas"}, "Lỗi: không có lệnh «baocao completion bas»; có phải ý là «baocao completion bash»?\nXem «baocao completion --help».\n"},
		{[]string{"completion", "bash", "x"}, "Lỗi: lệnh baocao completion bash không nhận đối số «x»; xem «baocao completion bash --help»\n"},
		{[]string{"help", "xyz"}, "Lỗi: không có lệnh «baocao xyz»; các lệnh: completion, diff, generate, init, template, validate, words\nXem «baocao --help».\n"},
		{[]string{"help", "completion", "xyz"}, "Lỗi: không có lệnh «baocao completion xyz»; các lệnh: bash, fish, powershell, zsh\nXem «baocao completion --help».\n"},
		{[]string{"generate", "2021", "2022"}, "Lỗi: lệnh generate cần đúng một kỳ báo cáo, ví dụ: baocao generate 2021 hoặc baocao generate 2022-6T; xem «baocao generate --help»\n"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 || out != "" || errOut != c.want {
			t.Errorf("%v: code %d, out %q\n got %q\nwant %q", c.args, code, out, errOut, c.want)
		}
	}
	// The groups and help still show help.
	for _, args := range [][]string{{"completion"}, {"help", "completion"}, {"help", "diff"}, {"help"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "Cách dùng:") || errOut != "" {
			t.Errorf("%v: code %d out %q err %q", args, code, out, errOut)
		}
	}
	if _, out, _ := runCLI(t, "completion", "--help"); strings.Contains(out, "baocao completion [tùy chọn]") {
		t.Errorf("completion offers itself as a command:\n%s", out)
	}
	if code, out, _ := runCLI(t, "completion", "bash"); code != 0 || !strings.Contains(out, "complete -o default -F __start_baocao baocao") {
		t.Errorf("completion bash: code %d", code)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"words"}, "cần đúng một số"},
		{[]string{"generate", "hai"}, "kỳ báo cáo «hai» không đúng dạng; các dạng hợp lệ: 2022 (năm), 2022-6T"},
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
	for _, want := range []string{"Cách dùng:", "Các lệnh:", "generate", "Lập báo cáo năm (hoặc 6 tháng"} {
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
	if n := strings.Count(stderr, tpl+": lỗi: đoạn "); n != 3 || !strings.Contains(stderr, "có 3 lỗi") {
		t.Errorf("want three located errors, got:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a report was written")
	}
}

// FuzzNegativeNumberArgs: rewriting a command line only ever moves one
// negative number behind "--"; nothing is lost, added or reordered otherwise.
func FuzzNegativeNumberArgs(f *testing.F) {
	for _, s := range []string{"words -5", "words --unit -5 7", "words -5 -- x", "generate -5", "words -- -5", "-x words -1,5", "words --unit=đồng -5"} {
		f.Add(s)
	}
	root := newRootCmd(&streams{out: io.Discard, err: io.Discard})
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		got := negativeNumberArgs(root, args)
		if slices.Equal(got, args) {
			return
		}
		if len(got) > len(args)+1 || len(got) < len(args) {
			t.Fatalf("%q → %q", args, got)
		}
		// The moved number is the one after the first "--"; removing both gives
		// back the line without that number.
		i := slices.Index(got, "--")
		if i < 0 || i+1 >= len(got) || !negativeNumber.MatchString(got[i+1]) {
			t.Fatalf("%q → %q", args, got)
		}
		moved := got[i+1]
		rest := slices.Delete(slices.Clone(got), i+1, i+2)
		if len(got) == len(args)+1 {
			rest = slices.Delete(rest, i, i+1)
		}
		j := slices.Index(args, moved)
		if j < 0 || !slices.Equal(rest, slices.Delete(slices.Clone(args), j, j+1)) {
			t.Fatalf("%q → %q", args, got)
		}
	})
}
