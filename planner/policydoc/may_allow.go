package policydoc

import "strings"

// Scope is a whole family of requests a rule asks about at once: any
// action of one service, on one resource or anything beneath it, by one
// principal. Rules that must prove a policy shuts something out ask about a
// Scope rather than one Request, since no single probe request stands for
// every request a policy could allow (a grant on "bucket/reports/*" allows
// no probe key a rule could invent).
type Scope struct {
	// ActionPrefix is the start of the actions in scope, such as "s3:";
	// matched case-insensitively.
	ActionPrefix string
	// Resource is an ARN; the scope holds it and every ARN that continues
	// it with "/" (the objects of a bucket, the objects through an access
	// point). "" means the policy's Resource/NotResource are not checked.
	Resource string
	// Principal is who asks; nil means Principal/NotPrincipal are not
	// checked.
	Principal *RequestPrincipal
}

// MayAllow reports whether some Allow statement of the document could
// allow some request in scope. It errs towards allowing: conditions and
// policy variables are taken to hold, Deny statements are ignored (a rule
// proving "nothing is allowed" must not rest on a Deny it may misjudge),
// and a NotAction or NotResource counts as matching unless one of its
// patterns covers the whole scope. Principals are matched as Evaluate
// matches them. A nil document allows nothing.
func (d *Document) MayAllow(s Scope) bool {
	if d == nil {
		return false
	}
	for i := range d.Statements {
		if st := &d.Statements[i]; st.Effect == "Allow" && st.mayMatch(s, d.Version == "2012-10-17") {
			return true
		}
	}
	return false
}

// MayAllowAny reports whether any of the documents may allow some request
// in scope (see MayAllow). Nil documents are skipped.
func MayAllowAny(docs []*Document, s Scope) bool {
	for _, d := range docs {
		if d.MayAllow(s) {
			return true
		}
	}
	return false
}

func (st *Statement) mayMatch(s Scope, vars bool) bool {
	if st.Actions == nil && st.NotActions == nil {
		return false
	}
	prefix := strings.ToLower(s.ActionPrefix)
	if st.Actions != nil && !anyPattern(st.Actions, true, vars, func(t []patternToken) bool { return len(prefixStates(t, prefix)) > 0 }) {
		return false
	}
	if st.NotActions != nil && anyPattern(st.NotActions, true, vars, func(t []patternToken) bool { return covers(t, prefix) }) {
		return false
	}
	if r := s.Resource; r != "" {
		if st.Resources != nil && !anyPattern(st.Resources, false, vars, func(t []patternToken) bool { return matchesUnder(t, r) }) {
			return false
		}
		if st.NotResources != nil && anyPattern(st.NotResources, false, vars, func(t []patternToken) bool { return globMatch(t, []rune(r)) && covers(t, r+"/") }) {
			return false
		}
	}
	return st.appliesTo(s.Principal)
}

// anyPattern reports whether pred holds for some compiled pattern. fold
// lowers the patterns (actions); vars makes ${...} a star.
func anyPattern(patterns []string, fold, vars bool, pred func([]patternToken) bool) bool {
	for _, p := range patterns {
		if fold {
			p = strings.ToLower(p)
		}
		toks, _ := compilePattern(p, vars)
		if pred(toks) {
			return true
		}
	}
	return false
}

// matchesUnder reports whether the pattern matches r itself or some string
// that continues r with "/".
func matchesUnder(toks []patternToken, r string) bool {
	return globMatch(toks, []rune(r)) || len(prefixStates(toks, r+"/")) > 0
}

// covers reports whether the pattern matches every string that starts
// with prefix: after prefix, only stars are left to match, and at least
// one.
func covers(toks []patternToken, prefix string) bool {
	for _, t := range prefixStates(toks, prefix) {
		if t < len(toks) && onlyStars(toks[t:]) {
			return true
		}
	}
	return false
}

func onlyStars(toks []patternToken) bool {
	for _, t := range toks {
		if !t.star {
			return false
		}
	}
	return true
}

// prefixStates returns the token positions the pattern can be at after
// reading all of prefix: the pattern matches some string starting with
// prefix exactly when the result is not empty, because whatever tokens are
// left can always match something. A position on a star means inside or
// before it. It runs in O(len(toks)·len(prefix)).
func prefixStates(toks []patternToken, prefix string) []int {
	cur := closeStars(toks, []int{0}, make([]bool, len(toks)+1))
	for _, c := range prefix {
		seen := make([]bool, len(toks)+1)
		var next []int
		for _, t := range cur {
			if t == len(toks) {
				continue
			}
			switch tok := toks[t]; {
			case tok.star:
				next = appendState(next, seen, t)
			case tok.one || tok.r == c:
				next = appendState(next, seen, t+1)
			}
		}
		cur = closeStars(toks, next, seen)
		if len(cur) == 0 {
			return nil
		}
	}
	return cur
}

// closeStars adds to states every position reachable by skipping stars.
func closeStars(toks []patternToken, states []int, seen []bool) []int {
	for _, t := range states {
		seen[t] = true
	}
	for i := 0; i < len(states); i++ {
		if t := states[i]; t < len(toks) && toks[t].star {
			states = appendState(states, seen, t+1)
		}
	}
	return states
}

func appendState(states []int, seen []bool, t int) []int {
	if seen[t] {
		return states
	}
	seen[t] = true
	return append(states, t)
}
