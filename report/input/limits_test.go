package input_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
)

// A catalogue of more indicators than MaxIndicators is refused at the first
// one beyond, and one of exactly that many is read. (A flow list [{ma: …}, …]
// of so many passes MaxYAMLNodes first.)
func TestCatalogueIndicatorLimit(t *testing.T) {
	block := func(n int) string {
		var b strings.Builder
		b.WriteString("chi_tieu:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - ma: M%d\n", i)
		}
		return b.String()
	}
	for _, c := range []struct {
		name string
		text func(n int) string
		line int // of the item beyond the limit
	}{
		{"block", block, input.MaxIndicators + 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat, fs := input.ParseCatalogue("data/chi-tieu.yaml", []byte(c.text(input.MaxIndicators+1)))
			if cat != nil || len(fs) != 1 || fs[0].Code != "too-large" || fs[0].Pos.Line != c.line ||
				!strings.Contains(fs[0].Msg, "danh mục có quá 250.000 chỉ tiêu: đây là chỉ tiêu thứ 250.001") {
				t.Errorf("over the limit: %v indicators, %v", cat != nil, fs)
			}
			cat, fs = input.ParseCatalogue("data/chi-tieu.yaml", []byte(c.text(input.MaxIndicators)))
			if cat == nil || len(cat.Indicators) != input.MaxIndicators || len(fs) != 0 {
				t.Errorf("at the limit: %v", fs)
			}
		})
	}
}

// The sections and items of noi_dung, block lists included, are bounded in
// the whole file, not a piece at a time: the first beyond MaxNarrative is
// too-large at its line, and a file of exactly that many is read.
func TestNarrativeLimit(t *testing.T) {
	cat, fs := input.ParseCatalogue("data/chi-tieu.yaml", []byte("chi_tieu:\n  - ma: M1\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	// sections of per items, each counting 1 + per; the line of the first value beyond.
	file := func(sections, per int) (text string, beyond int) {
		var b strings.Builder
		b.WriteString("nam: 2021\nnoi_dung:\n")
		line, count := 3, 0
		for range sections {
			fmt.Fprintf(&b, "  - phan: %s\n    y:\n", model.NarrativeParts[0])
			if count++; count > model.MaxNarrative && beyond == 0 {
				beyond = line
			}
			for j := range per {
				b.WriteString("      - Một ý của báo cáo\n")
				if count++; count > model.MaxNarrative && beyond == 0 {
					beyond = line + 2 + j
				}
			}
			line += 2 + per
		}
		return b.String(), beyond
	}
	for _, c := range []struct {
		name          string
		sections, per int
		wantItems     int // at the limit
	}{
		{"at a section", model.MaxNarrative / 1000, 999, model.MaxNarrative / 1000 * 999},
		{"within a section", model.MaxNarrative/1500 + 1, 1499, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, _ := file(c.sections, c.per)
			if c.wantItems > 0 {
				y, fs := input.ParseFigures("data/2021.yaml", []byte(text), model.YearPeriod(2021), cat)
				if len(fs) != 0 || len(y.Narrative) != c.wantItems {
					t.Errorf("at the limit: %d items, %v", len(y.Narrative), fs)
				}
			}
			text, beyond := file(c.sections+1, c.per)
			_, fs := input.ParseFigures("data/2021.yaml", []byte(text), model.YearPeriod(2021), cat)
			if len(fs) != 1 || fs[0].Code != "too-large" || fs[0].Pos.Line != beyond ||
				!strings.Contains(fs[0].Msg, "phần nội dung (noi_dung) có quá 200.000 mục và ý") {
				t.Errorf("over the limit (line %d): %v", beyond, fs)
			}
		})
	}
}

// A noi_dung read whole that passes MaxNarrative stops only itself: the
// figures that follow it, read in pieces, are all read.
func TestNarrativeOverStopsOnlyItself(t *testing.T) {
	const n = 5000
	inds := make([]*model.Indicator, n)
	var b strings.Builder
	b.WriteString("nam: 2021\nnoi_dung: [{phan: ket_qua, y: [")
	b.WriteString(strings.Repeat("a, ", model.MaxNarrative))
	b.WriteString("a]}]\nchi_tieu:\n")
	for i := range n {
		inds[i] = &model.Indicator{Code: fmt.Sprintf("C%d", i), Kind: model.Quantity}
		fmt.Fprintf(&b, "  C%d: %d\n", i, i+1)
	}
	y, fs := input.ParseFigures("2021.yaml", []byte(b.String()), model.YearPeriod(2021), model.NewCatalogue("chi-tieu.yaml", nil, inds))
	if len(fs) != 1 || fs[0].Code != "too-large" || y == nil || len(y.Entries) != n {
		t.Fatalf("want only the narrative refused and %d figures, got %d figures and %v", n, len(y.Entries), fs)
	}
}
