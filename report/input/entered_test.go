package input

import (
	"io/fs"
	"os"
	"sync"
	"testing"

	"github.com/baocao/baocao/report/internal/periodtest"
)

// countingFS counts the opening of each file.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// Stat does not count: checking a file before reading it is not reading it.
func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

// Reading every period of a workspace as its report does reads each file a
// bounded number of times (its own read, and once shared for the others'
// derivations and plans), not once for every other period of its year; and
// the figures are those read one at a time.
func TestEachInputReadOnceForTheOthers(t *testing.T) {
	dir := periodtest.Write(t, t.TempDir())
	counting := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}}
	ws := &Workspace{Dir: dir, FS: counting}
	fresh, _ := Open(dir)
	cat, _, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	periods, err := ws.Periods()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range periods {
		got, gotFs, err := ws.FiguresWithYear(p, cat)
		if err != nil {
			t.Fatal(err)
		}
		want, wantFs, err := fresh.FiguresWithYear(p, cat)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Entries) != len(want.Entries) || len(gotFs) != len(wantFs) || (got.WholeYear == nil) != (want.WholeYear == nil) {
			t.Errorf("%s: %d entries, %d findings; read alone: %d, %d", p.Code(), len(got.Entries), len(gotFs), len(want.Entries), len(wantFs))
		}
	}
	for _, code := range periodtest.Periods {
		if n := counting.opened[code+".yaml"]; n > 2 {
			t.Errorf("%s.yaml opened %d times", code, n)
		}
	}
}
