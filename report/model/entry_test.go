package model

import "testing"

// A figure's place reads back as it was set, however it is kept.
func TestFigurePlacesReadBack(t *testing.T) {
	yaml := Pos{File: "data/2021.yaml", Line: 34}
	row := Pos{File: "data/2021.xlsx", Sheet: "Chỉ tiêu", Cell: "B12"}
	cases := []struct {
		entry Pos
		at    []Pos
	}{
		{yaml, []Pos{{}, {File: yaml.File, Line: 35}, {File: yaml.File, Line: 1 << 40}, {File: "data/2020.yaml", Line: 35}, {File: yaml.File}}},
		{row, []Pos{{}, {File: row.File, Sheet: row.Sheet, Cell: "E12"}, {File: row.File, Sheet: row.Sheet, Cell: "AB12"},
			{File: row.File, Sheet: row.Sheet, Cell: "XFD12"}, {File: row.File, Sheet: row.Sheet, Cell: "E13"},
			{File: row.File, Sheet: "Khác", Cell: "E12"}, {File: row.File, Sheet: row.Sheet, Cell: "$E$12"},
			{File: row.File, Sheet: row.Sheet, Cell: "E012"}, {File: row.File, Sheet: row.Sheet, Cell: "E12", Paragraph: 3}}},
		{Pos{}, []Pos{{File: "x.yaml", Line: 2}}},
	}
	for _, c := range cases {
		for _, at := range c.at {
			e := &Entry{Pos: c.entry}
			e.SetActualPos(at)
			e.SetPlanPos(at)
			e.SetSamePeriodPos(at)
			e.SetYearEstimatePos(at)
			for _, got := range []Pos{e.ActualPos(), e.PlanPos(), e.SamePeriodPos(), e.YearEstimatePos()} {
				if got != at {
					t.Errorf("entry at %#v: set %#v, read %#v", c.entry, at, got)
				}
			}
		}
	}
	if columnName(28) != "AB" || columnName(16384) != "XFD" {
		t.Errorf("column names: %s %s", columnName(28), columnName(16384))
	}
}
