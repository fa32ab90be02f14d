package model

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestPosString(t *testing.T) {
	cases := []struct {
		p    Pos
		want string
	}{
		{Pos{File: "data/2021.yaml", Line: 34}, "data/2021.yaml:34"},
		{Pos{File: "data/2021.xlsx", Sheet: "Chỉ tiêu", Cell: "E7"}, "data/2021.xlsx: Chỉ tiêu!E7"},
		{Pos{File: "data/2021.xlsx", Sheet: "Chỉ tiêu"}, "data/2021.xlsx: Chỉ tiêu"},
		{Pos{File: "data/2021.yaml"}, "data/2021.yaml"},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestTarget(t *testing.T) {
	cases := []struct {
		spec  string
		value string
		met   bool
		words string
	}{
		{"> 50", "47.0", false, "trên"},
		{"> 50", "50", false, "trên"},
		{">50%", "50.1", true, "trên"},
		{">= 20", "20", true, "tối thiểu"},
		{">=30", "24.2", false, "tối thiểu"},
		{"< 5", "4.9", true, "dưới"},
		{"<= 5", "5", true, "tối đa"},
		{"= 100", "100", true, ""},
	}
	for _, c := range cases {
		tg, err := ParseTarget(c.spec)
		if err != nil {
			t.Fatalf("ParseTarget(%q): %v", c.spec, err)
		}
		v := decimal.RequireFromString(c.value)
		if got := tg.Met(v); got != c.met {
			t.Errorf("%q met by %s = %v, want %v", c.spec, c.value, got, c.met)
		}
		if got := tg.Words(); got != c.words {
			t.Errorf("%q words = %q, want %q", c.spec, got, c.words)
		}
	}
	// A number in exponent form, or longer than any figure, could be one of
	// a million digits.
	for _, bad := range []string{"", "50", "> năm mươi", "=>50", ">= 1e999999", ">= " + strings.Repeat("9", 41)} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) accepted", bad)
		}
	}
}

func TestCatalogueLookupAndSuggest(t *testing.T) {
	c := NewCatalogue("chi-tieu.yaml", []Group{{"BCVT", "Bưu chính, Viễn thông"}}, []*Indicator{
		{Code: "DT_BUU_CHINH", Group: "BCVT"}, {Code: "DT_VIEN_THONG", Group: "BCVT"},
	})
	if _, ok := c.Lookup("DT_VIEN_THONG"); !ok {
		t.Fatal("lookup failed")
	}
	if got, want := c.UnknownCode("DT_BUU_CHIN"), "không có chỉ tiêu mã «DT_BUU_CHIN» trong danh mục; có phải ý là «DT_BUU_CHINH»?"; got != want {
		t.Errorf("UnknownCode = %q, want %q", got, want)
	}
	if got := c.GroupName("BCVT"); got != "Bưu chính, Viễn thông" {
		t.Errorf("GroupName = %q", got)
	}
}

func TestHeaderSetGet(t *testing.T) {
	var h Header
	for _, key := range HeaderKeys {
		if key == "ngay" {
			continue
		}
		h.Set(key, "giá trị "+key)
		if got := h.Get(key); got != "giá trị "+key {
			t.Errorf("Get(%q) = %q after Set", key, got)
		}
	}
	h.Set("noi_nhan", "- Như trên;\n- Lưu: VT.")
	if got := h.Get("noi_nhan"); got != "Như trên\nLưu: VT" {
		t.Errorf("list round trip = %q", got)
	}
}
