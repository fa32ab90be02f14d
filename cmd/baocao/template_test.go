package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// TestTemplateCheck checks a template typed for the sample catalogue without
// any year's figures: every problem listed with its paragraph, exit 1 on
// errors, 0 with warnings only, 2 when the file cannot be read.
func TestTemplateCheck(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	write := func(name string, paras ...string) string {
		var body strings.Builder
		for _, p := range paras {
			body.WriteString(docxtest.P(p))
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, docxtest.Build(docxtest.Files{Body: body.String()}), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	bad := write("mau-loi.docx",
		`Năm {{ .Nam }}.`,
		`{{ (chi_tieu "DT_BUU_CHIN").GiaTri }}`,                                    // unknown code
		`{{ (chi_tieu "DT_BUU_CHINH").MucTieu }}`,                                  // no target in the catalogue: fails whatever the figures
		`{{ (chi_tieu "DT_VIEN_THONG").GiaTriDonVi }}`,                             // unguarded
		`{{ if co_so_lieu "DT_IN" }}{{ (chi_tieu "DT_IN").GiaTriDonVi }}{{ end }}`, // guarded
	)
	code, out, errOut := runCLI(t, "template", "check", bad, "--data", dir)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"đoạn 2", "có phải ý là «DT_BUU_CHINH»?", "template-error"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The parse errors stop the check: fix them and the rest shows.
	good := write("mau.docx",
		`Năm {{ .Nam }}.`,
		`{{ (chi_tieu "DT_BUU_CHINH").MucTieu }}`,
		`{{ (chi_tieu "DT_VIEN_THONG").GiaTriDonVi }}`,
		`{{ if co_so_lieu "DT_IN" }}{{ (chi_tieu "DT_IN").GiaTriDonVi }}{{ end }}`,
	)
	code, out, errOut = runCLI(t, "template", "check", good, "--data", dir, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	rep := decodeReport(t, out)
	if len(rep.Findings) != 2 {
		t.Fatalf("want 2 findings:\n%s", out)
	}
	if f := rep.Findings[0]; f.Severity != "error" || f.Code != "template-value" || !strings.Contains(f.Message, "đoạn 2") || !strings.Contains(f.Message, "không có mục tiêu") {
		t.Errorf("first finding %+v", f)
	}
	if f := rep.Findings[1]; f.Severity != "warning" || f.Code != "unguarded" || !strings.Contains(f.Message, "đoạn 3") || !strings.Contains(f.Message, `co_so_lieu "DT_VIEN_THONG"`) {
		t.Errorf("second finding %+v", f)
	}
	// Warnings alone: exit 0.
	guarded := write("mau-tot.docx", `{{ (chi_tieu "DT_VIEN_THONG").GiaTriDonVi }}`)
	if code, out, _ := runCLI(t, "template", "check", guarded, "--data", dir); code != 0 || !strings.Contains(out, "1 cảnh báo") {
		t.Errorf("warnings only: exit %d\n%s", code, out)
	}
	// The default template passes.
	if code, out, errOut := runCLI(t, "init", filepath.Join(t.TempDir(), "moi")); code != 0 {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	} else if first, _, _ := strings.Cut(out, "\n"); first != "" {
		tpl := filepath.Join(filepath.Dir(first), "mau-bao-cao.docx")
		if code, out, _ := runCLI(t, "template", "check", tpl, "--data", filepath.Dir(first)); code != 0 || out != "Không có lỗi.\n" {
			t.Errorf("default template: exit %d\n%s", code, out)
		}
	}
	// A file that cannot be read: exit 2.
	if code, _, errOut := runCLI(t, "template", "check", filepath.Join(dir, "khong-co.docx")); code != 2 || !strings.Contains(errOut, "không đọc được tệp mẫu") {
		t.Errorf("missing file: exit %d, %s", code, errOut)
	}
}

// template check --ky checks the template generate takes for the period's
// kind: the embedded default of the kind, or the workspace's own file.
func TestTemplateCheckOfAPeriod(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	for ky, file := range map[string]string{"2022": "mau-bao-cao.docx", "2022-6T": "mau-bao-cao-so-ket.docx", "2022-9T": "mau-bao-cao-so-ket.docx",
		"2022-Q3": "mau-bao-cao-thang-quy.docx", "2022-T05": "mau-bao-cao-thang-quy.docx"} {
		code, out, errOut := runCLI(t, "template", "check", "--ky", ky, "--data", dir)
		if code != 0 || !strings.Contains(errOut, "mẫu "+file+" (mẫu báo cáo có sẵn)") || !strings.Contains(out, "Không có lỗi") {
			t.Errorf("--ky %s: exit %d\n%s%s", ky, code, out, errOut)
		}
	}
	own := filepath.Join(dir, "mau-bao-cao-so-ket.docx")
	writeFile(t, own, string(docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ (chi_tieu "DT_BUU_CHIN").GiaTri }}`)})))
	code, out, errOut := runCLI(t, "template", "check", "--ky", "2022-6T", "--data", dir)
	if code != 1 || !strings.Contains(errOut, own) || !strings.Contains(out, "DT_BUU_CHINH") {
		t.Errorf("the workspace's own six-month template: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "template", "check", "--ky", "2022-Q1", "--data", dir); code != 0 {
		t.Errorf("the quarter's template is not the six months' own: exit %d", code)
	}
	for _, args := range [][]string{{"template", "check"}, {"template", "check", own, own}, {"template", "check", "--ky", "2022-6X"}} {
		if code, _, errOut := runCLI(t, append(args, "--data", dir)...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d %s", args, code, errOut)
		}
	}
}

// A template is checked for the kind of period it serves: --ky, else its
// name in a workspace, else a year.
func TestTemplateCheckKind(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	body := docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ .Ky }}: {{ with chi_tieu "DT_BUU_CHINH" }}{{ if .CoSoLieu }}{{ .UocCaNam }}{{ end }}{{ end }}`)})
	path := filepath.Join(t.TempDir(), "mau-6-thang.docx")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	// As a year's template: printing a whole-year estimate fails whatever the figures.
	if code, out, _ := runCLI(t, "template", "check", path, "--data", dir); code != 1 || !strings.Contains(out, "uoc_ca_nam") {
		t.Errorf("as a year's: exit %d\n%s", code, out)
	}
	// As a six months' template: only a warning that it lacks its guard.
	code, out, errOut := runCLI(t, "template", "check", path, "--data", dir, "--ky", "2022-6T")
	if code != 0 || !strings.Contains(out, ".CoUocCaNam") || !strings.Contains(out, "1 cảnh báo") {
		t.Errorf("as six months': exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "template", "check", path, "--data", dir, "--ky", "2022-Q5"); code != 2 || !strings.Contains(errOut, "không có quý 5") {
		t.Errorf("a wrong period: exit %d %s", code, errOut)
	}
}
