// Package suggest finds the known name nearest to a mistyped one, for the
// "có phải ý là …?" hints in baocao's messages.
package suggest

import "strings"

// Nearest returns the candidate closest to name by edit distance (case-insensitive),
// or "" when none is close enough to be a plausible typo.
func Nearest(name string, candidates []string) string {
	lower := strings.ToLower(name)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance([]rune(lower), []rune(strings.ToLower(c)))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > maxDistance(len([]rune(name))) {
		return ""
	}
	return best
}

// maxDistance allows about one edit per three characters, at least two.
func maxDistance(n int) int {
	return max(2, n/3)
}

// distance is the Levenshtein distance, with one row of memory.
func distance(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}
