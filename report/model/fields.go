package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HeaderKeys are the header facts by their input key, in the order of the document.
var HeaderKeys = []string{"co_quan_chu_quan", "co_quan", "so", "ky_hieu", "dia_danh", "ngay", "kinh_gui", "can_cu", "tham_quyen", "chuc_vu", "nguoi_ky", "noi_nhan"}

// ListHeaderKeys are the header facts that hold a list.
var ListHeaderKeys = []string{"kinh_gui", "noi_nhan"}

// MaxNarrative bounds the narrative of one input, all kept for the report:
// the sections and items (ý) of a YAML file's noi_dung, the rows of a
// workbook's «Nội dung» sheet. A report has a few hundred, the scale target
// 100 000. Reading stops at the first one beyond it.
const MaxNarrative = 200_000

// NarrativeParts are the parts of the report that take prose items.
var NarrativeParts = []string{"noi_bat", "ket_qua", "qlnn", "thanh_tra", "khieu_nai", "ton_tai", "nguyen_nhan", "de_xuat", "nhiem_vu"}

// Set sets a header fact from its text; a list may be written one item per
// line or separated by ";". The date ("ngay") is read apart, with ParseDate,
// since each input format has its own ways of holding a date.
func (h *Header) Set(key, s string) {
	switch key {
	case "co_quan_chu_quan":
		h.SuperiorBody = s
	case "co_quan":
		h.Body = s
	case "so":
		h.Number = s
	case "ky_hieu":
		h.Symbol = s
	case "dia_danh":
		h.Place = s
	case "kinh_gui":
		h.Recipients = SplitList(s)
	case "noi_nhan":
		h.Distribution = SplitList(s)
	case "can_cu":
		h.Basis = s
	case "tham_quyen":
		h.Authority = s
	case "chuc_vu":
		h.Title = s
	case "nguoi_ky":
		h.Signer = s
	}
}

// ParseDate reads a date as written in inputs: 2021-12-10 or 10/12/2021.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2/1/2006", "02/01/2006", "2-1-2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("«%s» không phải là ngày (viết 2021-12-10 hoặc 10/12/2021)", s)
}

// ParseRanking reads "11/63".
func ParseRanking(s string) (rank, of int, err error) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "/")
	rank, err1 := strconv.Atoi(a)
	of, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil {
		// Callers join two cells as "rank/total": echo what was typed, not a lone "/".
		shown := strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "/"))
		return 0, 0, fmt.Errorf("«%s» không phải là thứ hạng (viết thứ hạng/tổng số, ví dụ 11/63)", shown)
	}
	if rank < 1 || of < 1 || rank > of {
		return 0, 0, fmt.Errorf("thứ hạng «%s» không hợp lý: thứ hạng phải từ 1 đến tổng số", s)
	}
	return rank, of, nil
}

// Get gives a header fact as text, the inverse of Set; lists take one item a
// line. The date ("ngay") is not text and is read apart.
func (h *Header) Get(key string) string {
	switch key {
	case "co_quan_chu_quan":
		return h.SuperiorBody
	case "co_quan":
		return h.Body
	case "so":
		return h.Number
	case "ky_hieu":
		return h.Symbol
	case "dia_danh":
		return h.Place
	case "kinh_gui":
		return strings.Join(h.Recipients, "\n")
	case "can_cu":
		return h.Basis
	case "tham_quyen":
		return h.Authority
	case "chuc_vu":
		return h.Title
	case "nguoi_ky":
		return h.Signer
	case "noi_nhan":
		return strings.Join(h.Distribution, "\n")
	}
	return ""
}

// SplitList splits a list written in one cell: one item per line, or items
// separated by ";". Leading "- " and trailing ";" or "." are dropped, since the
// template adds the punctuation Decree 30 asks for.
func SplitList(s string) []string {
	sep := "\n"
	if !strings.Contains(s, "\n") {
		sep = ";"
	}
	var out []string
	for _, item := range strings.Split(s, sep) {
		item = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(item), "-"))
		item = strings.TrimRight(item, ";.")
		if item != "" {
			out = append(out, strings.TrimSpace(item))
		}
	}
	return out
}
