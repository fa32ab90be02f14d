// Package suggest finds the known name nearest to a mistyped one, for the
// "có phải ý là …?" hints in baocao's messages.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the candidate closest to name by edit distance (letter case
// ignored), or "" when none is close enough to be a likely typo. Ties go to the
// alphabetically first candidate, so that hints do not depend on input order.
func Nearest(name string, candidates []string) string {
	limit := max(1, min(3, utf8.RuneCountInString(name)/3))
	best, bestDist := "", limit+1
	lower := []rune(strings.ToLower(name))
	for _, c := range candidates {
		// Names whose lengths differ by more than the limit cannot be near: skipping
		// them keeps a search among 100 000 codes cheap.
		if c == name || abs(utf8.RuneCountInString(c)-len(lower)) > limit {
			continue
		}
		if d := distance(lower, []rune(strings.ToLower(c))); d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean appends the usual hint to msg when there is a suggestion.
func DidYouMean(msg, suggestion string) string {
	if suggestion == "" {
		return msg
	}
	return msg + "; có phải ý là «" + suggestion + "»?"
}

// distance is the Levenshtein distance, counted in runes, with two rows of memory.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
