package model

import (
	"fmt"
	"testing"
)

// TestLookupFrom checks that the lookups for callers going in order give what
// the plain ones give, whatever the order asked, with duplicate codes too.
func TestLookupFrom(t *testing.T) {
	for _, dup := range []bool{false, true} {
		var inds []*Indicator
		var fig Figures
		for i := range 20 {
			code := fmt.Sprintf("C%02d", i)
			if dup && i%7 == 3 {
				code = fmt.Sprintf("C%02d", i-1) // a second of the code before
			}
			inds = append(inds, &Indicator{Code: code, Name: fmt.Sprint(i)})
			if i%5 != 4 { // some indicators without an entry
				fig.Entries = append(fig.Entries, &Entry{Code: code, Note: fmt.Sprint(i)})
			}
		}
		cat := NewCatalogue("", nil, inds)
		orders := [][]int{}
		var forward, backward, gaps []int
		for i := range 22 { // codes past the end too
			forward = append(forward, i)
			backward = append(backward, 21-i)
			if i%3 != 1 {
				gaps = append(gaps, i)
			}
		}
		orders = append(orders, forward, backward, gaps, []int{5, 5, 6, 2, 2, 3, 19, 0, 1})
		for _, order := range orders {
			nextInd, nextEntry := 0, 0
			for _, i := range order {
				code := fmt.Sprintf("C%02d", i)
				want, wantOK := cat.Lookup(code)
				if got, ok := cat.LookupFrom(code, &nextInd); got != want || ok != wantOK {
					t.Errorf("dup %v, order %v: LookupFrom(%s) = %v, want %v", dup, order, code, got, want)
				}
				if got, want := fig.EntryFrom(code, &nextEntry), fig.Entry(code); got != want {
					t.Errorf("dup %v, order %v: EntryFrom(%s) = %v, want %v", dup, order, code, got, want)
				}
			}
		}
		if first, _ := cat.Lookup("C02"); first.Name != "2" {
			t.Errorf("dup %v: Lookup keeps %s, not the first", dup, first.Name)
		}
		if first := fig.Entry("C02"); first.Note != "2" {
			t.Errorf("dup %v: Entry keeps %s, not the first", dup, first.Note)
		}
	}
}

// Rankings are looked up through an index: the first of a code wins, as a
// search from the start would find; rankings appended, a list of another
// length put in place, and a ranking found that was changed in place are seen.
func TestRankingLookup(t *testing.T) {
	y := &Figures{}
	if y.Ranking("A") != nil {
		t.Fatal("a ranking in an empty list")
	}
	a1, a2, b := &Ranking{Code: "A", Rank: 1}, &Ranking{Code: "A", Rank: 2}, &Ranking{Code: "B", Rank: 3}
	y.Rankings = []*Ranking{a1, a2}
	if got := y.Ranking("A"); got != a1 {
		t.Fatalf("A: %+v, want the first", got)
	}
	if y.Ranking("B") != nil {
		t.Fatal("B before it was added")
	}
	y.Rankings = append(y.Rankings, b)
	if got := y.Ranking("B"); got != b {
		t.Fatalf("B appended: %+v", got)
	}
	c := &Ranking{Code: "C"}
	y.Rankings[1] = c // changed in place: A is still the first's, C found anew below
	if y.Ranking("A") != a1 || y.Ranking("B") != b {
		t.Fatalf("changed in place: A %+v, B %+v", y.Ranking("A"), y.Ranking("B"))
	}
	y.Rankings[0] = c
	if y.Ranking("A") != nil || y.Ranking("C") != c {
		t.Fatalf("the one found changed in place: A %+v, C %+v", y.Ranking("A"), y.Ranking("C"))
	}
	y.Rankings = []*Ranking{b}
	if y.Ranking("A") != nil || y.Ranking("B") != b {
		t.Fatalf("another list: A %+v, B %+v", y.Ranking("A"), y.Ranking("B"))
	}
	y.Rankings = y.Rankings[:0]
	if y.Ranking("B") != nil {
		t.Fatal("B in an emptied list")
	}
}
