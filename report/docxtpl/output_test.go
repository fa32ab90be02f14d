package docxtpl

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
)

// The chunked output must answer as one buffer would, above all for a tag
// cut by a chunk's end.
func TestOutputAsOneBuffer(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"<w:tr>", "<w:tr ", "<w:tr/>", "<w:trPr>", "<w:p>", "<w:pPr/>", "x", "yy", "<w:t>", strings.Repeat("z", 700)}
	for round := range 20 {
		o := newOutput(100)
		var want bytes.Buffer
		for want.Len() < 2*chunkSize+5000 {
			s := pieces[rng.IntN(len(pieces))]
			if rng.IntN(2) == 0 {
				o.WriteString(s)
			} else {
				o.Write([]byte(s))
			}
			want.WriteString(s)
		}
		for _, start := range []int{0, 1, chunkSize - 5, chunkSize, chunkSize + 3, 2 * chunkSize, want.Len() - 10, want.Len()} {
			for _, name := range []string{"w:tr", "w:p", "w:tbl"} {
				exp := elementIndex(want.Bytes()[start:], name)
				if exp >= 0 {
					exp += start
				}
				if got := o.elementSince(start, name); got != exp {
					t.Fatalf("round %d: elementSince(%d, %s) = %v, want %v", round, start, name, got, exp)
				}
			}
		}
		// A tag cut at every place of a chunk's end.
		cut := newOutput(0)
		cut.WriteString(strings.Repeat("a", 512-round%7))
		cut.WriteString("<w:tr>")
		if cut.elementSince(0, "w:tr") != 512-round%7 || cut.elementSince(0, "w:tbl") != -1 {
			t.Fatalf("round %d: a tag across chunks is missed", round)
		}
		n := rng.IntN(want.Len())
		o.Truncate(n)
		want.Truncate(n)
		o.WriteString("<end/>")
		want.WriteString("<end/>")
		if o.Len() != want.Len() || docxpkg.Chunks(o.chunks).String() != want.String() {
			t.Fatalf("round %d: after Truncate(%d) the output differs", round, n)
		}
	}
}
