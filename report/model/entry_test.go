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

// Each figure keeps its own place, and a place set again replaces the one
// before, however either is kept.
func TestFigurePlacesApartAndReplaced(t *testing.T) {
	row := Pos{File: "2021.xlsx", Sheet: "Chỉ tiêu", Cell: "B12"}
	inRow, other := Pos{File: row.File, Sheet: row.Sheet, Cell: "E12"}, Pos{File: "2020.xlsx", Sheet: row.Sheet, Cell: "E12"}
	e := &Entry{Pos: row}
	e.SetActualPos(inRow)
	e.SetPlanPos(other)
	e.SetSamePeriodPos(Pos{File: row.File, Sheet: row.Sheet, Cell: "F12"})
	if e.ActualPos() != inRow || e.PlanPos() != other || e.SamePeriodPos().Cell != "F12" || e.YearEstimatePos() != (Pos{}) {
		t.Fatalf("apart: %v %v %v %v", e.ActualPos(), e.PlanPos(), e.SamePeriodPos(), e.YearEstimatePos())
	}
	e.SetPlanPos(inRow)
	e.SetActualPos(other)
	if e.ActualPos() != other || e.PlanPos() != inRow {
		t.Fatalf("replaced: %v %v", e.ActualPos(), e.PlanPos())
	}
	e.SetActualPos(Pos{})
	if e.ActualPos() != (Pos{}) {
		t.Fatalf("cleared: %v", e.ActualPos())
	}
}
