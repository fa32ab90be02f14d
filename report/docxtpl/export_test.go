package docxtpl

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
