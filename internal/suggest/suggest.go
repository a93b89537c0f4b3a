// Package suggest finds the name a user probably meant, for the "Did you
// mean …?" of diagnostics.
package suggest

import "github.com/agext/levenshtein"

// Closest returns the candidate closest to given, or "" when none is close
// enough to be a likely typo (an edit distance below 3, as hcl's own
// suggestions). On a tie the first candidate wins, so candidates must be
// sorted for a stable answer.
func Closest(given string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := levenshtein.Distance(given, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
