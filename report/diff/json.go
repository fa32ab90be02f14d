package diff

import (
	"encoding/json"
	"io"
	"math/big"
)

// JSONFormat names the version of the JSON layout; it changes only when a field
// changes meaning or goes away (new fields may be added).
const JSONFormat = "baocao-diff/1"

// WriteJSON writes the comparison as JSON, indented, in this stable layout:
//
//	{
//	  "format": "baocao-diff/1",
//	  "title": "So sánh số liệu năm 2020 và năm 2021",
//	  "columns": [{"period": "2020", "year": 2020, "label": "2020", "name": "năm 2020",
//	               "source": "data/2020.yaml"}, …],  // period "2022-Q1", name "quý I năm 2022"…
//	  "threshold": 50 | null,        // --threshold; null: each indicator's own limit
//	  "summary": {"indicators": 46, "up": 3, "down": 2, "same": 0, "added": 41,
//	              "removed": 0, "no_base": 0, "unit_changed": 0, "flagged": 0,
//	              "differs": true, "text": "46 chỉ tiêu: 3 tăng, 2 giảm, …"},
//	  "rows": [{
//	    "code": "DT_BUU_CHINH", "group": "BCVT", "group_name": "Bưu chính, Viễn thông",
//	    "name": "…", "unit": "tỷ đồng", "kind": "so_luong" | "ty_le" | "xep_hang", "decimals": 0,
//	    "names": […], "units": […],  // only when the years' catalogues disagree
//	    "values": [120, 130],           // per column; null when absent
//	    "values_text": ["120", "130"],  // as the report writes them; "11/63" for a ranking
//	    "changes": [{"from": "2020", "to": "2021",
//	      "status": "up" | "down" | "same" | "added" | "removed" | "no-base" | "unit-changed" | "absent",
//	      "delta": 10, "delta_text": "+10",       // null / "" without both values
//	      "percent": 8.333333,                     // relative change; null without a non-zero base
//	      "text": "tăng 8,3%",                     // the report's wording (points for rates, places for rankings)
//	      "flag": false, "threshold": 50}],
//	    "plan": 110, "attainment": 118.181818, "attainment_text": "118,2%",  // newest column; null / ""
//	    "flag": false, "notes": []
//	  }, …]
//	}
//
// Numbers are exact when they have at most 6 decimals, otherwise rounded half-up
// at 6. For a ranking, "up" is a better (smaller) place and delta is the change
// of the place number.
func WriteJSON(w io.Writer, t *Table) error {
	doc := jsonDoc{Format: JSONFormat, Title: t.Title(), Threshold: number(t.Threshold), Rows: []jsonRow{}}
	for _, c := range t.Columns {
		doc.Columns = append(doc.Columns, jsonColumn{Period: c.Period.Code(), Year: c.Period.Year, Label: c.Label, Name: c.Name, Source: c.Source})
	}
	s := t.Summary
	doc.Summary = jsonSummary{s.Indicators, s.Up, s.Down, s.Same, s.Added, s.Removed, s.NoBase, s.UnitChanged, s.Uncomputable, s.Flagged, t.Differs(), s.String()}
	for _, r := range t.Rows {
		a := r.Attainment()
		jr := jsonRow{Code: r.Code, Group: r.Group, GroupName: r.GroupName, Name: r.Name, Unit: r.Unit, Kind: string(r.Kind),
			Decimals: r.Decimals, Names: r.Names, Units: r.Units, Changes: []jsonChange{},
			Plan: number(r.Plan), Attainment: number(a), AttainmentText: r.attainmentText(a), Flag: r.Flag, Notes: r.Notes}
		if jr.Notes == nil {
			jr.Notes = []string{}
		}
		for i, v := range r.Values {
			jr.Values = append(jr.Values, number(v))
			jr.ValuesText = append(jr.ValuesText, r.ValueText(i))
		}
		for j, c := range r.Changes {
			text, _ := r.ChangeText(j)
			jr.Changes = append(jr.Changes, jsonChange{From: t.Columns[c.From].Label, To: t.Columns[c.To].Label, Status: string(c.Status),
				Delta: number(c.Delta), DeltaText: r.DeltaText(j), Percent: number(c.Percent()), Text: text, Flag: c.Flag, Threshold: number(c.Limit)})
		}
		doc.Rows = append(doc.Rows, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// number writes r as a JSON number (see plain), or null.
func number(r *big.Rat) *json.Number {
	if r == nil {
		return nil
	}
	n := json.Number(plain(r))
	return &n
}

type jsonDoc struct {
	Format    string       `json:"format"`
	Title     string       `json:"title"`
	Columns   []jsonColumn `json:"columns"`
	Threshold *json.Number `json:"threshold"`
	Summary   jsonSummary  `json:"summary"`
	Rows      []jsonRow    `json:"rows"`
}

type jsonColumn struct {
	Period string `json:"period"` // "2021", "2022-6T"; "" when unknown
	Year   int    `json:"year"`
	Label  string `json:"label"` // the column's heading and the changes' from and to
	Name   string `json:"name"`  // "năm 2021", "6 tháng đầu năm 2022"
	Source string `json:"source"`
}

type jsonSummary struct {
	Indicators   int    `json:"indicators"`
	Up           int    `json:"up"`
	Down         int    `json:"down"`
	Same         int    `json:"same"`
	Added        int    `json:"added"`
	Removed      int    `json:"removed"`
	NoBase       int    `json:"no_base"`
	UnitChanged  int    `json:"unit_changed"`
	Uncomputable int    `json:"uncomputable"`
	Flagged      int    `json:"flagged"`
	Differs      bool   `json:"differs"`
	Text         string `json:"text"`
}

type jsonRow struct {
	Code           string         `json:"code"`
	Group          string         `json:"group"`
	GroupName      string         `json:"group_name"`
	Name           string         `json:"name"`
	Unit           string         `json:"unit"`
	Kind           string         `json:"kind"`
	Decimals       int            `json:"decimals"`
	Names          []string       `json:"names,omitempty"`
	Units          []string       `json:"units,omitempty"`
	Values         []*json.Number `json:"values"`
	ValuesText     []string       `json:"values_text"`
	Changes        []jsonChange   `json:"changes"`
	Plan           *json.Number   `json:"plan"`
	Attainment     *json.Number   `json:"attainment"`
	AttainmentText string         `json:"attainment_text"`
	Flag           bool           `json:"flag"`
	Notes          []string       `json:"notes"`
}

type jsonChange struct {
	From      string       `json:"from"`
	To        string       `json:"to"`
	Status    string       `json:"status"`
	Delta     *json.Number `json:"delta"`
	DeltaText string       `json:"delta_text"`
	Percent   *json.Number `json:"percent"`
	Text      string       `json:"text"`
	Flag      bool         `json:"flag"`
	Threshold *json.Number `json:"threshold"`
}
