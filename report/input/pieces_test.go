package input

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"go.yaml.in/yaml/v3"
)

// smallPieces cuts big collections at every item for the test, so that the
// pieces and their seams are many.
func smallPieces(t testing.TB) {
	saved := pieceSize
	pieceSize = 1
	t.Cleanup(func() { pieceSize = saved })
}

// samePiecesAsWhole fails when src read in pieces differs from src read whole,
// and reports whether it could be read in pieces.
func samePiecesAsWhole(t *testing.T, src string) bool {
	t.Helper()
	cat, fs, ok := parseCatalogue("c.yaml", []byte(src), true)
	if ok {
		wcat, wfs, _ := parseCatalogue("c.yaml", []byte(src), false)
		if !reflect.DeepEqual(cat, wcat) || !reflect.DeepEqual(fs, wfs) {
			t.Fatalf("catalogue %q:\nin pieces %v\n%v\nwhole %v\n%v", src, cat, fs, wcat, wfs)
		}
	}
	known, _ := ParseCatalogue("c.yaml", []byte(testCatalogue))
	y, yfs, yok := parseFigures("f.yaml", []byte(src), model.YearPeriod(2021), known, true)
	if yok {
		wy, wfs, _ := parseFigures("f.yaml", []byte(src), model.YearPeriod(2021), known, false)
		if !reflect.DeepEqual(y, wy) || !reflect.DeepEqual(yfs, wfs) {
			t.Fatalf("figures %q:\nin pieces %+v\n%v\nwhole %+v\n%v", src, y, yfs, wy, wfs)
		}
	}
	return ok && yok
}

var piecesSeeds = []string{
	testCatalogue,
	"nam: 2021\nchi_tieu:\n  DT_BUU_CHINH: 130\n  TB_INTERNET: {thuc_hien: 1, ke_hoach: 2}\n  DT_BUU_CHINH: 1\n  X: 2\n",
	"nam: 2021\r\nchi_tieu:\r\n  # ghi chú\r\n  DT_BUU_CHINH: 130\r\n\r\n  TB_INTERNET: 1.5\r\nxep_hang:\r\n  XH_ICT: 11/63\r\n",
	"chi_tieu:\n  - {ma: A, ten: &t Tên}\n  - {ma: B, ten: *t}\n",
	"chi_tieu:\n  DT_BUU_CHINH: &v 1\n  TB_INTERNET: *v\n",
	"chi_tieu:\n  - ma: A\n    ten: |\n      dòng một\n    \n      dòng hai\n  - ma: B\n    ten: \"một\n  - hai\"\n",
	"chi_tieu:\n  - {ma: A,\n  - ten: x}\n",
	"noi_dung:\n- phan: ket_qua\n  y:\n  - a\n  - b\n- phan: nhiem_vu\n  y: [c]\n",
	"noi_dung:\n  - phan: ket_qua\n    y:\n      - >-\n        một\n        hai\n  - phan: ton_tai\n    y: [d]\nthong_tin:\n  dia_danh: Nam Định\n",
	"nhom:\n  - {ma: G}\nnhom:\n  - {ma: H}\nchi_tieu:\n  - {ma: A, nhom: G}\nabc: 1\n",
	"chi_tieu: # danh sách\n  - {ma: A}\n",
	"chi_tieu:\n  ma: A\n",
	"chi_tieu:\n  - {ma: A}\n - {ma: B}\n",
	"chi_tieu:\n    - {ma: A}\n  - {ma: B}\n",
	"chi_tieu:\n  DT_BUU_CHINH: 1\n  ? TB_INTERNET\n  : 2\n",
	"chi_tieu:\n  DT_BUU_CHINH: 1\n\tTB_INTERNET: 2\n",
	"nam: 2021\n---\nnam: 2022\n",
	"\ufeffnam: 2021\nchi_tieu:\n  TB_INTERNET: 1\n",
	"nam: 2021\rchi_tieu:\r  TB_INTERNET: 1\r",
	"chi_tieu:\n  TB_INTERNET: 1\u2028  DT_BUU_CHINH: 2\n",
	"chi_tieu:\n\n  TB_INTERNET: 1\n# lề trái\n  DT_BUU_CHINH: x\n",
	"xep_hang:\n  XH_ICT: {thu_hang: 1, tong_so: 63}\n  TB_INTERNET: 1/2\n  XH_ICT: 2/63\n",
	"",
	"# chỉ có ghi chú\n",
}

func TestPiecesReadAsWhole(t *testing.T) {
	smallPieces(t)
	for _, src := range piecesSeeds {
		samePiecesAsWhole(t, src)
	}
	// The sample's files are of the plain shape: read in pieces, as they should be.
	for _, name := range []string{CatalogueFile, "2020.yaml", "2021.yaml"} {
		b, err := fs.ReadFile(Sample().FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !samePiecesAsWhole(t, string(b)) {
			t.Errorf("%s not read in pieces", name)
		}
	}
}

// TestPieceLines: findings far into a big file, past many pieces, name their lines.
func TestPieceLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("# danh mục\nchi_tieu:\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "  - {ma: C%05d, ten: Chỉ tiêu %d}\n", i, i)
	}
	b.WriteString("  - {ma: c-1}\n  - ma: C00007\n    ten: trùng\n")
	_, fs, ok := parseCatalogue("c.yaml", []byte(b.String()), true)
	if !ok {
		t.Fatal("not read in pieces")
	}
	if got, want := codesAndLines(fs), "bad-code@c.yaml:5003 duplicate-indicator@c.yaml:5004"; got != want {
		t.Errorf("findings %s, want %s", got, want)
	}
	if !strings.Contains(fs[1].Msg, "dòng 10") {
		t.Errorf("first declared: %s", fs[1].Msg)
	}
}

// FuzzPiecesAsWhole: whatever the text, reading it in pieces gives exactly
// what reading it whole gives.
func FuzzPiecesAsWhole(f *testing.F) {
	for _, s := range piecesSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		smallPieces(t)
		samePiecesAsWhole(t, src)
	})
}

// sameNodes fails unless the quick reading of a piece gives what the parser
// gives in everything the readers use: kinds, values, lines, null or not.
func sameNodes(t *testing.T, quick, parsed *yaml.Node) {
	t.Helper()
	if quick.Kind != parsed.Kind || quick.Value != parsed.Value || quick.Line != parsed.Line ||
		(quick.Tag == "!!null") != (parsed.Tag == "!!null") || len(quick.Content) != len(parsed.Content) {
		t.Fatalf("quick %+v, parser %+v", *quick, *parsed)
	}
	for i := range quick.Content {
		sameNodes(t, quick.Content[i], parsed.Content[i])
	}
}

var quickSeeds = []string{
	"  - {ma: C000001, ten: Chỉ tiêu số 1, don_vi: tỷ đồng}\n  - {ma: C2, ten: \"Bưu chính, Viễn thông\", muc_tieu: '> 50'}\n",
	"- ma: A\n  ten: Tên một\n  # ghi chú\n\n- ma: B\n  don_vi: '%'\n",
	"  C000001: 1.234\n  C000002: {thuc_hien: 1.234, ke_hoach: -5, uoc: true}\n  C3: null\n  C4: ~ \n",
	"  - phan: nhiem_vu\n    muc: Nhiệm vụ\n    y:\n      - \"Một, hai\"\n      - ba\n    # ghi chú\n  - phan: ket_qua\n    y:\n    - bốn\n",
	"  - phan: a\n    y:\n  - phan: b\n    y:\n      - c\n        d\n    z:\n",
	"  A: 1,5\n  B: {thuc_hien: 1,5}\n  C: a: b\n  D: x #y\n  E: 'it''s'\n  F: \"a\\tb\"\n",
	"  A: {a: 1, }\n  B: {a: 1} x\n  C: {a: {b: 1}}\n  D: {a: ?b}\n  E: -x\n  F: [1]\n",
}

func TestQuickPieceAsParser(t *testing.T) {
	for _, src := range quickSeeds[:4] {
		kind := yaml.MappingNode
		if strings.HasPrefix(strings.TrimSpace(src), "-") {
			kind = yaml.SequenceNode
		}
		var qr quick
		q, ok := qr.piece([]byte(src), kind)
		if !ok {
			t.Fatalf("%q not read quickly", src)
		}
		p, _ := parsePiece([]byte(src))
		sameNodes(t, q, p)
	}
}

// FuzzQuickPiece: what the quick reading accepts, the parser reads the same.
func FuzzQuickPiece(f *testing.F) {
	for _, s := range append(quickSeeds, piecesSeeds...) {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, seq bool) {
		kind := yaml.MappingNode
		if seq {
			kind = yaml.SequenceNode
		}
		var qr quick
		q, ok := qr.piece([]byte(src), kind)
		if !ok {
			return
		}
		p, ok := parsePiece([]byte(src))
		if !ok {
			t.Fatalf("%q read quickly, refused by the parser", src)
		}
		sameNodes(t, q, p)
	})
}

func TestKeySet(t *testing.T) {
	var s keySet
	for round, want := range []bool{true, false} {
		for i := range 20 {
			if got := s.add(fmt.Sprint("K", i)); got != want {
				t.Fatalf("round %d, key %d: new %v", round, i, got)
			}
		}
	}
}
