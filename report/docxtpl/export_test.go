package docxtpl

import "github.com/baocao/baocao/report/docxpkg"

// ParseTagByTag is Parse the way it goes where a template has an error,
// every tag parsed on its own: tests compare it with Parse, which takes
// the shorter way where it can.
func ParseTagByTag(data []byte, opt Options) (*Template, error) {
	pkg, err := docxpkg.Open(data)
	if err != nil {
		return nil, err
	}
	if err := validateFuncs(opt.Funcs); err != nil {
		return nil, err
	}
	return parseParts(pkg, opt, tagByTag)
}
