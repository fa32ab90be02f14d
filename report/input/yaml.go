package input

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/suggest"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// yamlReader walks a parsed YAML document, collecting findings with their lines.
type yamlReader struct {
	file     string
	findings model.Findings
	refs     map[refKey]model.Pos // catalogue fields that name other entries
}

func (r *yamlReader) pos(n *yaml.Node) model.Pos { return model.Pos{File: r.file, Line: n.Line} }

func (r *yamlReader) add(sev model.Severity, code string, n *yaml.Node, fix, format string, args ...any) {
	r.findings = append(r.findings, model.Finding{Severity: sev, Code: code, Pos: r.pos(n), Msg: fmt.Sprintf(format, args...), Fix: fix})
}

// document parses data and returns its top-level mapping, or nil after a finding.
func (r *yamlReader) document(data []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		r.findings = append(r.findings, model.Finding{Severity: model.Error, Code: "yaml-syntax", Pos: model.Pos{File: r.file, Line: yamlErrorLine(err)},
			Msg: "không đọc được YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")})
		return nil
	}
	if len(doc.Content) == 0 {
		r.findings = append(r.findings, model.Finding{Severity: model.Error, Code: "empty-file", Pos: model.Pos{File: r.file}, Msg: "tệp rỗng"})
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.add(model.Error, "yaml-syntax", root, "", "tệp phải là một bảng khóa: giá trị (mapping), không phải %s", kindName(root))
		return nil
	}
	return root
}

func yamlErrorLine(err error) int {
	// yaml errors read "yaml: line 12: …"
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		if j := strings.IndexByte(rest, ':'); j > 0 {
			if n, err := strconv.Atoi(rest[:j]); err == nil {
				return n
			}
		}
	}
	return 0
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.MappingNode:
		return "một bảng khóa: giá trị"
	default:
		return "một giá trị đơn"
	}
}

// pairs calls fn for each key of a mapping, reporting keys outside known.
func (r *yamlReader) pairs(m *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	if m.Kind != yaml.MappingNode {
		r.add(model.Error, "yaml-syntax", m, "", "%s phải là một bảng khóa: giá trị, không phải %s", where, kindName(m))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := text(k.Value)
		if seen[key] {
			r.add(model.Error, "duplicate-key", k, "", "%s: khóa «%s» xuất hiện hai lần", where, key)
			continue
		}
		seen[key] = true
		if known != nil && !contains(known, key) {
			fix := ""
			if near := suggest.Nearest(key, known); near != "" {
				fix = fmt.Sprintf("có phải ý là «%s»?", near)
			}
			r.add(model.Warning, "unknown-field", k, fix, "%s: khóa «%s» không được dùng, bỏ qua", where, key)
			continue
		}
		fn(key, k, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text normalises text as read: NFC (pasted text is often decomposed) and trimmed,
// with non-breaking spaces made ordinary.
func text(s string) string { return vnformat.CleanText(s) }

// scalar returns the text of a scalar node, or reports it.
func (r *yamlReader) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		r.add(model.Error, "yaml-syntax", n, "", "%s phải là một giá trị đơn, không phải %s", what, kindName(n))
		return "", false
	}
	return text(n.Value), true
}

// number reads a Vietnamese-style number; an empty value is nil without a finding.
func (r *yamlReader) number(n *yaml.Node, what string) *decimal.Decimal {
	s, ok := r.scalar(n, what)
	if !ok || s == "" || n.Tag == "!!null" {
		return nil
	}
	v, _, err := vnformat.ParseNumber(s)
	if err != nil {
		fix := ""
		if pe, ok := err.(*vnformat.ParseError); ok {
			fix = pe.Suggestion
			err = fmt.Errorf("%s", pe.Reason)
		}
		r.add(model.Error, "not-a-number", n, fix, "%s: «%s» không phải là số: %v", what, s, err)
		return nil
	}
	return &v
}

func (r *yamlReader) boolean(n *yaml.Node, what string) bool {
	s, ok := r.scalar(n, what)
	if !ok {
		return false
	}
	if v, ok := vnformat.ParseYesNo(s); ok {
		return v
	}
	r.add(model.Error, "not-a-flag", n, "ghi có hoặc không (true hoặc false)", "%s: «%s» không phải là có/không", what, s)
	return false
}

func (r *yamlReader) strings(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode {
		if s := text(n.Value); s != "" {
			return []string{s}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.add(model.Error, "yaml-syntax", n, "", "%s phải là một danh sách", what)
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s, ok := r.scalar(item, what); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}
