package input

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/model"
)

// atLimit is a year file just under MaxYAMLSize of the costliest kind: one
// short line per entry, each an unknown code (a finding each), and flow
// mappings of many nodes.
func atLimit() []byte {
	var b strings.Builder
	b.WriteString("nam: 2021\nchi_tieu:\n")
	for i := 0; b.Len() < MaxYAMLSize-100; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&b, "  M%06d: 1\n", i)
		} else {
			fmt.Fprintf(&b, "  N%06d: {thuc_hien: 1, ke_hoach: 2}\n", i)
		}
	}
	return []byte(b.String())
}

// BenchmarkParseYearAtLimit reads the costliest year file the size limit
// lets through. Target: under 2 s and 300 MiB, so that no YAML input can
// exhaust a clerk's computer (README: "Giới hạn").
func BenchmarkParseYearAtLimit(b *testing.B) {
	src := atLimit()
	cat, _, err := Sample().Catalogue() // 46 indicators, each a candidate for "có phải ý là"
	if err != nil {
		b.Fatal(err)
	}
	memtest.Bench(b, func() {
		_, fs := ParseFigures("2021.yaml", src, model.YearPeriod(2021), cat)
		if len(fs) != model.MaxListed+1 || fs[len(fs)-1].Code != "too-many-findings" {
			b.Fatalf("%d findings", len(fs))
		}
	})
}
