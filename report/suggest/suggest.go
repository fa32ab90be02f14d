// Package suggest finds the known name nearest to a mistyped one, for the
// "có phải ý là …?" hints in baocao's messages.
package suggest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Nearest returns the candidate closest to name by edit distance (letter case
// ignored), or "" when none is close enough to be a likely typo. Ties go to the
// alphabetically first candidate, so that hints do not depend on input order.
func Nearest(name string, candidates []string) string {
	limit := max(1, min(3, utf8.RuneCountInString(name)/3))
	best, bestDist := "", limit+1
	lower := []rune(strings.ToLower(name))
	var d distancer
	d.prepare(lower)
	for _, c := range candidates {
		// Names whose lengths differ by more than the limit cannot be near: skipping
		// them keeps a search among 100 000 codes cheap.
		if c == name || abs(utf8.RuneCountInString(c)-len(lower)) > limit {
			continue
		}
		// Only a distance up to bestDist can change the answer (a tie may).
		if dist := d.within(c, bestDist); dist < bestDist || (dist == bestDist && best != "" && c < best) {
			best, bestDist = c, dist
		}
	}
	return best
}

// distancer computes edit distances from one name, with buffers kept from
// one candidate to the next.
type distancer struct {
	a            []rune // the name, lowercased (prepare)
	b, prev, cur []int
	// The letters of an ASCII name, counted (prepare): no edit distance is
	// below the longer length less the letters two names share, which rules
	// out most of a catalogue's codes without the table.
	counts [utf8.RuneSelf]int32
	ascii  bool
}

// prepare takes a, lowercased, as the name the next distances are from.
func (d *distancer) prepare(a []rune) {
	d.a, d.counts, d.ascii = a, [utf8.RuneSelf]int32{}, true
	for _, r := range a {
		if r >= utf8.RuneSelf {
			d.ascii = false
			return
		}
		d.counts[r]++
	}
}

// within is the edit distance between the prepared name and b with b's
// letters lowercased, or some number above k once it is sure to exceed k: a
// row's least value never decreases down the table.
func (d *distancer) within(b string, k int) int {
	a := d.a
	d.b = d.b[:0]
	for _, r := range b {
		d.b = append(d.b, int(unicode.ToLower(r)))
	}
	if d.ascii {
		counts, shared := d.counts, 0
		for _, r := range d.b {
			if r < utf8.RuneSelf && counts[r] > 0 {
				counts[r]--
				shared++
			}
		}
		if bound := max(len(a), len(d.b)) - shared; bound > k {
			return bound
		}
	}
	d.prev, d.cur = slices.Grow(d.prev[:0], len(d.b)+1)[:len(d.b)+1], slices.Grow(d.cur[:0], len(d.b)+1)[:len(d.b)+1]
	prev, cur := d.prev, d.cur
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(d.b); j++ {
			cost := 1
			if int(a[i-1]) == d.b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			least = min(least, cur[j])
		}
		if least > k {
			return least
		}
		prev, cur = cur, prev
	}
	return prev[len(d.b)]
}

// DidYouMean appends the usual hint to msg when there is a suggestion.
func DidYouMean(msg, suggestion string) string {
	if suggestion == "" {
		return msg
	}
	return msg + "; có phải ý là «" + suggestion + "»?"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
