package config

import (
	"sort"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
)

// nameSuggestion returns the candidate closest to given, or "" when none is
// close enough to be a likely typo (edit distance below 3, as hcl's own
// suggestions).
func nameSuggestion(given string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := levenshtein.Distance(given, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func sortedAttrNames(attrs hcl.Attributes) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
