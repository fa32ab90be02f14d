package docxtpl

import (
	"fmt"

	"github.com/baocao/baocao/report/vnformat"
)

// Limits on the work a template may ask for, so that a mistaken or hostile
// template ends in seconds with a message instead of hanging or filling the
// memory. A yearly report has a few hundred tags, blocks nested a few deep,
// a few thousand loop iterations and a document part of about a megabyte; the
// work and output limits leave room for a table and a list of 100 000
// indicators each (about 100 MB of XML).
const (
	MaxTags    = 20_000 // tags in the whole template
	MaxNesting = 100    // {{if}}, {{range}} and {{with}} open at once
	// MaxWork bounds the work of all {{range}} loops in one execution: each
	// pass of a loop counts one, and one more for each command its body may
	// run (passWork), so that a short loop with a long body is bounded as a
	// long loop is. The appendix of the default template over 100 000
	// indicators does 1 900 000; an empty pass or a command costs a
	// microsecond or two.
	MaxWork       = 3_000_000
	MaxOutputSize = 192 << 20 // bytes of XML written by one execution, all parts together
)

// maxWork is MaxWork, lowered by tests of the package's loops.
var maxWork = MaxWork

// limitError is a limit reached while executing, with its message.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// iterate counts the work of one pass of a {{range}}: the rewriter puts a
// call at the start of every loop's body, with the body's passWork.
func (x *execution) iterate(work int) (string, error) {
	x.work += work
	if x.work > maxWork {
		return "", &limitError{fmt.Sprintf("các vòng lặp {{range}} đã làm quá %s bước khi điền mẫu (mỗi lượt lặp tính một bước "+
			"và thêm một bước cho mỗi lệnh trong thân vòng lặp); hãy kiểm tra giá trị được lặp ở thẻ {{range}} của đoạn này "+
			"và số lệnh trong vòng lặp", vnformat.Count(maxWork))}
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
