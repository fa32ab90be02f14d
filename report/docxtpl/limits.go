package docxtpl

import (
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

// limitedWriter is where text/template writes: a text node that starts a
// paragraph moves the location (see rewriter.locMarker).
type limitedWriter struct{ x *execution }

func (w limitedWriter) Write(p []byte) (int, error) {
	cp := w.x.cp
	if len(p) > 0 {
		if para, ok := cp.textMarks[&p[0]]; ok {
			w.x.problems.moveTo(cp.part.name, para)
		}
	}
	if err := w.x.write(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// write adds p to the output, refusing to go beyond MaxOutputSize in all
// parts together.
func (x *execution) write(p []byte) error {
	if err := x.room(len(p)); err != nil {
		return err
	}
	x.out.Write(p)
	return nil
}

func (x *execution) writeString(s string) error {
	if err := x.room(len(s)); err != nil {
		return err
	}
	x.out.WriteString(s)
	return nil
}

func (x *execution) room(n int) error {
	if x.written+x.out.Len()+n > MaxOutputSize {
		return &limitError{fmt.Sprintf("nội dung điền ra vượt giới hạn %d MiB (một báo cáo thường dưới 1 MiB); "+
			"có thể một vòng lặp in quá nhiều lần hoặc in một giá trị quá dài", MaxOutputSize>>20)}
	}
	return nil
}
