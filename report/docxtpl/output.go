package docxtpl

// output is a part being rendered, held in chunks: the part of a report of
// 100 000 indicators grows to about 100 MB, which one buffer would copy
// (and clear) again at every doubling, and then copy once more into the
// part's text.
type output struct {
	chunks [][]byte // full ones, then the one being written
	n      int
	first  int // capacity of the first chunk
}

const chunkSize = 1 << 20

func newOutput(sizeHint int) *output { return &output{first: min(max(sizeHint, 512), chunkSize)} }

func (o *output) Len() int { return o.n }

func (o *output) Write(p []byte) { appendOutput(o, p) }

func (o *output) WriteString(s string) { appendOutput(o, s) }

func appendOutput[S string | []byte](o *output, s S) {
	o.n += len(s)
	for len(s) > 0 {
		last := len(o.chunks) - 1
		if last < 0 || len(o.chunks[last]) == cap(o.chunks[last]) {
			size := chunkSize
			if last < 0 {
				size = o.first
			}
			o.chunks = append(o.chunks, make([]byte, 0, size))
			last++
		}
		c := o.chunks[last]
		k := min(cap(c)-len(c), len(s))
		o.chunks[last] = append(c, s[:k]...)
		s = s[k:]
	}
}

// Truncate drops the output after its first n bytes.
func (o *output) Truncate(n int) {
	at := 0
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

// hasElementSince reports whether the output from offset start has a start
// tag of the named element, as hasElement on those bytes.
func (o *output) hasElementSince(start int, name string) bool {
	edge := len(name) + 1 // "<" and the name: a match cut by a chunk's end is within edge bytes of it
	var tail []byte       // the last edge bytes before the current chunk
	at := 0
	for _, c := range o.chunks {
		if at+len(c) <= start {
			at += len(c)
			continue
		}
		seg := c[max(start-at, 0):]
		at += len(c)
		if tail != nil && hasElement(append(tail, seg[:min(edge, len(seg))]...), name) || hasElement(seg, name) {
			return true
		}
		tail = append([]byte(nil), seg[max(len(seg)-edge, 0):]...)
	}
	return false
}
