package input

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"go.yaml.in/yaml/v3"
)

// validCode tells a code of capitals without accents, digits and underscores,
// starting with a capital: ^[A-Z][A-Z0-9_]*$, without a regexp's cost per
// indicator of a big catalogue.
func validCode(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

var (
	catalogueKeys = []string{"nhom", "chi_tieu", "chot_so_lieu"}
	groupKeys     = []string{"ma", "ten"}
	indicatorKeys = []string{"ma", "ten", "don_vi", "nhom", "loai", "thap_phan", "chieu", "cong_thuc", "muc_tieu", "thuoc", "nguong_bien_dong", "bat_buoc", "theo_ky"}
)

// catalogueBig are the catalogue's lists read in pieces.
var catalogueBig = map[string]yaml.Kind{"nhom": yaml.SequenceNode, "chi_tieu": yaml.SequenceNode}

// MaxIndicators bounds the indicators of a catalogue: a ministry's has about
// 100 000, and each costs the checks and the report some work and memory.
// Reading stops at the first one beyond it.
const MaxIndicators = 250_000

// ParseCatalogue reads the indicator catalogue (chi-tieu.yaml). Findings of
// severity Error mean the catalogue cannot be used.
func ParseCatalogue(file string, data []byte) (*model.Catalogue, model.Findings) {
	if cat, fs, ok := parseCatalogue(file, data, true); ok {
		return cat, fs
	}
	cat, fs, _ := parseCatalogue(file, data, false)
	return cat, fs
}

// parseCatalogue is ParseCatalogue reading in pieces or whole; ok is false
// when the pieces could not be read.
func parseCatalogue(file string, data []byte, inPieces bool) (*model.Catalogue, model.Findings, bool) {
	r := &yamlReader{file: file, findings: model.Collector{File: file}}
	var groups []model.Group
	var inds []*model.Indicator
	items, tooMany := 0, false // of chi_tieu, read so far
	window := model.Decree09
	found, ok := r.read(data, inPieces, "danh mục", catalogueKeys, catalogueBig, func(key string, _, v *yaml.Node) {
		switch key {
		case "nhom":
			groups = append(groups, r.groups(v)...)
		case "chi_tieu":
			if tooMany {
				return
			}
			if v.Kind == yaml.SequenceNode && items+len(v.Content) > MaxIndicators {
				r.add(model.Error, "too-large", v.Content[MaxIndicators-items], "chia danh mục hoặc kiểm tra xem có chọn nhầm tệp không",
					"danh mục có quá %s chỉ tiêu: đây là chỉ tiêu thứ %s, vượt giới hạn của chương trình (danh mục của một bộ, ngành khoảng 100.000 chỉ tiêu); danh mục không được đọc tiếp",
					vnformat.Count(MaxIndicators), vnformat.Count(MaxIndicators+1))
				tooMany, r.skipRest = true, true
				return
			}
			items += len(v.Content)
			inds = append(inds, r.indicators(v)...)
		case "chot_so_lieu":
			s, _ := r.scalar(v, key)
			rule, ok := model.ParseWindowRule(s)
			if !ok {
				r.add(model.Error, "bad-window", v, "", "chot_so_lieu «%s» không hợp lệ; dùng %s", s, model.WindowRuleForms)
				return
			}
			window = rule
		}
	})
	if !ok || !found || tooMany {
		return nil, r.findings.Findings(), ok
	}
	cat := model.NewCatalogue(file, groups, inds)
	r.checkCatalogue(cat)
	cat.Window = window
	return cat, r.findings.Findings(), true
}

func (r *yamlReader) groups(seq *yaml.Node) []model.Group {
	if seq.Kind != yaml.SequenceNode {
		r.add(model.Error, "yaml-syntax", seq, "", "nhom phải là một danh sách")
		return nil
	}
	var out []model.Group
	for _, item := range seq.Content {
		var g model.Group
		r.pairs(item, "nhóm", groupKeys, func(key string, _, v *yaml.Node) {
			s, _ := r.scalar(v, key)
			if key == "ma" {
				g.Code = s
			} else {
				g.Name = s
			}
		})
		if g.Code == "" {
			r.add(model.Error, "missing-value", item, "", "nhóm thiếu mã (ma)")
			continue
		}
		out = append(out, g)
	}
	return out
}

func (r *yamlReader) indicators(seq *yaml.Node) []*model.Indicator {
	if seq.Kind != yaml.SequenceNode {
		r.add(model.Error, "yaml-syntax", seq, "", "chi_tieu phải là một danh sách")
		return nil
	}
	var out []*model.Indicator
	for _, item := range seq.Content {
		ind := &model.Indicator{Kind: model.Quantity, Line: r.pos(item).Line}
		var direction, target *yaml.Node // where chieu and muc_tieu were read
		r.pairs(item, "chỉ tiêu", indicatorKeys, func(key string, _, v *yaml.Node) {
			if key == "nhom" || key == "thuoc" || key == "cong_thuc" {
				r.referencePos(ind, key, r.pos(v))
			}
			s, ok := r.scalar(v, key)
			if !ok {
				return
			}
			switch key {
			case "chieu":
				direction = v
			case "muc_tieu":
				target = v
			}
			r.indicatorField(ind, key, s, v)
		})
		if ind.Code == "" {
			r.add(model.Error, "missing-value", item, "", "chỉ tiêu thiếu mã (ma)")
			continue
		}
		r.targetDirection(ind, direction, target)
		r.own(ind)
		out = append(out, ind)
	}
	return out
}

// maxRepeated bounds the texts own shares: units, groups and kinds are few.
const maxRepeated = 1024

// own gives the indicator text of its own: what the reader gives is cut from
// the file, and a catalogue of 100 000 indicators would keep all of it. Its
// own fields share one allocation; those that repeat (unit, group, kind) are
// shared between indicators.
func (r *yamlReader) own(ind *model.Indicator) {
	fields := [...]*string{&ind.Code, &ind.Name, &ind.Formula, &ind.PartOf}
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all, at := b.String(), 0
	for _, f := range fields {
		*f, at = all[at:at+len(*f)], at+len(*f)
	}
	if r.repeated == nil {
		r.repeated = map[string]string{}
	}
	for _, f := range [...]*string{&ind.Unit, &ind.Group, (*string)(&ind.Kind)} {
		if s, ok := r.repeated[*f]; ok {
			*f = s
			continue
		}
		*f = strings.Clone(*f)
		if len(r.repeated) < maxRepeated {
			r.repeated[*f] = *f
		}
	}
}

func (r *yamlReader) indicatorField(ind *model.Indicator, key, s string, v *yaml.Node) {
	switch key {
	case "ma":
		if !validCode(s) {
			r.add(model.Error, "bad-code", v, "", "mã chỉ tiêu «%s» chỉ được gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ", s)
		}
		ind.Code = s
	case "ten":
		ind.Name = s
	case "don_vi":
		ind.Unit = s
	case "nhom":
		ind.Group = s
	case "loai":
		ind.Kind = model.Kind(s)
		if !contains([]string{string(model.Quantity), string(model.Rate), string(model.Rank)}, s) {
			r.add(model.Error, "bad-kind", v, "", "loại «%s» không hợp lệ; dùng so_luong, ty_le hoặc xep_hang", s)
		}
	case "thap_phan":
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 6 {
			r.add(model.Error, "not-a-number", v, "", "thap_phan «%s» phải là số nguyên từ 0 đến 6", s)
			return
		}
		ind.Decimals = n
	case "chieu":
		switch s {
		case "tang":
		case "giam":
			ind.LowerIsBetter = true
		case "trung_tinh":
			ind.Neutral = true
		default:
			r.add(model.Error, "bad-direction", v, "", "chieu «%s» không hợp lệ; dùng tang, giam hoặc trung_tinh", s)
		}
	case "theo_ky":
		switch s {
		case "luy_ke":
			ind.Cumulative = true
		case "thoi_diem":
			ind.Level = true
		default:
			r.add(model.Error, "bad-over-period", v, "", "theo_ky «%s» không hợp lệ; dùng luy_ke (cộng dồn trong kỳ, như doanh thu) hoặc thoi_diem (số tại thời điểm cuối kỳ, như số thuê bao)", s)
		}
	case "bat_buoc":
		required, ok := vnformat.ParseYesNo(s)
		if !ok {
			r.add(model.Error, "bad-required", v, "", "bat_buoc «%s» không hợp lệ; dùng true hoặc false", s)
			return
		}
		ind.Required = required
	case "cong_thuc":
		ind.Formula = s
	case "muc_tieu":
		t, err := model.ParseTarget(s)
		if err != nil {
			r.add(model.Error, "bad-target", v, "", "%v", err)
			return
		}
		ind.Target = t
	case "thuoc":
		ind.PartOf = s
	case "nguong_bien_dong":
		if d := r.number(v, nil, "", key); d != nil {
			if d.Sign() <= 0 {
				r.add(model.Error, "bad-threshold", v, "", "nguong_bien_dong phải lớn hơn 0")
				return
			}
			ind.ChangeLimit = d
		}
	}
}

// targetDirection applies the catalogue rule joining muc_tieu and chieu: a
// target that is an upper bound ("<= 5") says that fewer is better, so it
// implies chieu: giam when chieu is not given; otherwise the report would call
// a rate falling to its ceiling a change for the worse. A direction that
// contradicts the bound (chieu: tang with "<=", giam with ">=") is an error
// naming both lines: which of the two the clerk meant cannot be guessed.
func (r *yamlReader) targetDirection(ind *model.Indicator, direction, target *yaml.Node) {
	if ind.Target == nil || ind.Neutral {
		return
	}
	upper := ind.Target.Ceiling()
	lower := ind.Target.Op == ">" || ind.Target.Op == ">="
	if direction == nil {
		ind.LowerIsBetter = upper
		return
	}
	if upper == ind.LowerIsBetter || !upper && !lower {
		return
	}
	said, meant, bound, better := "tang", "giam", "trên", "giảm"
	if ind.LowerIsBetter {
		said, meant, bound, better = "giam", "tang", "dưới", "tăng"
	}
	line := r.pos(target).Line
	r.add(model.Error, "direction-target-conflict", direction,
		fmt.Sprintf("nếu %s mới là tốt thì ghi chieu: %s hoặc bỏ dòng chieu; nếu không thì sửa mục tiêu ở dòng %d", better, meant, line),
		"chỉ tiêu %s: chieu: %s mâu thuẫn với muc_tieu «%s» ở dòng %d: mục tiêu là giới hạn %s, tức là %s mới là tốt",
		ind.Code, said, strings.TrimSpace(target.Value), line, bound, better)
}

// checkCatalogue checks what spans entries: unique codes, known groups and references.
func (r *yamlReader) checkCatalogue(cat *model.Catalogue) {
	groups, inds := cat.Groups, cat.Indicators
	groupCodes := make([]string, len(groups))
	for i, g := range groups {
		groupCodes[i] = g.Code
	}
	var formulas map[*model.Indicator]*compute.Formula
	next := 0
	for _, ind := range inds {
		if first, _ := cat.LookupFrom(ind.Code, &next); first != ind { // the catalogue keeps the first
			r.findings.Add(model.Finding{Severity: model.Error, Code: "duplicate-indicator", Pos: cat.Pos(ind),
				Msg: fmt.Sprintf("mã chỉ tiêu «%s» đã khai báo ở dòng %d", ind.Code, first.Line)})
		}
	}
	for _, ind := range inds {
		if ind.Group != "" && len(groups) > 0 && !contains(groupCodes, ind.Group) {
			r.findings.Add(model.Finding{Severity: model.Error, Code: "unknown-group", Pos: r.posOf(ind, "nhom"),
				Msg: fmt.Sprintf("chỉ tiêu %s: không có nhóm «%s»", ind.Code, ind.Group)})
		}
		if ind.PartOf != "" {
			if _, ok := cat.Lookup(ind.PartOf); !ok {
				r.findings.Add(model.Finding{Severity: model.Error, Code: "unknown-indicator", Pos: r.posOf(ind, "thuoc"),
					Msg: fmt.Sprintf("chỉ tiêu %s thuộc chỉ tiêu tổng: %s", ind.Code, cat.UnknownCode(ind.PartOf))})
			}
		}
		if ind.Formula != "" {
			if f := r.checkFormula(cat, ind); f != nil {
				if formulas == nil {
					formulas = map[*model.Indicator]*compute.Formula{}
				}
				formulas[ind] = f
			}
		}
	}
	r.checkPartOfCycles(cat, inds)
	r.checkFormulaChains(cat, formulas)
}

// checkFormulaChains refuses an indicator computed through more than
// compute.MaxFormulaChain formulas, one reading the next: no real catalogue
// comes near, and the evaluation of each level costs stack and time. The
// chain is reported once, at the indicator where it passes the limit. Depths
// are worked out once per indicator, without recursion, so that a chain of
// 200 000 formulas costs no more than 200 000 indicators.
func (r *yamlReader) checkFormulaChains(cat *model.Catalogue, formulas map[*model.Indicator]*compute.Formula) {
	const visiting = -1
	depth := make(map[*model.Indicator]int, len(formulas)) // formulas evaluated to reach the value
	type frame struct {
		ind  *model.Indicator
		next int // the next input to visit
	}
	for _, start := range cat.Indicators {
		if _, done := depth[start]; done || formulas[start] == nil {
			continue
		}
		stack := []frame{{ind: start}}
		depth[start] = visiting
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			inputs := formulas[top.ind].Inputs
			if top.next < len(inputs) {
				in, _ := cat.Lookup(inputs[top.next])
				top.next++
				if in != nil && formulas[in] != nil {
					if _, seen := depth[in]; !seen {
						depth[in] = visiting
						stack = append(stack, frame{ind: in})
					}
				}
				continue
			}
			d := 1
			for _, code := range inputs {
				if in, _ := cat.Lookup(code); in != nil && depth[in] > 0 { // a cycle (visiting) is reported by validate
					d = max(d, depth[in]+1)
				}
			}
			depth[top.ind] = d
			stack = stack[:len(stack)-1]
			if d == compute.MaxFormulaChain+1 {
				r.findings.Add(model.Finding{Severity: model.Error, Code: "formula-chain-too-long", Pos: r.posOf(top.ind, "cong_thuc"),
					Msg: fmt.Sprintf("chỉ tiêu %s được tính qua %d công thức lồng nhau (công thức này đọc chỉ tiêu tính bằng công thức khác, và cứ thế), vượt giới hạn %d",
						top.ind.Code, d, compute.MaxFormulaChain),
					Fix: "ghi thẳng công thức theo các chỉ tiêu nhập số, không qua chuỗi chỉ tiêu trung gian dài như vậy"})
			}
		}
	}
}

// checkPartOfCycles refuses a chain of thuoc that comes back to where it
// started (A in B, B in C, C in A): no indicator of it can be the total.
// Each cycle is reported once, at its first indicator in the file.
func (r *yamlReader) checkPartOfCycles(cat *model.Catalogue, inds []*model.Indicator) {
	done := map[string]bool{}
	for _, start := range inds {
		if start.PartOf == "" { // a whole of no other: on no cycle
			continue
		}
		var chain []string
		onChain := map[string]int{}
		for ind := start; ind != nil && !done[ind.Code]; {
			if i, seen := onChain[ind.Code]; seen {
				cycle := append(chain[i:], ind.Code)
				r.findings.Add(model.Finding{Severity: model.Error, Code: "part-of-cycle", Pos: r.posOf(ind, "thuoc"),
					Msg: "các chỉ tiêu thuộc nhau thành vòng khép kín: " + strings.Join(cycle, " thuộc ") + "; không chỉ tiêu nào là tổng",
					Fix: "sửa thuoc của một chỉ tiêu trong vòng"})
				break
			}
			onChain[ind.Code] = len(chain)
			chain = append(chain, ind.Code)
			if ind.PartOf == "" {
				break
			}
			ind, _ = cat.Lookup(ind.PartOf)
		}
		for _, code := range chain {
			done[code] = true
		}
	}
}

// checkFormula checks the indicator's formula; it returns it parsed, or nil when it cannot be read.
func (r *yamlReader) checkFormula(cat *model.Catalogue, ind *model.Indicator) *compute.Formula {
	f, err := compute.ParseFormula(ind.Formula)
	if err != nil {
		r.findings.Add(model.Finding{Severity: model.Error, Code: "bad-formula", Pos: r.posOf(ind, "cong_thuc"),
			Msg: fmt.Sprintf("chỉ tiêu %s: %v", ind.Code, err)})
		return nil
	}
	for _, in := range f.Inputs {
		if _, ok := cat.Lookup(in); !ok {
			r.findings.Add(model.Finding{Severity: model.Error, Code: "unknown-indicator", Pos: r.posOf(ind, "cong_thuc"),
				Msg: fmt.Sprintf("công thức của chỉ tiêu %s: %s", ind.Code, cat.UnknownCode(in))})
		}
	}
	return f
}

// referencePos remembers where a field naming other entries was read, for the
// checks across entries; only while the catalogue is read.
func (r *yamlReader) referencePos(ind *model.Indicator, key string, p model.Pos) {
	if p == ind.PosIn(r.file) { // on the indicator's line, as in "- {ma: …, thuoc: …}"
		return
	}
	if r.refs == nil {
		r.refs = map[refKey]model.Pos{}
	}
	r.refs[refKey{ind, key}] = p
}

// posOf gives where a field of the indicator was read, or the indicator's place.
func (r *yamlReader) posOf(ind *model.Indicator, key string) model.Pos {
	if p, ok := r.refs[refKey{ind, key}]; ok {
		return p
	}
	return ind.PosIn(r.file)
}

type refKey struct {
	ind *model.Indicator
	key string
}
