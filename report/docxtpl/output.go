package docxtpl

import (
	"sync/atomic"

	"github.com/baocao/baocao/report/docxpkg"
)

// output is a part being rendered, held in chunks: the part of a report of
// 100 000 indicators grows to about 100 MB, which one buffer would copy
// (and clear) again at every doubling, and then copy once more into the
// part's text.
type output struct {
	chunks [][]byte // full ones, then the one being written
	base   int      // offset of chunks[0]: the output before it was dropped
	n      int
	first  int           // capacity of the first chunk
	full   func()        // called when a chunk is full, before the next is started
	passed int           // chunks handed on by pass
	upTo   int           // offset where they end
	drop   bool          // chunks are dropped once passed: the output is only checked
	spare  <-chan []byte // with drop: chunks the checker is done with, to write again
	// With spare: full-size chunks handed on, got back, and the checker's
	// count of those it could not hand back (lost).
	handedOn, back int
	lost           *atomic.Int64
}

const chunkSize = 1 << 20

// checkerQueue is how many settled chunks wait for the checker, and how many
// it hands back. Eight, filling a 100 000-row appendix (BenchmarkAppendix100k,
// seven runs alternated), held 146–165 MiB at the peak against 141–146 MiB,
// for a median time of 1.42 s against 1.55 s, within this machine's noise;
// validate's memory is the tighter target.
const checkerQueue = 2

func newOutput(sizeHint int) *output { return &output{first: min(max(sizeHint, 512), chunkSize)} }

func (o *output) Len() int { return o.n }

func (o *output) Write(p []byte) { appendOutput(o, p) }

func (o *output) WriteString(s string) { appendOutput(o, s) }

func appendOutput[S string | []byte](o *output, s S) {
	o.n += len(s)
	for len(s) > 0 {
		last := len(o.chunks) - 1
		if last < 0 || len(o.chunks[last]) == cap(o.chunks[last]) {
			// The chunks grow with the output, up to chunkSize: a part of
			// a hundred kilobytes allocates no megabyte.
			size := min(max(o.n-len(s), o.first), chunkSize)
			if last < 0 {
				size = o.first
			} else if o.full != nil {
				o.full()
			}
			o.chunks = append(o.chunks, o.newChunk(size))
			last = len(o.chunks) - 1 // full may have dropped chunks
		}
		c := o.chunks[last]
		k := min(cap(c)-len(c), len(s))
		o.chunks[last] = append(c, s[:k]...)
		s = s[k:]
	}
}

func (o *output) newChunk(size int) []byte {
	if o.spare == nil {
		return make([]byte, 0, size)
	}
	select {
	case c := <-o.spare:
		o.back++
		return c[:0]
	default:
	}
	// With the checker's queue full and one more in its hands, a chunk on its
	// way back is worth the wait: a new one would be garbage once it came back.
	// Fewer in flight, the wait would keep the checker idle while this is
	// written. They come back unless the checker lost them; it loses one only
	// when spare is full, so the wait then ends at once.
	if o.handedOn-o.back-int(o.lost.Load()) > checkerQueue {
		o.back++
		return (<-o.spare)[:0]
	}
	return make([]byte, 0, size)
}

// Truncate drops the output after its first n bytes.
func (o *output) Truncate(n int) {
	at := o.base
	for i, c := range o.chunks {
		if at+len(c) >= n {
			o.chunks[i] = c[:n-at]
			clear(o.chunks[i+1:])
			o.chunks = o.chunks[:i+1]
			break
		}
		at += len(c)
	}
	o.n = n
}

// pass hands on, in order, the chunks not yet passed that end by offset
// settled; all of them when settled is -1. Only full chunks end before the
// last one, and nothing before settled changes: the receiver may read them
// while the output grows.
func (o *output) pass(settled int, to chan<- []byte) {
	for ; o.passed < len(o.chunks); o.passed++ {
		c := o.chunks[o.passed]
		if settled >= 0 && (o.upTo+len(c) > settled || len(c) < cap(c)) {
			break
		}
		to <- c
		if o.spare != nil && cap(c) == chunkSize {
			o.handedOn++
		}
		o.upTo += len(c)
	}
	if o.drop {
		clear(o.chunks[:o.passed])
		o.chunks, o.base, o.passed = o.chunks[o.passed:], o.upTo, 0
	}
}

// xmlCheck checks a part's output for well-formedness on a goroutine of its
// own, chunk by chunk as they settle, while the rest is rendered; with a
// Deflater it also compresses them. With spent, it hands back the full
// chunks it is done with, for an output that drops them to write again.
type xmlCheck struct {
	pieces chan []byte
	spent  chan []byte
	lost   atomic.Int64 // full chunks not handed back: spent was full
	done   chan error
}

func startXMLCheck(x *docxpkg.XMLCheck, deflate *docxpkg.Deflater, recycle bool) *xmlCheck {
	c := &xmlCheck{pieces: make(chan []byte, checkerQueue), done: make(chan error, 1)}
	if recycle {
		c.spent = make(chan []byte, checkerQueue)
	}
	go func() {
		var err error
		for p := range c.pieces {
			if err == nil {
				err = x.Add(p) // neither keeps p
			}
			if err == nil && deflate != nil {
				_, err = deflate.Write(p)
			}
			if c.spent != nil && cap(p) == chunkSize {
				select {
				case c.spent <- p:
				default:
					c.lost.Add(1)
				}
			}
		}
		if err == nil {
			err = x.End()
		}
		c.done <- err
	}()
	return c
}

// finish waits for the verdict on what was passed.
func (c *xmlCheck) finish() error {
	close(c.pieces)
	return <-c.done
}

// elementSince returns the offset of the first start tag of the named
// element in the output from offset start, as elementIndex on those bytes;
// -1 if there is none.
func (o *output) elementSince(start int, name string) int {
	edge := len(name) + 1 // "<" and the name: a match cut by a chunk's end is within edge bytes of it
	var tail []byte       // the last edge bytes before the current chunk
	at := o.base
	for _, c := range o.chunks {
		if at+len(c) <= start {
			at += len(c)
			continue
		}
		from := max(start-at, 0)
		seg, segAt := c[from:], at+from
		at += len(c)
		if tail != nil {
			if i := elementIndex(append(tail, seg[:min(edge, len(seg))]...), name); i >= 0 {
				return segAt - len(tail) + i
			}
		}
		if i := elementIndex(seg, name); i >= 0 {
			return segAt + i
		}
		tail = append([]byte(nil), seg[max(len(seg)-edge, 0):]...)
	}
	return -1
}
