package input

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/suggest"
	"github.com/baocao/baocao/report/vnformat"
	"go.yaml.in/yaml/v3"
)

var (
	figuresKeys   = []string{"ky", "nam", "thong_tin", "chi_tieu", "xep_hang", "noi_dung"}
	entryKeys     = []string{"thuc_hien", "uoc", "ke_hoach", "cung_ky", "uoc_ca_nam", "ghi_chu"}
	narrativeKeys = []string{"phan", "muc", "y"}
	rankingKeys   = []string{"thu_hang", "tong_so"}
)

// figuresBig are the collections of a period's file read in pieces.
var figuresBig = map[string]yaml.Kind{"chi_tieu": yaml.MappingNode, "xep_hang": yaml.MappingNode, "noi_dung": yaml.SequenceNode}

// ParseFigures reads one period's input in YAML. want, when not the zero
// Period, is the period the file name promises; cat resolves indicator codes.
func ParseFigures(file string, data []byte, want model.Period, cat *model.Catalogue) (*model.Figures, model.Findings) {
	if y, fs, ok := parseFigures(file, data, want, cat, true); ok {
		return y, fs
	}
	y, fs, _ := parseFigures(file, data, want, cat, false)
	return y, fs
}

// parseFigures is ParseFigures reading in pieces or whole; ok is false when
// the pieces could not be read.
func parseFigures(file string, data []byte, want model.Period, cat *model.Catalogue, inPieces bool) (*model.Figures, model.Findings, bool) {
	r := &yamlReader{file: file, findings: model.Collector{File: file}}
	y := &model.Figures{Period: want, Source: file, Header: model.Header{FieldPos: map[string]model.Pos{}}}
	_, ok := r.read(data, inPieces, "tệp số liệu", figuresKeys, figuresBig, func(key string, k, v *yaml.Node) {
		switch key {
		case "ky", "nam":
			s, _ := r.scalar(v, key)
			if key == "nam" && want.Kind != 0 && s == strconv.Itoa(want.Year) {
				return // the year of a shorter period's file: "nam: 2022" in 2022-6T.yaml
			}
			p, problem := model.StatedPeriod(s, want)
			if problem != nil {
				r.add(problem.Severity, problem.Code, v, problem.Fix, "%s", problem.Msg)
				return
			}
			y.Period = p
		case "thong_tin":
			r.header(v, &y.Header)
		case "chi_tieu":
			r.entries(v, y, cat)
		case "xep_hang":
			r.rankings(v, y, cat)
		case "noi_dung":
			r.narrative(v, y)
		}
	})
	return y, r.findings.Findings(), ok
}

func (r *yamlReader) header(m *yaml.Node, h *model.Header) {
	r.pairs(m, "thong_tin", model.HeaderKeys, func(key string, _, v *yaml.Node) {
		h.FieldPos[key] = r.pos(v)
		switch key {
		case "kinh_gui":
			h.Recipients = r.strings(v, key)
			return
		case "noi_nhan":
			h.Distribution = r.strings(v, key)
			return
		}
		s, ok := r.scalar(v, key)
		if !ok {
			return
		}
		if key != "ngay" {
			h.Set(key, s)
			return
		}
		if s == "" {
			return
		}
		d, err := model.ParseDate(s)
		if err != nil {
			r.add(model.Error, "bad-date", v, "", "%s: %v", key, err)
			return
		}
		h.Date = d

	})
}

func (r *yamlReader) entries(m *yaml.Node, y *model.Figures, cat *model.Catalogue) {
	r.pairs(m, "chi_tieu", nil, func(code string, k, v *yaml.Node) {
		ind, ok := cat.LookupFrom(code, &r.next)
		if !ok {
			r.unknownCode(cat, code, k)
			return
		}
		if ind.Kind == model.Rank {
			// Whatever its value, "11" or "11/63": the section is what is wrong.
			r.add(model.Error, "not-a-ranking", k, fmt.Sprintf("chuyển sang phần xep_hang, ví dụ %s: 11/63", ind.Code),
				"chỉ tiêu %s (%s) là thứ hạng; ghi trong phần xếp hạng (thứ hạng/tổng số), không ghi cùng các chỉ tiêu số lượng", ind.Code, ind.Name)
			return
		}
		// The catalogue's string, the same: the file's text may then go.
		e := r.blocks.New()
		*e = model.Entry{Code: ind.Code, Pos: r.pos(k)}
		e.SetActualPos(r.pos(v))
		if v.Kind == yaml.ScalarNode {
			e.Actual = r.number(v, ind, code, "")
		} else {
			r.pairs(v, "chỉ tiêu "+code, entryKeys, func(key string, _, fv *yaml.Node) {
				switch key {
				case "thuc_hien":
					e.Actual = r.number(fv, ind, code, key)
					e.SetActualPos(r.pos(fv))
				case "uoc":
					e.Estimate = r.boolean(fv, field(code, key))
				case "ke_hoach":
					e.Plan = r.number(fv, ind, code, key)
					e.SetPlanPos(r.pos(fv))
				case "cung_ky":
					e.SamePeriod = r.number(fv, ind, code, key)
					e.SetSamePeriodPos(r.pos(fv))
				case "uoc_ca_nam":
					e.YearEstimate = r.number(fv, ind, code, key)
					e.SetYearEstimatePos(r.pos(fv))
				case "ghi_chu":
					e.Note, _ = r.scalar(fv, field(code, key))
				}
			})
		}
		y.Entries = append(y.Entries, e)
	})
}

func (r *yamlReader) rankings(m *yaml.Node, y *model.Figures, cat *model.Catalogue) {
	r.pairs(m, "xep_hang", nil, func(code string, k, v *yaml.Node) {
		ind, ok := cat.Lookup(code)
		if !ok {
			r.unknownCode(cat, code, k)
			return
		}
		if ind.Kind != model.Rank {
			r.add(model.Error, "not-a-ranking", k, "", "chỉ tiêu %s không phải loại xep_hang; ghi nó trong chi_tieu", code)
			return
		}
		rk := &model.Ranking{Code: code, Name: ind.Name, Pos: r.pos(v)}
		var err error
		if v.Kind == yaml.ScalarNode {
			rk.Rank, rk.Of, err = model.ParseRanking(text(v.Value))
		} else {
			var rank, of string
			r.pairs(v, "xếp hạng "+code, rankingKeys, func(key string, _, fv *yaml.Node) {
				s, _ := r.scalar(fv, key)
				if key == "thu_hang" {
					rank = s
				} else {
					of = s
				}
			})
			switch {
			case rank == "":
				err = fmt.Errorf("thiếu thu_hang (thứ hạng)")
			case of == "":
				err = fmt.Errorf("thiếu tong_so (tổng số được xếp hạng, ví dụ 63)")
			default:
				if rk.Rank, rk.Of, err = model.ParseRanking(rank + "/" + of); err != nil {
					// Say what was typed in each field, not the joined text.
					err = fmt.Errorf("thu_hang «%s», tong_so «%s»: cần hai số nguyên, thứ hạng từ 1 đến tổng số", rank, of)
				}
			}
		}
		if err != nil {
			r.add(model.Error, "bad-ranking", v, "", "%s: %v", code, err)
			return
		}
		y.Rankings = append(y.Rankings, rk)
	})
}

// suggestedUnknown is how many unknown codes get a "có phải ý là" suggestion,
// which compares with every code of the catalogue; no one reads past the
// first ones of a file full of them (validate prints 20).
const suggestedUnknown = 100

func (r *yamlReader) unknownCode(cat *model.Catalogue, code string, k *yaml.Node) {
	r.add(model.Error, "unknown-indicator", k, model.UnknownCodeFix, "%s", model.LazyText(func() string {
		if r.unknown++; r.unknown <= suggestedUnknown {
			return cat.UnknownCode(code)
		}
		return fmt.Sprintf("không có chỉ tiêu mã «%s» trong danh mục", code)
	}))
}

func (r *yamlReader) narrative(seq *yaml.Node, y *model.Figures) {
	if seq.Kind != yaml.SequenceNode {
		r.add(model.Error, "yaml-syntax", seq, "", "noi_dung phải là một danh sách")
		return
	}
	if r.narrativeRead < 0 {
		return
	}
	for _, sec := range seq.Content {
		var part, heading string
		var items []*yaml.Node
		r.pairs(sec, "noi_dung", narrativeKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "phan":
				part, _ = r.scalar(v, key)
			case "muc":
				heading, _ = r.scalar(v, key)
			case "y":
				if v.Kind == yaml.SequenceNode {
					items = v.Content
				} else {
					items = []*yaml.Node{v}
				}
			}
		})
		if r.narrativeRead+1+len(items) > model.MaxNarrative {
			beyond := sec
			if i := model.MaxNarrative - r.narrativeRead - 1; i >= 0 {
				beyond = items[i]
			}
			r.add(model.Error, "too-large", beyond, "kiểm tra lại tệp: có thể đã chọn nhầm tệp, hoặc một phần nội dung bị lặp lại quá nhiều",
				"phần nội dung (noi_dung) có quá %s mục và ý, giới hạn của chương trình (một báo cáo chỉ có vài trăm); phần này không được đọc tiếp",
				vnformat.Count(model.MaxNarrative))
			r.narrativeRead, r.skipRest = -1, true
			return
		}
		r.narrativeRead += 1 + len(items)
		if !contains(model.NarrativeParts, part) {
			fix := ""
			if near := suggest.Nearest(part, model.NarrativeParts); near != "" {
				fix = fmt.Sprintf("có phải ý là «%s»?", near)
			}
			r.add(model.Error, "unknown-part", sec, fix, "phần «%s» không có; dùng một trong: %s", part, strings.Join(model.NarrativeParts, ", "))
			continue
		}
		y.Narrative = slices.Grow(y.Narrative, len(items))
		for _, it := range items {
			if s, ok := r.scalar(it, "ý"); ok && s != "" {
				y.Narrative = append(y.Narrative, model.NarrativeItem{Part: part, Heading: heading, Text: s, Pos: r.pos(it)})
			}
		}
	}
}
