package policydoc

import (
	"fmt"
	"strings"
)

// Request is one access a rule asks about.
type Request struct {
	Action   string // such as "s3:ReplicateObject"; matched case-insensitively
	Resource string // an ARN; "" means the policy's Resource/NotResource are not checked
	// Principal is who asks; nil means the policy's Principal/NotPrincipal are not checked
	// (identity-based policies have none).
	Principal *RequestPrincipal
}

// RequestPrincipal is the principal of a Request.
type RequestPrincipal struct {
	Type    string // "AWS" or "Service"
	ID      string // a role ARN ("arn:aws:iam::111111111111:role/r"), an account root ARN, or a service ("s3.amazonaws.com")
	Account string // the principal's account ID, "" when unknown; account-ID and root-ARN principals in a policy match every principal of that account
}

// Decision is what a document says about a Request.
type Decision int

const (
	NotAllowed          Decision = iota // no statement allows it (implicit deny)
	Allowed                             // an Allow without conditions matches, and no Deny without conditions does
	AllowedIfConditions                 // only Allows with conditions match, and no Deny without conditions does
	Denied                              // a Deny without conditions matches
)

// String returns "not allowed", "allowed", "allowed under conditions", "denied".
func (d Decision) String() string {
	switch d {
	case NotAllowed:
		return "not allowed"
	case Allowed:
		return "allowed"
	case AllowedIfConditions:
		return "allowed under conditions"
	case Denied:
		return "denied"
	}
	return fmt.Sprintf("Decision(%d)", int(d))
}

// Evaluate applies IAM's evaluation logic to one document: an explicit Deny wins, then an Allow, else
// implicit deny. Conditions are not evaluated: a conditioned Deny never denies (a rule never fires on a
// condition it cannot evaluate) and a conditioned Allow gives AllowedIfConditions.
//
// How each element of a statement is matched against req:
//
//	element             | matches when
//	--------------------+------------------------------------------------------------------
//	Effect              | exactly "Allow" or "Deny" (IAM is case-sensitive); any other value never matches
//	Action / NotAction  | some / no pattern matches req.Action, case-insensitively, with * and ?;
//	                    | a statement with neither never matches
//	Resource /          | req.Resource is "", or some / no pattern matches it, case-sensitively, with * and ?
//	NotResource         | matching across ":" and "/"; "*" alone matches every ARN. A statement with
//	                    | neither applies to the resource the policy is attached to, so it matches
//	                    | (role trust policies have no Resource)
//	Principal /         | req.Principal is nil, or some / no listed principal is req.Principal (see below).
//	NotPrincipal        | A statement with neither never matches a non-nil req.Principal: a principal
//	                    | asks a resource or trust policy, whose statements without a principal apply to
//	                    | nobody (IAM rejects such statements in those policies)
//	Condition           | never evaluated; a statement with any condition is conditioned
//
// When both an element and its Not form are present (IAM rejects that), both must hold.
//
// Principals: "Principal": "*" is every principal, AWS or service. {"AWS": "*"} is every AWS principal
// but no service. {"AWS": "111111111111"} and {"AWS": "arn:aws:iam::111111111111:root"} (any partition)
// are every principal of that account: req.Principal.Account, or, when it is "", the account in
// req.Principal.ID (an ARN, or a bare account ID). Any other identifier matches an ID of the same type
// exactly (service names case-insensitively). NotPrincipal uses the same matching, so a Deny with
// NotPrincipal naming a principal's account never denies that principal; IAM may deny a role whose
// account is not listed, but this errs towards not denying, like conditions.
//
// Policy variables: in a document with Version "2012-10-17", a ${...} in Resource or NotResource other
// than the escapes ${*}, ${?} and ${$} is a value known only at request time. A pattern that matches
// only by giving such a variable some value is treated like a condition: an Allow through it gives
// AllowedIfConditions, and a Deny through it never denies. In other versions ${...} is literal text.
func (d *Document) Evaluate(req Request) Decision {
	if d == nil {
		return NotAllowed
	}
	vars := d.Version == "2012-10-17"
	allowed, allowedIf := false, false
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Effect != "Allow" && st.Effect != "Deny" {
			continue
		}
		m := matchStatement(st, req, vars)
		if m == matchNone {
			continue
		}
		conditioned := m == matchMaybe || len(st.Conditions) > 0
		switch {
		case st.Effect == "Deny" && !conditioned:
			return Denied
		case st.Effect == "Allow" && !conditioned:
			allowed = true
		case st.Effect == "Allow":
			allowedIf = true
		}
	}
	switch {
	case allowed:
		return Allowed
	case allowedIf:
		return AllowedIfConditions
	}
	return NotAllowed
}

// Grants reports whether the document can grant req: Allowed or AllowedIfConditions. Rules that need a
// grant use it, so that a conditioned Allow counts as granting.
func (d *Document) Grants(req Request) bool {
	switch d.Evaluate(req) {
	case Allowed, AllowedIfConditions:
		return true
	}
	return false
}

// GrantsAny reports whether any of the documents grants req and none denies it without conditions
// (several policies attached to one role, say). Nil documents are skipped.
func GrantsAny(docs []*Document, req Request) bool {
	granted := false
	for _, d := range docs {
		switch d.Evaluate(req) {
		case Denied:
			return false
		case Allowed, AllowedIfConditions:
			granted = true
		}
	}
	return granted
}

// match is how far a statement, an element or a pattern matches a Request. The values are ordered so
// that a statement matches as far as its weakest element.
type match int

const (
	matchNone  match = iota // it does not match
	matchMaybe              // it matches for some value of a policy variable
	matchFull               // it matches
)

func matchStatement(st *Statement, req Request, vars bool) match {
	if st.Actions == nil && st.NotActions == nil {
		return matchNone
	}
	m := matchFull
	if st.Actions != nil {
		m = min(m, matchPatterns(st.Actions, req.Action, true, false))
	}
	if st.NotActions != nil {
		m = min(m, negate(matchPatterns(st.NotActions, req.Action, true, false)))
	}
	if req.Resource != "" {
		if st.Resources != nil {
			m = min(m, matchPatterns(st.Resources, req.Resource, false, vars))
		}
		if st.NotResources != nil {
			m = min(m, negate(matchPatterns(st.NotResources, req.Resource, false, vars)))
		}
	}
	if !st.appliesTo(req.Principal) {
		return matchNone
	}
	return m
}

// appliesTo reports whether the statement's Principal and NotPrincipal
// take in p; a nil p is not checked. A statement with neither applies to
// no principal (see Evaluate).
func (st *Statement) appliesTo(p *RequestPrincipal) bool {
	switch {
	case p == nil:
		return true
	case st.Principals == nil && st.NotPrincipals == nil:
		return false
	case st.Principals != nil && !matchPrincipals(st.Principals, p):
		return false
	case st.NotPrincipals != nil && matchPrincipals(st.NotPrincipals, p):
		return false
	}
	return true
}

// negate turns the match of a Not element's patterns into the match of the element: a full match
// excludes the request, and a match through a variable may or may not.
func negate(m match) match {
	return matchFull - m
}

// matchPatterns returns the best match of s against any of patterns. fold makes the match
// case-insensitive; vars makes ${...} a policy variable.
func matchPatterns(patterns []string, s string, fold, vars bool) match {
	if fold {
		s = strings.ToLower(s)
	}
	best := matchNone
	for _, p := range patterns {
		if fold {
			p = strings.ToLower(p)
		}
		toks, hasVar := compilePattern(p, vars)
		if !globMatch(toks, []rune(s)) {
			continue
		}
		if !hasVar {
			return matchFull
		}
		best = matchMaybe
	}
	return best
}

// patternToken is one element of a compiled pattern: a literal rune, or any run of runes ('*' with
// star set), or any one rune ('?' with one set).
type patternToken struct {
	r    rune
	star bool
	one  bool
}

// compilePattern turns an IAM pattern into tokens. With vars, the escapes ${*}, ${?} and ${$} are the
// literal characters and any other ${...} becomes a star, reported by hasVar.
func compilePattern(p string, vars bool) (toks []patternToken, hasVar bool) {
	rs := []rune(p)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if vars && r == '$' && i+1 < len(rs) && rs[i+1] == '{' {
			end := -1
			for j := i + 2; j < len(rs); j++ {
				if rs[j] == '}' {
					end = j
					break
				}
			}
			if end > 0 {
				switch name := string(rs[i+2 : end]); name {
				case "*", "?", "$":
					toks = append(toks, patternToken{r: []rune(name)[0]})
				default:
					toks = append(toks, patternToken{star: true})
					hasVar = true
				}
				i = end
				continue
			}
		}
		switch r {
		case '*':
			toks = append(toks, patternToken{star: true})
		case '?':
			toks = append(toks, patternToken{one: true})
		default:
			toks = append(toks, patternToken{r: r})
		}
	}
	return toks, hasVar
}

// globMatch reports whether toks match all of s. A star matches any run of characters, ":" and "/"
// included. It backtracks only to the last star, so it takes O(len(toks)·len(s)) steps
// at worst.
func globMatch(toks []patternToken, s []rune) bool {
	t, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case t < len(toks) && toks[t].star:
			star, mark = t, i
			t++
		case t < len(toks) && (toks[t].one || toks[t].r == s[i]):
			t++
			i++
		case star >= 0:
			t = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for t < len(toks) && toks[t].star {
		t++
	}
	return t == len(toks)
}

// matchPrincipals reports whether any of ps names p.
func matchPrincipals(ps []Principal, p *RequestPrincipal) bool {
	for _, x := range ps {
		for _, id := range x.Identifiers {
			if principalNames(x.Type, id, p) {
				return true
			}
		}
	}
	return false
}

// principalNames reports whether the identifier id of principal type typ names p.
func principalNames(typ, id string, p *RequestPrincipal) bool {
	if typ == "*" {
		return id == "*"
	}
	if typ != p.Type {
		return false
	}
	if id == "*" {
		return true
	}
	switch typ {
	case "AWS":
		if id == p.ID {
			return true
		}
		acct := accountPrincipal(id)
		return acct != "" && acct == requestAccount(p)
	case "Service":
		return strings.EqualFold(id, p.ID)
	}
	return id == p.ID
}

// accountPrincipal returns the account an AWS principal identifier names as a whole (a 12-digit
// account ID or an account root ARN in any partition), and "" for any other identifier.
func accountPrincipal(id string) string {
	if isAccountID(id) {
		return id
	}
	parts := strings.Split(id, ":")
	if len(parts) == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[3] == "" && parts[5] == "root" && isAccountID(parts[4]) {
		return parts[4]
	}
	return ""
}

// requestAccount returns p's account: p.Account, else the account field of an ARN ID or a bare
// account ID, else "".
func requestAccount(p *RequestPrincipal) string {
	if p.Account != "" {
		return p.Account
	}
	if isAccountID(p.ID) {
		return p.ID
	}
	parts := strings.SplitN(p.ID, ":", 6)
	if len(parts) == 6 && parts[0] == "arn" && isAccountID(parts[4]) {
		return parts[4]
	}
	return ""
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
