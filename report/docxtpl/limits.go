package docxtpl

import (
	"bytes"
	"fmt"

	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// Limits on the work a template may ask for, so that a mistaken or hostile
// template ends in seconds with a message instead of hanging or filling the
// memory. A yearly report has a few hundred tags, blocks nested a few deep,
// a few thousand loop iterations and a document part of about a megabyte; the
// loop and output limits leave room for a table and a list of 100 000
// indicators each (about 100 MB of XML).
const (
	MaxTags       = 20_000    // tags in the whole template
	MaxNesting    = 100       // {{if}}, {{range}} and {{with}} open at once
	MaxIterations = 1_000_000 // iterations of all {{range}} loops in one execution
	MaxOutputSize = 192 << 20 // bytes of XML written by one execution, all parts together
)

// limitError is a limit reached while executing, with its message.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// iterate counts one iteration of a {{range}}: the rewriter puts a call at
// the start of every loop's body.
func (x *execution) iterate() (string, error) {
	x.iterations++
	if x.iterations > MaxIterations {
		return "", &limitError{fmt.Sprintf("các vòng lặp {{range}} đã chạy quá %s lần khi điền mẫu; "+
			"hãy kiểm tra giá trị được lặp ở thẻ {{range}} của đoạn này", vnformat.Number(decimal.NewFromInt(MaxIterations), 0))}
	}
	return "", nil
}

// limitedWriter is where an execution writes: it refuses to go beyond
// MaxOutputSize in all parts together.
type limitedWriter struct {
	x   *execution
	cp  *compiled
	buf *bytes.Buffer
}

func (w limitedWriter) Write(p []byte) (int, error) {
	if len(p) > 0 {
		if para, ok := w.cp.textMarks[&p[0]]; ok {
			w.x.problems.moveTo(w.cp.part.name, para)
		}
	}
	if w.x.written+w.buf.Len()+len(p) > MaxOutputSize {
		return 0, &limitError{fmt.Sprintf("nội dung điền ra vượt giới hạn %d MiB (một báo cáo thường dưới 1 MiB); "+
			"có thể một vòng lặp in quá nhiều lần hoặc in một giá trị quá dài", MaxOutputSize>>20)}
	}
	return w.buf.Write(p)
}
