package input

import (
	"bytes"
	"fmt"
	"io"
	"slices"
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
	findings model.Collector
	refs     map[refKey]model.Pos // catalogue fields that name other entries
	unknown  int                  // unknown indicator codes met
	blocks   model.EntryBlocks    // where the entries are made
	next     int                  // the catalogue's indicator after the last entry read
	repeated map[string]string    // the catalogue's texts that repeat, each kept once (see own)

	// While a file is read in pieces (pieces.go): the lines before the piece
	// being read, its root, and the keys met in the earlier pieces of the
	// collection it is part of.
	offset    int
	piece     *yaml.Node
	pieceKeys *keySet
	// skipRest, set by a reader of pieces, stops reading the collection it
	// is in: what follows is refused unread (too-large).
	skipRest bool
	// narrative counts the sections and items of noi_dung read so far, up to
	// MaxNarrative; past it, -1.
	narrativeRead int
}

// keySet holds the keys met in a mapping: in an array while they are few,
// as in every entry, so that reading one allocates nothing.
type keySet struct {
	few  [8]string
	n    int
	many map[string]bool
}

// add adds key and reports whether it was new.
func (s *keySet) add(key string) bool {
	if s.many == nil {
		if slices.Contains(s.few[:s.n], key) {
			return false
		}
		if s.n < len(s.few) {
			s.few[s.n] = key
			s.n++
			return true
		}
		s.many = make(map[string]bool, 4*len(s.few))
		for _, k := range s.few {
			s.many[k] = true
		}
	}
	if s.many[key] {
		return false
	}
	s.many[key] = true
	return true
}

func (r *yamlReader) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: r.file, Line: n.Line + r.offset}
}

// read reads a file's top-level mapping, calling fn for each key as pairs
// does: in pieces when asked and the file allows it (see readPieces), else
// whole. ok is false when the pieces could not be read: nothing read counts
// then and the file is to be read again whole. found is false when the file
// has no top-level mapping (the findings say why).
func (r *yamlReader) read(data []byte, inPieces bool, where string, known []string, big map[string]yaml.Kind, fn func(key string, k, v *yaml.Node)) (found, ok bool) {
	if inPieces {
		return true, r.readPieces(data, where, known, big, fn)
	}
	root := r.document(data)
	if root == nil {
		return false, true
	}
	r.pairs(root, where, known, fn)
	return true, true
}

func (r *yamlReader) add(sev model.Severity, code string, n *yaml.Node, fix, format string, args ...any) {
	r.findings.Addf(sev, code, r.pos(n), fix, format, args...)
}

// document parses data and returns its top-level mapping, or nil after a finding.
func (r *yamlReader) document(data []byte) *yaml.Node {
	if line, over := tooManyNodes(data); over {
		r.findings.Add(model.Finding{Severity: model.Error, Code: "too-large", Pos: model.Pos{File: r.file, Line: line},
			Msg: fmt.Sprintf("tệp có quá nhiều giá trị: đến dòng này đã hơn %s, giới hạn của chương trình; tệp thật chỉ có vài trăm giá trị (một bộ, ngành 100.000 chỉ tiêu: khoảng 500.000)",
				vnformat.Count(MaxYAMLNodes)),
			Fix: "kiểm tra lại tệp: có thể đã chọn nhầm tệp, hoặc một danh sách […] hay bảng {…} bị lặp lại quá nhiều"})
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		r.syntaxError(err)
		return nil
	}
	if len(doc.Content) == 0 {
		r.findings.Add(model.Finding{Severity: model.Error, Code: "empty-file", Pos: model.Pos{File: r.file}, Msg: "tệp rỗng"})
		return nil
	}
	// A second document ("---") would be silently ignored: its figures lost.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF || emptyDocument(&next):
	case err != nil:
		r.syntaxError(err)
		return nil
	default:
		r.findings.Add(model.Finding{Severity: model.Error, Code: "yaml-syntax", Pos: model.Pos{File: r.file, Line: next.Line},
			Msg: "tệp có hơn một phần ngăn bởi dòng «---»; chương trình chỉ đọc một phần", Fix: "gộp các phần làm một và bỏ dòng «---» ở giữa"})
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.add(model.Error, "yaml-syntax", root, "", "tệp phải là một bảng khóa: giá trị (mỗi dòng «khóa: giá trị»), không phải %s", kindName(root))
		return nil
	}
	return root
}

// emptyDocument tells a document with nothing in it, as after a last "---".
func emptyDocument(doc *yaml.Node) bool {
	return len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null"
}

func (r *yamlReader) syntaxError(err error) {
	line, msg := yamlError(err)
	r.findings.Add(model.Finding{Severity: model.Error, Code: "yaml-syntax", Pos: model.Pos{File: r.file, Line: line},
		Msg: "không đọc được YAML: " + msg})
}

// yamlMessages words the YAML parser's errors in Vietnamese, by the start of
// the parser's message.
var yamlMessages = []struct{ prefix, msg string }{
	{"found character that cannot start any token", "có ký tự không được đứng đầu một giá trị (thường là phím Tab dùng để thụt lề, hoặc @, ` ở đầu giá trị: hãy đặt giá trị trong ngoặc kép)"},
	{"found a tab character", "có ký tự Tab dùng để thụt lề; YAML chỉ thụt lề bằng dấu cách"},
	{"exceeded max depth", "các mục lồng nhau quá sâu"},
	{"invalid leading UTF-8 octet", "tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã khác, hoặc không phải tệp văn bản); hãy lưu lại với bảng mã UTF-8"},
	{"invalid trailing UTF-8 octet", "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8"},
	{"incomplete UTF-8 octet sequence", "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8"},
	{"invalid Unicode character", "tệp có ký tự không hợp lệ; hãy lưu lại với bảng mã UTF-8"},
	{"control characters are not allowed", "tệp có ký tự điều khiển không in được (có thể không phải tệp văn bản)"},
	{"mapping values are not allowed in this context", "dấu hai chấm «:» đặt sai chỗ: thụt lề sai, hoặc một giá trị có dấu «: » cần đặt trong ngoặc kép"},
	{"could not find expected ':'", "thiếu dấu hai chấm «:» sau khóa"},
	{"did not find expected key", "thụt lề sai hoặc thiếu khóa trước giá trị"},
	{"did not find expected node content", "thiếu giá trị"},
	{"did not find expected ',' or ']'", "danh sách [ … ] chưa đóng, hoặc thiếu dấu phẩy giữa các phần tử"},
	{"did not find expected ',' or '}'", "bảng { … } chưa đóng, hoặc thiếu dấu phẩy giữa các mục"},
	{"did not find expected '-' indicator", "thụt lề sai trong danh sách (các dòng «- » phải thẳng hàng)"},
	{"block sequence entries are not allowed in this context", "dấu «-» đầu dòng đặt sai chỗ (thụt lề sai)"},
	{"found unexpected end of stream", "tệp kết thúc khi ngoặc kép, ngoặc vuông hoặc ngoặc nhọn còn chưa đóng"},
	{"found unexpected ':'", "dấu hai chấm «:» đặt sai chỗ"},
	{"found unknown escape character", "chuỗi trong ngoặc kép có ký tự «\\» không hợp lệ; dùng ngoặc đơn hoặc viết «\\\\»"},
	{"found undefined alias", "tham chiếu «*…» tới một mục chưa đặt tên"},
	{"unknown anchor", "tham chiếu «*…» tới một mục chưa đặt tên"},
	{"document contains excessive aliasing", "tệp có quá nhiều tham chiếu «*…» lồng nhau"},
	{"anchor", "tham chiếu «*…» không hợp lệ"},
	{"found duplicate", "có khóa trùng nhau"},
}

// yamlError gives the line and a Vietnamese message of a parse error.
func yamlError(err error) (int, string) {
	// yaml errors read "yaml: line 12: …" (or "yaml: …" without a line)
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if j := strings.IndexByte(rest, ':'); j > 0 {
			if n, err := strconv.Atoi(rest[:j]); err == nil {
				line, msg = n, strings.TrimSpace(rest[j+1:])
			}
		}
	}
	for _, m := range yamlMessages {
		if strings.HasPrefix(msg, m.prefix) || strings.Contains(msg, m.prefix) {
			return line, m.msg
		}
	}
	return line, "cú pháp YAML sai (" + msg + ")"
}

// empty tells a key written without a value ("chi_tieu:" and nothing under it).
func empty(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.MappingNode:
		return "một bảng khóa: giá trị"
	case yaml.AliasNode: // "*ten", naming a part written elsewhere as "&ten"
		if n.Alias != nil && n.Alias.Kind != yaml.AliasNode {
			return fmt.Sprintf("một tham chiếu «*%s» tới %s", n.Value, kindName(n.Alias))
		}
		return fmt.Sprintf("một tham chiếu «*%s»", n.Value)
	default:
		return "một giá trị đơn"
	}
}

// pairs calls fn for each key of a mapping, reporting keys outside known.
func (r *yamlReader) pairs(m *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	if m.Kind != yaml.MappingNode {
		if empty(m) {
			r.add(model.Error, "yaml-syntax", m, "ghi các dòng «khóa: giá trị» bên dưới, thụt vào, hoặc bỏ hẳn dòng này", "%s để trống, không có khóa nào", where)
			return
		}
		r.add(model.Error, "yaml-syntax", m, "", "%s phải là một bảng khóa: giá trị, không phải %s", where, kindName(m))
		return
	}
	seen := &keySet{}
	if m == r.piece { // keys of the earlier pieces count
		seen = r.pieceKeys
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode { // "? [a, b]": the key must be a code or a name
			r.add(model.Error, "yaml-syntax", k, "", "%s: khóa phải là một mã hay một tên viết liền, không phải %s", where, kindName(k))
			continue
		}
		if i > 0 && m.Style&yaml.FlowStyle != 0 && r.commaSplit(where, m.Content[i-2], m.Content[i-1], k, v) {
			continue
		}
		if r.pair(seen, where, known, k) {
			fn(text(k.Value), k, v)
		}
	}
}

// commaSplit reports a decimal comma that cut a number in two inside {…},
// where a comma separates the pairs: "{thuc_hien: 130,5, uoc: true}" reads as
// thuc_hien 130 and a key «5» without a value. It tells whether k is such a
// key; the value before it is then wrong, which is an error at its line.
func (r *yamlReader) commaSplit(where string, prevKey, prev, k, v *yaml.Node) bool {
	if !splitPart(k, v) || prev.Kind != yaml.ScalarNode || prev.Style != 0 || prev.Line != k.Line {
		return false
	}
	if splitPart(prevKey, prev) { // "1,2,3": the first part told already
		return true
	}
	if !allDigits(strings.ReplaceAll(prev.Value, ".", "")) {
		return false
	}
	written := prev.Value + "," + k.Value
	r.add(model.Error, "not-a-number", k, fmt.Sprintf(`viết %s: "%s" trong ngoặc kép, hoặc viết mỗi khóa trên một dòng thay vì trong {…}`, text(prevKey.Value), written),
		"%s: số %s «%s» bị dấu phẩy tách làm hai: trong {…} dấu phẩy ngăn cách các khóa, nên chỉ đọc được «%s», còn «%s» thành một khóa",
		where, text(prevKey.Value), written, prev.Value, k.Value)
	return true
}

// splitPart tells a key of digits written without a value, as what follows
// a decimal comma inside {…} is read.
func splitPart(k, v *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Style == 0 && allDigits(k.Value) && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pair reports a key met before or outside known; it tells whether the key is to be read.
func (r *yamlReader) pair(seen *keySet, where string, known []string, k *yaml.Node) bool {
	key := text(k.Value)
	if !seen.add(key) {
		r.add(model.Error, "duplicate-key", k, "", "%s: khóa «%s» xuất hiện hai lần", where, key)
		return false
	}
	if known != nil && !contains(known, key) {
		fix := ""
		if near := suggest.Nearest(key, known); near != "" {
			fix = fmt.Sprintf("có phải ý là «%s»?", near)
		}
		r.add(model.Warning, "unknown-field", k, fix, "%s: khóa «%s» không được dùng, bỏ qua", where, key)
		return false
	}
	return true
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

// number reads a Vietnamese-style number; an empty value is nil without a
// finding. Messages name it field(code, key), joined only for a message: a
// big file has a few numbers a line. ind, when the number is a figure of an
// indicator, says whether a "%" fits it (Indicator.MisplacedPercent).
func (r *yamlReader) number(n *yaml.Node, ind *model.Indicator, code, key string) *decimal.Decimal {
	if n.Kind != yaml.ScalarNode {
		r.scalar(n, field(code, key)) // says why
		return nil
	}
	s := text(n.Value)
	if s == "" || n.Tag == "!!null" {
		return nil
	}
	v, note, err := vnformat.ParseNumber(s)
	if err != nil {
		fix := ""
		if pe, ok := err.(*vnformat.ParseError); ok {
			fix = pe.Suggestion
			err = fmt.Errorf("%s", pe.Reason)
		}
		r.add(model.Error, "not-a-number", n, fix, "%s: «%s» không phải là số: %v", field(code, key), s, err)
		return nil
	}
	if ind != nil && ind.Kind == model.Rate && strings.ContainsRune(s, '.') {
		// A dot can only group thousands, making a rate of 1 000 or more: the
		// decimal point of "12.345" typed the English way. Said here, where
		// the text is known; the value is not used.
		fix := "tỷ lệ ghi theo phần trăm, từ 0 đến 100, dấu phẩy thập phân, ví dụ 11,5"
		if strings.Count(s, ".") == 1 && !strings.ContainsRune(s, ',') {
			fix = fmt.Sprintf("có phải ý là «%s»?", strings.Replace(s, ".", ",", 1))
		}
		r.add(model.Error, "rate-out-of-range", n, fix, "%s: %s, ngoài khoảng 0–100%% của một tỷ lệ", field(code, key), note.Message())
		return nil
	}
	if note.Percent && ind != nil {
		if f := ind.MisplacedPercent(s, v); f != nil {
			r.add(f.Severity, f.Code, n, f.Fix, "%s: %s", field(code, key), f.Msg)
		}
	}
	return &v
}

// field names a value in messages: "C01.thuc_hien", or the code or key alone.
func field(code, key string) string {
	switch {
	case code == "":
		return key
	case key == "":
		return code
	}
	return code + "." + key
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
