package docxpkg

import (
	"io"
	"strings"
	"unsafe"
)

// Chunks is the XML of a part in pieces, as a renderer wrote it: the body of
// a report of 100 000 indicators is about 100 MB, which joined into one
// string would be held, and copied, twice.
type Chunks [][]byte

// Len is the length of the XML.
func (c Chunks) Len() int {
	n := 0
	for _, b := range c {
		n += len(b)
	}
	return n
}

// String joins the pieces.
func (c Chunks) String() string {
	var b strings.Builder
	b.Grow(c.Len())
	for _, p := range c {
		b.Write(p)
	}
	return b.String()
}

// Reader reads the pieces in order.
func (c Chunks) Reader() io.Reader { return &chunksReader{c: c} }

type chunksReader struct {
	c       Chunks
	i, read int // the piece being read, and how much of it was
}

func (r *chunksReader) Read(p []byte) (int, error) {
	for r.i < len(r.c) && r.read == len(r.c[r.i]) {
		r.i, r.read = r.i+1, 0
	}
	if r.i == len(r.c) {
		return 0, io.EOF
	}
	n := copy(p, r.c[r.i][r.read:])
	r.read += n
	return n, nil
}

// WriteTo writes the pieces as they are, rather than through io.Copy's buffer.
func (r *chunksReader) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for ; r.i < len(r.c); r.i, r.read = r.i+1, 0 {
		n, err := w.Write(r.c[r.i][r.read:])
		if total += int64(n); err != nil {
			return total, err
		}
	}
	return total, nil
}

// MaxMarkup bounds a tag, comment, processing instruction or CDATA section
// that XMLCheck carries from a piece to the next: scanned again with every
// piece, a longer one would cost time without bound. Text has no bound (it is
// given in parts). A template holding a longer one is refused when it is read.
const MaxMarkup = 1 << 20

// XMLCheck checks that XML given piece by piece is well-formed, as
// NewTokenizer over the pieces joined would, for markup up to MaxMarkup:
// each piece is scanned after what the previous one left of a token it cut
// off. The zero value is ready.
type XMLCheck struct {
	// Visit, when set, is called with every token in order, src holding
	// it at tok's offsets, src[0] being at offset base of the whole XML, and
	// open the elements open after it; neither src nor open may be kept
	// past the call.
	Visit func(tok Token, src string, base int, open []Element)

	t      Tokenizer
	window []byte // what is left of the previous piece, then this one
	base   int    // offset of window[0] in the whole XML
}

// Add checks the next piece. The piece is not kept.
func (x *XMLCheck) Add(piece []byte) error { return x.scan(piece, false) }

// End checks what is left once every piece is added.
func (x *XMLCheck) End() error { return x.scan(nil, true) }

func (x *XMLCheck) scan(piece []byte, last bool) error {
	t := &x.t
	carry := len(t.s) - t.pos
	shift := len(x.window) - carry
	// Open elements are kept relative to the new window; their names point
	// into the one being reused.
	for j := range t.open {
		e := &t.open[j]
		e.Name, e.Start, e.End = strings.Clone(e.Name), e.Start-shift, e.End-shift
	}
	x.base += shift
	x.window = append(x.window[:copy(x.window, x.window[shift:])], piece...)
	// A view, not a copy: the window is not written while t reads it.
	t.s, t.pos = unsafe.String(unsafe.SliceData(x.window), len(x.window)), 0
	t.partial = !last
	for {
		tok, err := t.Next()
		if err == nil && x.Visit != nil {
			x.Visit(tok, t.s, x.base, t.open)
		}
		if err == io.EOF {
			return nil
		}
		if err == errIncomplete {
			if len(t.s)-t.pos <= MaxMarkup {
				return nil
			}
			t.partial = false // the error it stands for
			tok, err = t.Next()
			t.partial = !last
			if err == nil && x.Visit != nil {
				x.Visit(tok, t.s, x.base, t.open)
			}
		}
		if err != nil {
			if se, ok := err.(*SyntaxError); ok {
				se.Offset += x.base
			}
			return err
		}
	}
}
