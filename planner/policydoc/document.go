package policydoc

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Document is an IAM policy document normalised for reasoning about it:
// every element that JSON allows as a string or a list is a list, the
// Principal element is a list of (type, identifiers) pairs and the
// Condition element a list of (test, variable, values) triples. A Document
// is treated as immutable once parsed.
type Document struct {
	Version    string // "" when the document has none
	ID         string
	Statements []Statement
}

// Statement is one statement of a Document. A nil slice means the element is
// absent; Principals and NotPrincipals are sorted by type, Conditions by
// test then variable.
type Statement struct {
	Sid           string
	Effect        string
	Actions       []string
	NotActions    []string
	Resources     []string
	NotResources  []string
	Principals    []Principal
	NotPrincipals []Principal
	Conditions    []Condition
}

// Principal is one principal type and its identifiers. The element
// "Principal": "*" is the Principal {Type: "*", Identifiers: ["*"]}, which
// differs from {Type: "AWS", Identifiers: ["*"]} for IAM role trust
// policies.
type Principal struct {
	Type        string // "AWS", "Service", "Federated", "CanonicalUser" or "*"
	Identifiers []string
}

// Condition is one condition key under one condition operator. Values keep
// their order; booleans and numbers are given as their JSON text ("true",
// "3600").
type Condition struct {
	Test     string // the operator, such as "StringEquals"
	Variable string // the condition key, such as "aws:SourceVpce"
	Values   []string
}

// Parse decodes a JSON policy document. Unlike the provider's decoding of
// source documents it accepts everything IAM accepts in these elements: a
// Statement given as a single object, and numbers in condition values. It
// returns an error for malformed JSON and for elements of the wrong JSON
// type. Element names match case-insensitively, as encoding/json does;
// unknown elements are ignored.
func Parse(s string) (*Document, error) {
	var raw struct {
		Version   string
		ID        string `json:"Id"`
		Statement json.RawMessage
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the document")
	}
	doc := &Document{Version: raw.Version, ID: raw.ID}

	var stmts []rawStatement
	switch firstByte(raw.Statement) {
	case 0, 'n':
	case '{':
		var st rawStatement
		if err := unmarshalNumber(raw.Statement, &st); err != nil {
			return nil, fmt.Errorf("element Statement: %w", err)
		}
		stmts = []rawStatement{st}
	case '[':
		if err := unmarshalNumber(raw.Statement, &stmts); err != nil {
			return nil, fmt.Errorf("element Statement: %w", err)
		}
	default:
		return nil, fmt.Errorf("element Statement is not an object or a list of objects")
	}
	for i, rs := range stmts {
		st, err := rs.normalize()
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i, err)
		}
		doc.Statements = append(doc.Statements, st)
	}
	return doc, nil
}

type rawStatement struct {
	Sid          string
	Effect       string
	Action       stringOrList
	NotAction    stringOrList
	Resource     stringOrList
	NotResource  stringOrList
	Principal    json.RawMessage
	NotPrincipal json.RawMessage
	Condition    map[string]map[string]json.RawMessage
}

func (rs rawStatement) normalize() (Statement, error) {
	st := Statement{
		Sid:          rs.Sid,
		Effect:       rs.Effect,
		Actions:      rs.Action,
		NotActions:   rs.NotAction,
		Resources:    rs.Resource,
		NotResources: rs.NotResource,
	}
	var err error
	if st.Principals, err = parsePrincipals(rs.Principal); err != nil {
		return st, fmt.Errorf("element Principal: %w", err)
	}
	if st.NotPrincipals, err = parsePrincipals(rs.NotPrincipal); err != nil {
		return st, fmt.Errorf("element NotPrincipal: %w", err)
	}
	for _, test := range sortedKeys(rs.Condition) {
		for _, variable := range sortedKeys(rs.Condition[test]) {
			vals, err := conditionValues(rs.Condition[test][variable])
			if err != nil {
				return st, fmt.Errorf("condition %s %s: %w", test, variable, err)
			}
			st.Conditions = append(st.Conditions, Condition{Test: test, Variable: variable, Values: vals})
		}
	}
	return st, nil
}

// stringOrList decodes a JSON string or list of strings into a list.
type stringOrList []string

func (l *stringOrList) UnmarshalJSON(b []byte) error {
	switch firstByte(b) {
	case 'n':
		*l = nil
		return nil
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = []string{s}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("not a string or a list of strings")
	}
	if list == nil {
		list = []string{}
	}
	*l = list
	return nil
}

func parsePrincipals(b json.RawMessage) ([]Principal, error) {
	switch firstByte(b) {
	case 0, 'n':
		return nil, nil
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, err
		}
		if s != "*" {
			return nil, fmt.Errorf(`the only string principal is "*", not %q`, s)
		}
		return []Principal{{Type: "*", Identifiers: []string{"*"}}}, nil
	}
	var m map[string]stringOrList
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf(`not "*" or an object of principal types`)
	}
	out := []Principal{}
	for _, typ := range sortedKeys(m) {
		ids := m[typ]
		if ids == nil {
			ids = []string{}
		}
		out = append(out, Principal{Type: typ, Identifiers: ids})
	}
	return out, nil
}

// conditionValues decodes a string, boolean or number, or a list of them.
func conditionValues(b json.RawMessage) ([]string, error) {
	var items []json.RawMessage
	if firstByte(b) == '[' {
		if err := json.Unmarshal(b, &items); err != nil {
			return nil, err
		}
	} else {
		items = []json.RawMessage{b}
	}
	vals := make([]string, 0, len(items))
	for _, it := range items {
		switch c := firstByte(it); {
		case c == '"':
			var s string
			if err := json.Unmarshal(it, &s); err != nil {
				return nil, err
			}
			vals = append(vals, s)
		case c == 't' || c == 'f' || c == '-' || (c >= '0' && c <= '9'):
			vals = append(vals, string(bytes.TrimSpace(it)))
		default:
			return nil, fmt.Errorf("values must be strings, booleans or numbers")
		}
	}
	return vals, nil
}

func unmarshalNumber(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// firstByte returns the first non-space byte of b, or 0.
func firstByte(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}
