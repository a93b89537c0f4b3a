package policydoc

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// The types in this file reproduce the provider's policy model
// (internal/service/iam/policy_model.go): their encoding/json encoding is
// the rendered document, so field order, omitempty and the custom
// marshalers decide the output byte for byte. Documents read from
// source_policy_documents and override_policy_documents go through the same
// decoding, which is deliberately the provider's and not Parse's: it keeps
// Action and Resource values as decoded (no sorting, no collapsing), rejects
// a Statement that is not a list, and drops condition values that are
// neither strings, string lists nor booleans.

// policy is a whole document. Version, Id and Statement are the only
// elements the provider keeps; others are dropped.
type policy struct {
	Version    string       `json:",omitempty"`
	ID         string       `json:"Id,omitempty"`
	Statements []*statement `json:"Statement,omitempty"`
}

// statement is one statement. The string-or-list elements hold a string,
// a []string (from configuration) or whatever encoding/json decoded into an
// any (from a source or override document).
type statement struct {
	Sid           string       `json:",omitempty"`
	Effect        string       `json:",omitempty"`
	Actions       any          `json:"Action,omitempty"`
	NotActions    any          `json:"NotAction,omitempty"`
	Resources     any          `json:"Resource,omitempty"`
	NotResources  any          `json:"NotResource,omitempty"`
	Principals    principalSet `json:"Principal,omitempty"`
	NotPrincipals principalSet `json:"NotPrincipal,omitempty"`
	Conditions    conditionSet `json:"Condition,omitempty"`
}

// principal is one principals block; Identifiers is a string or a
// []string.
type principal struct {
	Type        string
	Identifiers any
}

type principalSet []principal

// condition is one condition block; Values is a string or a []string.
type condition struct {
	Test     string
	Variable string
	Values   any
}

type conditionSet []condition

// merge folds next into p as the provider's Merge does: a non-empty Id
// replaces p's, a greater Version (compared as strings) replaces p's, and
// each statement of next replaces the first of p's statements with the
// same non-empty Sid or is appended.
func (p *policy) merge(next *policy) {
	if next.ID != "" {
		p.ID = next.ID
	}
	if next.Version > p.Version {
		p.Version = next.Version
	}
	for _, st := range next.Statements {
		i := -1
		if st.Sid != "" {
			i = slices.IndexFunc(p.Statements, func(old *statement) bool { return old.Sid == st.Sid })
		}
		if i >= 0 {
			p.Statements[i] = st
		} else {
			p.Statements = append(p.Statements, st)
		}
	}
}

// MarshalJSON renders principals as the provider does: a lone principal of
// type "*" whose only identifier is "*" becomes the string "*"; otherwise an
// object keyed by type, where the identifiers of every principal of a type
// are concatenated in order (each list sorted in reverse first) and a type
// with a single string identifier stays a string.
func (ps principalSet) MarshalJSON() ([]byte, error) {
	if len(ps) == 1 && ps[0].Type == "*" {
		switch ids := ps[0].Identifiers.(type) {
		case string:
			if ids == "*" {
				return []byte(`"*"`), nil
			}
		case []string:
			if len(ids) == 1 && ids[0] == "*" {
				return []byte(`"*"`), nil
			}
		}
	}
	byType := map[string]any{}
	for _, p := range ps {
		switch ids := p.Identifiers.(type) {
		case []string:
			var list []string
			switch prev := byType[p.Type].(type) {
			case string:
				list = []string{prev}
			case []string:
				list = prev
			default:
				list = make([]string, 0, len(ids))
			}
			byType[p.Type] = append(list, reverseSorted(ids)...)
		case string:
			switch prev := byType[p.Type].(type) {
			case string:
				byType[p.Type] = []string{prev, ids}
			case []string:
				byType[p.Type] = append(prev, ids)
			default:
				byType[p.Type] = ids
			}
		default:
			return nil, fmt.Errorf("unsupported identifiers type %T for principal type %q", ids, p.Type)
		}
	}
	return json.Marshal(byType)
}

// UnmarshalJSON reads a Principal element as the provider does: any string
// stands for the principal "*"; an object maps types to a string or a list
// of strings, which is sorted.
func (ps *principalSet) UnmarshalJSON(b []byte) error {
	var data any
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	var out principalSet
	switch data := data.(type) {
	case string:
		out = principalSet{{Type: "*", Identifiers: []string{"*"}}}
	case map[string]any:
		for _, typ := range sortedKeys(data) {
			switch ids := data[typ].(type) {
			case string:
				out = append(out, principal{Type: typ, Identifiers: ids})
			case []any:
				list := make([]string, 0, len(ids))
				for i, id := range ids {
					s, ok := id.(string)
					if !ok {
						return fmt.Errorf("identifier %d of principal type %q is a %s, not a string", i, typ, jsonKind(id))
					}
					list = append(list, s)
				}
				sort.Strings(list)
				out = append(out, principal{Type: typ, Identifiers: list})
			default:
				return fmt.Errorf("identifiers of principal type %q are a %s, not a string or a list of strings", typ, jsonKind(ids))
			}
		}
	default:
		return fmt.Errorf("principal is a %s, not a string or an object", jsonKind(data))
	}
	*ps = out
	return nil
}

// MarshalJSON renders conditions as the provider does: an object keyed by
// test, then by variable, whose values are the concatenation of the values
// of every condition with that test and variable, in order, and a single
// value is collapsed to a string.
func (cs conditionSet) MarshalJSON() ([]byte, error) {
	raw := map[string]map[string][]string{}
	for _, c := range cs {
		if raw[c.Test] == nil {
			raw[c.Test] = map[string][]string{}
		}
		vals := raw[c.Test][c.Variable]
		if vals == nil {
			vals = []string{}
		}
		switch v := c.Values.(type) {
		case []string:
			vals = append(vals, v...)
		case string:
			vals = append(vals, v)
		default:
			return nil, fmt.Errorf("unsupported values type %T for condition %s %s", v, c.Test, c.Variable)
		}
		raw[c.Test][c.Variable] = vals
	}
	out := make(map[string]map[string]any, len(raw))
	for test, byVar := range raw {
		out[test] = make(map[string]any, len(byVar))
		for variable, vals := range byVar {
			if len(vals) == 1 {
				out[test][variable] = vals[0]
			} else {
				out[test][variable] = vals
			}
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads a Condition element as the provider does: a string
// value becomes a one-element list, a boolean its text, a list must hold
// strings, and any other value (a number, an object, null) is dropped.
func (cs *conditionSet) UnmarshalJSON(b []byte) error {
	var data map[string]map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	var out conditionSet
	for _, test := range sortedKeys(data) {
		byVar := data[test]
		for _, variable := range sortedKeys(byVar) {
			switch v := byVar[variable].(type) {
			case string:
				out = append(out, condition{Test: test, Variable: variable, Values: []string{v}})
			case bool:
				out = append(out, condition{Test: test, Variable: variable, Values: strconv.FormatBool(v)})
			case []any:
				vals := make([]string, 0, len(v))
				for i, e := range v {
					s, ok := e.(string)
					if !ok {
						// The provider panics here.
						return fmt.Errorf("value %d of condition %s %s is a %s, not a string", i, test, variable, jsonKind(e))
					}
					vals = append(vals, s)
				}
				out = append(out, condition{Test: test, Variable: variable, Values: vals})
			}
		}
	}
	*cs = out
	return nil
}

// decodePolicy decodes a source or override document.
func decodePolicy(s string) (*policy, error) {
	p := &policy{}
	if err := json.Unmarshal([]byte(s), p); err != nil {
		return nil, err
	}
	for i, st := range p.Statements {
		if st == nil {
			// The provider dereferences it and panics.
			return nil, fmt.Errorf("statement %d is null", i)
		}
	}
	return p, nil
}

// collapse returns the only element of l, or l sorted in reverse order; l
// is sorted in place. This is how the provider turns a set of strings into
// a statement element.
func collapse(l []string) any {
	if len(l) == 1 {
		return l[0]
	}
	sort.Sort(sort.Reverse(sort.StringSlice(l)))
	return l
}

func reverseSorted(l []string) []string {
	out := slices.Clone(l)
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonKind names the JSON type of a value decoded into an any.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64, json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "list"
	default:
		return "object"
	}
}
