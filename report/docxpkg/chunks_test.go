package docxpkg

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// chunksWellFormed checks the chunks as the checker of a part being
// rendered does, piece by piece.
func chunksWellFormed(c Chunks) error {
	var x XMLCheck
	for _, piece := range c {
		if err := x.Add(piece); err != nil {
			return err
		}
	}
	return x.End()
}

// wholeWellFormed is the check of a part held as one string.
func wholeWellFormed(xml string) error {
	tk := NewTokenizer(xml)
	for {
		if _, err := tk.Next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// cut splits xml before each offset in cuts (taken modulo its length, in order).
func cut(xml string, cuts []byte) Chunks {
	var c Chunks
	at := 0
	for _, b := range cuts {
		if len(xml) == 0 {
			break
		}
		next := at + int(b)%(len(xml)-at+1)
		c = append(c, []byte(xml[at:next]))
		at = next
	}
	return append(c, []byte(xml[at:]))
}

func sameError(t *testing.T, xml string, c Chunks) {
	t.Helper()
	want, got := wholeWellFormed(xml), chunksWellFormed(c)
	if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
		t.Fatalf("%q cut as %q: %v, whole: %v", xml, c, got, want)
	}
	if c.String() != xml {
		t.Fatalf("String: %q, want %q", c.String(), xml)
	}
	for range 2 { // reading leaves the pieces as they are
		if b, _ := io.ReadAll(c.Reader()); string(b) != xml {
			t.Fatalf("Reader: %q, want %q", b, xml)
		}
		var w strings.Builder
		if _, err := c.Reader().(io.WriterTo).WriteTo(&w); err != nil || w.String() != xml {
			t.Fatalf("WriteTo: %q, want %q", w.String(), xml)
		}
	}
}

var wellFormedSeeds = []string{
	`<w:p><w:r><w:t xml:space="preserve">a &lt; b</w:t></w:r></w:p>`,
	`<?xml version="1.0"?><w:document><w:body><!-- a <comment> --><w:p/><![CDATA[x<y]]></w:body></w:document>`,
	`<w:p><w:r></w:p></w:r>`,
	`<w:p a="x>y"><w:r/></w:p>`,
	`<w:p><w:r>`,
	`<!DOCTYPE x><a/>`,
	`<a b="unclosed></a>`,
	`<a><!-- never closed </a>`,
	`text < not a tag`,
	`</a>`,
	``,
}

// Every way of cutting a part gives the verdict, and the message, of the
// whole: a cut inside a tag, a comment, a name or "<!" is carried over.
func TestWellFormedChunksEveryCut(t *testing.T) {
	for _, xml := range wellFormedSeeds {
		for i := 0; i <= len(xml); i++ {
			for j := i; j <= len(xml); j += 3 {
				sameError(t, xml, Chunks{[]byte(xml[:i]), []byte(xml[i:j]), []byte(xml[j:])})
			}
		}
	}
}

// A token longer than MaxMarkup is judged where it stands rather than
// carried from piece to piece until the end.
func TestWellFormedChunksLongToken(t *testing.T) {
	long := `<a><!--` + strings.Repeat("x", 3*MaxMarkup)
	var c Chunks
	for i := 0; i < len(long); i += MaxMarkup / 2 {
		c = append(c, []byte(long[i:min(i+MaxMarkup/2, len(long))]))
	}
	c = append(c, []byte(`--></a>`))
	err := chunksWellFormed(c)
	if err == nil || !strings.Contains(err.Error(), "thiếu «-->»") {
		t.Fatalf("got %v, want the unclosed comment", err)
	}
	if err := chunksWellFormed(Chunks{[]byte(long[:10]), []byte(long[10:] + `--></a>`)}); err != nil {
		t.Fatalf("the same comment closed: %v", err)
	}
}

func FuzzWellFormedChunks(f *testing.F) {
	for _, s := range wellFormedSeeds {
		f.Add(s, []byte{3, 7, 1})
	}
	f.Fuzz(func(t *testing.T, xml string, cuts []byte) {
		sameError(t, xml, cut(xml, cuts))
	})
}

// tokens lists what a tokenizer gives: each token's kind, place in the
// whole, text and name, and the elements open after it with their places.
func tokens(visit func(func(Token, string, int, []Element))) []string {
	var out []string
	visit(func(tok Token, src string, base int, open []Element) {
		names := make([]string, len(open))
		for i, e := range open {
			names[i] = fmt.Sprintf("%s@%d-%d", e.Name, base+e.Start, base+e.End)
		}
		out = append(out, fmt.Sprintf("%d %d-%d %q %s %v", tok.Kind, base+tok.Start, base+tok.End, src[tok.Start:tok.End], tok.Name, names))
	})
	return out
}

// Visit sees the tokens of the whole, text unsplit and at their places in
// it, however the pieces cut it.
func TestXMLCheckVisitsTheWholesTokens(t *testing.T) {
	for _, xml := range wellFormedSeeds[:4] {
		want := tokens(func(f func(Token, string, int, []Element)) {
			tk := NewTokenizer(xml)
			for {
				tok, err := tk.Next()
				if err != nil {
					return
				}
				f(tok, xml, 0, tk.Open())
			}
		})
		for i := 0; i <= len(xml); i++ {
			got := tokens(func(f func(Token, string, int, []Element)) {
				x := XMLCheck{Visit: f}
				x.Add([]byte(xml[:i]))
				x.Add([]byte(xml[i:]))
				x.End()
			})
			if !slices.Equal(got, want) {
				t.Fatalf("%q cut at %d:\n%q\nwant\n%q", xml, i, got, want)
			}
		}
	}
}
