package docxtpl

import "testing"

// LowerMaxWork bounds the work of loops at n for the rest of t, so that tests
// of the bound run a little of it.
func LowerMaxWork(t *testing.T, n int) {
	saved := maxWork
	maxWork = n
	t.Cleanup(func() { maxWork = saved })
}

// ParseTagByTag is Parse the way it goes where a template has an error,
// every tag parsed on its own: tests compare it with Parse, which takes
// the shorter way where it can.
func ParseTagByTag(data []byte, opt Options) (*Template, error) {
	pkg, err := open(data, opt)
	if err != nil {
		return nil, err
	}
	return parseParts(pkg, opt, tagByTag)
}
