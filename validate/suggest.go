package validate

import "github.com/agext/levenshtein"

// suggest returns the candidate closest to given, or "" when none is close
// enough to be a likely typo. Candidates must be sorted for a stable
// answer.
func suggest(given string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := levenshtein.Distance(given, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
