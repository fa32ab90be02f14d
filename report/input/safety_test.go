package input

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
)

func TestPartOfCycleNamed(t *testing.T) {
	src := "chi_tieu:\n  - {ma: A, thuoc: B}\n  - {ma: B, thuoc: C}\n  - {ma: C, thuoc: A}\n  - {ma: D, thuoc: A}\n  - {ma: E, thuoc: E}\n"
	_, fs := ParseCatalogue("c.yaml", []byte(src))
	if got := codesAndLines(fs); got != "part-of-cycle@c.yaml:2 part-of-cycle@c.yaml:6" {
		t.Fatalf("findings %q", got)
	}
	if !strings.Contains(fs[0].Msg, "A thuộc B thuộc C thuộc A") || !strings.Contains(fs[1].Msg, "E thuộc E") {
		t.Errorf("cycle not named: %q / %q", fs[0].Msg, fs[1].Msg)
	}
}

func TestSecondDocumentRefused(t *testing.T) {
	_, fs := ParseFigures("2021.yaml", []byte("nam: 2021\n---\nchi_tieu:\n  TB_INTERNET: 1\n"), model.YearPeriod(2021), testCat(t))
	if got := codesAndLines(fs); got != "yaml-syntax@2021.yaml:2" {
		t.Fatalf("findings %q", got)
	}
	if !strings.Contains(fs[0].Msg, "«---»") {
		t.Errorf("message %q", fs[0].Msg)
	}
	// A "---" that only ends the file is harmless.
	if _, fs := ParseFigures("2021.yaml", []byte("nam: 2021\n---\n"), model.YearPeriod(2021), testCat(t)); len(fs) > 0 {
		t.Errorf("trailing ---: %v", fs)
	}
}

func TestYAMLErrorsInVietnamese(t *testing.T) {
	deep := strings.Repeat("[", 20000)
	cases := map[string]string{
		"tab":   "nam: 2021\nchi_tieu:\n\tTB_INTERNET: 1\n",
		"at":    "nam: @2021\n",
		"utf8":  "nam: 2021\nthong_tin:\n  co_quan: \"S\xc3\x28\"\n",
		"deep":  "chi_tieu: " + deep,
		"colon": "thong_tin:\n  co_quan: Sở: TTTT\n",
	}
	for name, src := range cases {
		_, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), testCat(t))
		if len(fs) != 1 || fs[0].Code != "yaml-syntax" {
			t.Errorf("%s: %v", name, fs)
			continue
		}
		for _, english := range []string{"found", "token", "depth", "octet", "mapping values", "yaml:"} {
			if strings.Contains(fs[0].Msg, english) {
				t.Errorf("%s: English reaches the user: %q", name, fs[0].Msg)
			}
		}
	}
}

// workspace makes a data folder with the test catalogue and the given files.
func workspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files[CatalogueFile] = testCatalogue
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestNonRegularInputsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFO or /dev/zero on Windows")
	}
	dir := workspace(t, map[string]string{})
	if err := syscall.Mkfifo(filepath.Join(dir, "2021.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "2020.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "mau-bao-cao.docx")); err != nil {
		t.Fatal(err)
	}
	ws, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	cat := testCat(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for year, want := range map[int]string{2021: "đường ống dữ liệu (FIFO)", 2020: "thiết bị"} {
			_, _, err := ws.Figures(model.YearPeriod(year), cat)
			if err == nil || !strings.Contains(err.Error(), "không phải là tệp thông thường") || !strings.Contains(err.Error(), want) {
				t.Errorf("%d: %v", year, err)
			}
		}
		if _, _, err := ws.Template(model.FullYear); err == nil || !strings.Contains(err.Error(), "mau-bao-cao.docx không phải là tệp thông thường") {
			t.Errorf("template: %v", err)
		}
		if _, err := ReadTemplate("/dev/zero"); err == nil || !strings.Contains(err.Error(), "/dev/zero không phải là tệp thông thường") {
			t.Errorf("--template /dev/zero: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO or /dev/zero hangs")
	}
}

func TestInputSizeLimit(t *testing.T) {
	big := "nam: 2021\nthong_tin:\n  co_quan: \"" + strings.Repeat("x", MaxYAMLSize) + "\"\n"
	dir := workspace(t, map[string]string{"2021.yaml": big})
	ws, _ := Open(dir)
	_, _, err := ws.Figures(model.YearPeriod(2021), testCat(t))
	if err == nil || !strings.Contains(err.Error(), "lớn hơn 32 MB") {
		t.Fatalf("err = %v", err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "2021.yaml"), testCat(t)); err == nil || !strings.Contains(err.Error(), "lớn hơn 32 MB") {
		t.Fatalf("file err = %v", err)
	}
}

func TestPeriodsListsEveryInputKind(t *testing.T) {
	dir := workspace(t, map[string]string{"2021.xls": "x", "2019.YAML": "nam: 2019\n", "2020.xlsx": "", "ghi-chu.txt": "", "20210.yaml": "",
		"2021-6T.yaml": "", "2021-q1.xlsx": "", "2020-T12.yaml": ""})
	ws, _ := Open(dir)
	periods, err := ws.Periods()
	var codes []string
	for _, p := range periods {
		codes = append(codes, p.Code())
	}
	if got, want := strings.Join(codes, " "), "2019 2020 2020-T12 2021-Q1 2021-6T 2021"; err != nil || got != want {
		t.Fatalf("periods = %s, %v; want %s", got, err, want)
	}
	if name, err := ws.File(model.Period{Kind: model.Quarter, Year: 2021, N: 1}); err != nil || name != "2021-q1.xlsx" {
		t.Errorf("2021-Q1: %q %v", name, err)
	}
	if name, err := ws.File(model.YearPeriod(2021)); err != nil || name != "2021.xls" {
		t.Errorf("2021: %q %v", name, err)
	}
	if name, err := ws.File(model.YearPeriod(2019)); err != nil || name != "2019.YAML" {
		t.Errorf("2019: %q %v", name, err)
	}
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func TestOpenFindsWorkspaceUpward(t *testing.T) {
	dir := workspace(t, map[string]string{"2021.yaml": "nam: 2021\n"})
	root := filepath.Dir(dir)
	sub := filepath.Join(root, "bao-cao", "cu")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for from, shown := range map[string]string{root: "data", dir: ".", sub: filepath.Join("..", "..", "data")} {
		chdir(t, from)
		ws, err := Open("")
		if err != nil || ws.Embedded || ws.Dir != shown || ws.Root != root || ws.Above != (from != root) {
			t.Errorf("from %s: %+v %v", from, ws, err)
			continue
		}
		if !ws.Has(model.YearPeriod(2021)) {
			t.Errorf("from %s: year not found", from)
		}
	}
	// A data folder without a catalogue above does not capture unrelated folders.
	other := t.TempDir()
	if err := os.MkdirAll(filepath.Join(other, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	below := filepath.Join(other, "x")
	os.Mkdir(below, 0o755)
	chdir(t, below)
	if ws, err := Open(""); err != nil || !ws.Embedded {
		t.Errorf("unrelated data/ above: %+v %v", ws, err)
	}
}

func TestCatalogueForOneRule(t *testing.T) {
	dir := workspace(t, map[string]string{"2021.yaml": "nam: 2021\n"})
	other := filepath.Join(t.TempDir(), "2021.yaml")
	os.WriteFile(other, []byte("nam: 2021\n"), 0o644)
	main := &Workspace{Dir: "main"}
	fallback := func() (*Workspace, error) { return main, nil }
	if ws, err := CatalogueFor(filepath.Join(dir, "2021.yaml"), fallback); err != nil || ws == main {
		t.Errorf("beside the file: %+v %v", ws, err)
	}
	if ws, err := CatalogueFor(other, fallback); err != nil || ws != main {
		t.Errorf("no catalogue beside: %+v %v", ws, err)
	}
}

func TestRankingFieldsEchoedAsTyped(t *testing.T) {
	cat := testCat(t)
	for src, want := range map[string]string{
		"xep_hang:\n  XH_ICT: {thu_hang: thứ 9}\n":              "XH_ICT: thiếu tong_so",
		"xep_hang:\n  XH_ICT: {thu_hang: thứ 9, tong_so: 63}\n": "XH_ICT: thu_hang «thứ 9», tong_so «63»: cần hai số nguyên",
	} {
		_, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), cat)
		if len(fs) != 1 || !strings.HasPrefix(fs[0].Msg, want) || strings.Contains(fs[0].Msg, "9/") {
			t.Errorf("%q: %v", src, fs)
		}
	}
}

// FuzzParseCatalogue: any catalogue text gives findings or a catalogue, in
// bounded time, whatever chains of thuoc it declares.
func FuzzParseCatalogue(f *testing.F) {
	for _, s := range []string{
		testCatalogue,
		"chi_tieu:\n  - {ma: A, thuoc: B}\n  - {ma: B, thuoc: A}\n",
		"chi_tieu:\n  - {ma: A, thuoc: A}\n",
		"chi_tieu:\n  - {ma: A, thuoc: B}\n  - {ma: B, thuoc: C}\n  - {ma: C}\n",
		"a: 1\n---\nb: 2\n",
		"chi_tieu: [",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cat, fs := ParseCatalogue("c.yaml", []byte(src))
		if cat == nil && len(fs) == 0 {
			t.Fatal("no catalogue and no finding")
		}
	})
}

// A chain of formulas longer than compute.MaxFormulaChain is refused once,
// where it passes the limit; one as long as the limit is read.
func TestFormulaChainLimit(t *testing.T) {
	chain := func(n int) []byte {
		var b strings.Builder
		b.WriteString("chi_tieu:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {ma: M%d, cong_thuc: \"M%d + 1\"}\n", i, i+1)
		}
		fmt.Fprintf(&b, "  - {ma: M%d}\n", n)
		return []byte(b.String())
	}
	limit := compute.MaxFormulaChain
	if _, fs := ParseCatalogue("c.yaml", chain(limit)); len(fs) > 0 {
		t.Fatalf("chain of %d: %v", limit, fs)
	}
	n := 20 * limit
	_, fs := ParseCatalogue("c.yaml", chain(n))
	// M(n-limit-1) reads limit+1 formulas; it is on line n-limit-1+2.
	want := fmt.Sprintf("formula-chain-too-long@c.yaml:%d", n-limit+1)
	if got := codesAndLines(fs); got != want {
		t.Fatalf("findings %q, want %q", got, want)
	}
	if !strings.Contains(fs[0].Msg, fmt.Sprintf("M%d được tính qua %d công thức", n-limit-1, limit+1)) {
		t.Errorf("message %q", fs[0].Msg)
	}
	// A cycle is left to validate (compute names it); it is not a chain too long.
	if _, fs := ParseCatalogue("c.yaml", []byte("chi_tieu:\n  - {ma: A, cong_thuc: B + 1}\n  - {ma: B, cong_thuc: A + 1}\n")); len(fs) > 0 {
		t.Errorf("cycle: %v", fs)
	}
}

// A collection of more values than any real input has is refused where the
// count passes MaxYAMLNodes, before the parser builds a node of it.
func TestTooManyNodesRefused(t *testing.T) {
	src := "nam: 2021\nnoi_dung: [{phan: qlnn, muc: X, y: [" + strings.Repeat("a,", MaxYAMLNodes/2) + "a]}]\n"
	_, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), testCat(t))
	if got := codesAndLines(fs); got != "too-large@2021.yaml:2" {
		t.Fatalf("findings %q", got)
	}
	if !strings.Contains(fs[0].Msg, "hơn 1.000.000") {
		t.Errorf("message %q", fs[0].Msg)
	}
}

// A key no reader uses is warned about and skipped: its value, however big,
// is not parsed into nodes (about 200 bytes each). A small one is parsed, for
// its syntax errors.
func TestUnusedKeyNotParsed(t *testing.T) {
	for _, unused := range []string{
		"x: [" + strings.Repeat("{},", 200_000) + "{}]\n",
		"x:\n" + strings.Repeat("  - {a: 1}\n", 100_000),
	} {
		src := []byte("nam: 2021\n" + unused + "chi_tieu:\n  TB_INTERNET: 1\n")
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		y, fs := ParseFigures("2021.yaml", src, model.YearPeriod(2021), testCat(t))
		runtime.ReadMemStats(&after)
		if got := codesAndLines(fs); got != "unknown-field@2021.yaml:2" || y == nil || y.Entry("TB_INTERNET") == nil {
			t.Fatalf("findings %q", got)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(src)) {
			t.Errorf("reading a %d-byte file with an unused key allocated %d bytes", len(src), alloc)
		}
	}
}

// A YAML file lists its first model.MaxListed findings and counts the rest,
// as a workbook does.
func TestYAMLFindingsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("nam: 2021\nchi_tieu:\n")
	n := model.MaxListed + 500
	for i := range n {
		fmt.Fprintf(&b, "  X%d: 1\n", i)
	}
	_, fs := ParseFigures("2021.yaml", []byte(b.String()), model.YearPeriod(2021), testCat(t))
	if len(fs) != model.MaxListed+1 {
		t.Fatalf("%d findings, want %d", len(fs), model.MaxListed+1)
	}
	last := fs[len(fs)-1]
	want := fmt.Sprintf("còn %d vấn đề nữa không được liệt kê (%[1]d unknown-indicator)", n-model.MaxListed)
	if last.Code != "too-many-findings" || last.Severity != model.Error || last.Pos != (model.Pos{File: "2021.yaml"}) || !strings.Contains(last.Msg, want) {
		t.Errorf("last finding %+v, want %q", last, want)
	}
	if fs[model.MaxListed-1].Pos.Line != model.MaxListed+2 {
		t.Errorf("last listed at %v", fs[model.MaxListed-1].Pos)
	}
}

func TestSmallUnusedKeyChecked(t *testing.T) {
	src := "nam: 2021\nx: [[[1]\nchi_tieu:\n  TB_INTERNET: 1\n"
	_, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), testCat(t))
	if got := codesAndLines(fs); !strings.Contains(got, "yaml-syntax") {
		t.Errorf("findings %q", got)
	}
}
