package model

import "testing"

func TestFollowingNameAndKindCode(t *testing.T) {
	cases := []struct{ code, following, kind string }{
		{"2022-6T", "6 tháng cuối năm 2022", "6T"},
		{"2022-9T", "3 tháng cuối năm 2022", "9T"},
		{"2022-Q3", "quý IV năm 2022", "quy"},
		{"2022-Q4", "quý I năm 2023", "quy"},
		{"2022-T05", "tháng 6 năm 2022", "thang"},
		{"2022-T12", "tháng 1 năm 2023", "thang"},
		{"2022", "năm 2023", "nam"},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.code)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.FollowingName(); got != c.following {
			t.Errorf("%s.FollowingName() = %q, want %q", c.code, got, c.following)
		}
		if got := p.Kind.Code(); got != c.kind {
			t.Errorf("%s.Kind.Code() = %q, want %q", c.code, got, c.kind)
		}
		if got := p.ShorterThanYear(); got != (c.kind != "nam") {
			t.Errorf("%s.ShorterThanYear() = %v", c.code, got)
		}
	}
	if (Period{}).FollowingName() != "" || (Period{}).Kind.Code() != "" || (Period{}).ShorterThanYear() {
		t.Error("the zero Period names nothing")
	}
}
