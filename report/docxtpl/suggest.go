package docxtpl

import (
	"strings"
	"unicode/utf8"
)

// nearest returns the candidate closest to name by edit distance (letter
// case ignored), or "" when none is close enough to be a likely typo.
func nearest(name string, candidates []string) string {
	limit := max(1, min(3, utf8.RuneCountInString(name)/3))
	best, bestDist := "", limit+1
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if c == name {
			continue
		}
		if d := distance(lower, strings.ToLower(c)); d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// didYouMean appends the usual suggestion to msg when there is one.
func didYouMean(msg, suggestion string) string {
	if suggestion == "" {
		return msg
	}
	return msg + "; có phải ý là «" + suggestion + "»?"
}
