package input_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
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
