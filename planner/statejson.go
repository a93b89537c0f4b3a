package planner

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/jsonscan"
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The state's attributes are read once, guided by the schema's types (the
// primitives, lists, sets, maps and objects schemas use): much faster than
// cty/json.Unmarshal or decoding through encoding/json, which matters when
// a state holds 100,000 instances. Object attributes missing from the JSON
// are null (an older provider wrote the instance); extra ones are skipped
// (a newer provider wrote them; UnknownAttributeWarnings reports them).
// Anything else that is not valid JSON of the type is an error that names
// the byte offset.

// readWhole reads raw as one JSON text with read. An empty text or a null
// is nothing (empty true, read not called); anything after the value is
// an error.
func readWhole(raw []byte, read func(r *jsonscan.Reader) error) (empty bool, err error) {
	r := &jsonscan.Reader{B: raw}
	if r.Peek() == 0 {
		return true, nil
	}
	if null, err := r.Null(); null || err != nil {
		if err == nil {
			err = r.End()
		}
		return true, err
	}
	if err := read(r); err != nil {
		return false, err
	}
	return false, r.End()
}

// readValue reads a value of type ty.
func readValue(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	if null, err := r.Null(); null {
		return cty.NullVal(ty), err
	}
	switch {
	case ty == cty.String:
		s, err := r.String()
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s), nil
	case ty == cty.Bool:
		b, err := r.Bool()
		if err != nil {
			return cty.NilVal, err
		}
		return cty.BoolVal(b), nil
	case ty == cty.Number:
		return readNumber(r)
	case ty.IsListType() || ty.IsSetType():
		return readCollection(r, ty)
	case ty.IsMapType():
		return readMap(r, ty)
	case ty.IsObjectType():
		return readObject(r, ty)
	}
	return cty.NilVal, fmt.Errorf("unsupported type %s", ty.FriendlyName())
}

func readCollection(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	ety := ty.ElementType()
	var vals []cty.Value
	err := r.Elements(func() error {
		v, err := readValue(r, ety)
		vals = append(vals, v)
		return err
	})
	switch {
	case err != nil:
		return cty.NilVal, err
	case len(vals) == 0 && ty.IsSetType():
		return cty.SetValEmpty(ety), nil
	case len(vals) == 0:
		return cty.ListValEmpty(ety), nil
	case ty.IsSetType():
		return cty.SetVal(vals), nil
	}
	return cty.ListVal(vals), nil
}

func readMap(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	vals := map[string]cty.Value{}
	err := r.Members(func(key string) error {
		v, err := readValue(r, ty.ElementType())
		vals[key] = v
		return err
	})
	if err != nil {
		return cty.NilVal, err
	}
	if len(vals) == 0 {
		return cty.MapValEmpty(ty.ElementType()), nil
	}
	return cty.MapVal(vals), nil
}

func readObject(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	vals, err := readObjectFields(r, ty)
	if err != nil {
		return cty.NilVal, err
	}
	return cty.ObjectVal(vals), nil
}

// decodeResourceAttributes decodes an instance's state attributes as a
// value of the schema's implied type ty, and also returns its top-level
// fields in the order of sch.TopLevelNames (config.Instance.TopLevel's
// order), so that diffs compare fields without looking each up.
func decodeResourceAttributes(raw json.RawMessage, sch *schema.Resource, ty cty.Type) (cty.Value, []cty.Value, error) {
	var vals map[string]cty.Value
	empty, err := readWhole(raw, func(r *jsonscan.Reader) (err error) {
		vals, err = readObjectFields(r, ty)
		return err
	})
	switch {
	case err != nil:
		return cty.NilVal, nil, err
	case empty:
		return cty.NullVal(ty), nil, nil
	}
	top := make([]cty.Value, len(sch.TopLevelNames()))
	for name, v := range vals {
		if i, ok := sch.TopLevelIndex(name); ok {
			top[i] = v
		}
	}
	return cty.ObjectVal(vals), top, nil
}

// readObjectFields reads an object of type ty into its fields: every
// attribute of the type, null where the JSON has none.
func readObjectFields(r *jsonscan.Reader, ty cty.Type) (map[string]cty.Value, error) {
	atys := ty.AttributeTypes()
	vals := make(map[string]cty.Value, len(atys))
	err := r.Members(func(key string) error {
		aty, ok := atys[key]
		if !ok {
			return r.Skip()
		}
		v, err := readValue(r, aty)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		vals[key] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, aty := range atys {
		if _, ok := vals[name]; !ok {
			vals[name] = cty.NullVal(aty)
		}
	}
	return vals, nil
}

// readNumber reads a JSON number as cty's arbitrary-precision number.
func readNumber(r *jsonscan.Reader) (cty.Value, error) {
	start := r.I
	lit, err := r.Number()
	if err != nil {
		return cty.NilVal, err
	}
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return cty.NumberIntVal(n), nil
	}
	f, _, err := big.ParseFloat(lit, 10, 512, big.ToNearestEven)
	if err != nil {
		r.I = start
		return cty.NilVal, r.Errorf("%s is not a number", lit)
	}
	return cty.NumberVal(f), nil
}

// UnknownAttributeWarnings reports the attributes that instances of the
// prior state have and their schema does not (another version of the
// provider wrote them): decoding skips them, so the plan ignores them, and
// apply writes an instance back as the state has it unless it changes the
// instance. There is one warning per resource type and set of attributes,
// naming the first instances that have them, in state order. Module
// instances and types outside the catalog are not decoded, so not checked.
// prior may be nil.
func UnknownAttributeWarnings(prior *state.State, catalog *schema.Catalog) hcl.Diagnostics {
	if prior == nil {
		return nil
	}
	type found struct {
		addr  schema.InstanceAddr
		ty    cty.Type
		raw   json.RawMessage
		names []string
	}
	var all []*found
	catalogInstances(prior, catalog, func(r *state.Resource, inst *state.Instance, sch *schema.Resource, ty cty.Type) {
		if key, err := state.DecodeKey(inst.IndexKey); err == nil {
			addr := schema.Addr{Module: r.Module, Mode: sch.Mode, Type: sch.Type, Name: r.Name}.Instance(key)
			all = append(all, &found{addr: addr, ty: ty, raw: inst.Attributes})
		}
	})
	parallel.For(len(all), func(i int) { all[i].names = unknownAttributes(all[i].raw, all[i].ty) })

	type group struct {
		typ   string // "aws_vpc", "data source aws_region"
		names []string
		addrs []schema.InstanceAddr
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, f := range all {
		if len(f.names) == 0 {
			continue
		}
		key := strconv.Itoa(int(f.addr.Resource.Mode)) + "\x00" + string(f.addr.Resource.Type) + "\x00" + strings.Join(f.names, "\x00")
		g := byKey[key]
		if g == nil {
			g = &group{typ: string(f.addr.Resource.Type), names: f.names}
			if f.addr.Resource.Mode == schema.DataMode {
				g.typ = "data source " + g.typ
			}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.addrs = append(g.addrs, f.addr)
	}
	var diags hcl.Diagnostics
	for _, g := range groups {
		quoted := make([]string, len(g.names))
		for i, n := range g.names {
			quoted[i] = strconv.Quote(n)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Unknown attributes in state",
			Detail: fmt.Sprintf("The state records %s for %s, which vpcplan's schema of %s does not have; another version of the provider wrote %s. vpcplan ignores %[4]s when planning and keeps %[4]s in the state: apply writes an instance back as it is unless it changes that instance.",
				nounList("attribute", quoted), instanceList(g.addrs), g.typ, pronoun(len(quoted))),
		})
	}
	return diags
}

// nounList writes `attribute "a"` or `attributes "a", "b" and "c"`.
func nounList(noun string, items []string) string {
	if len(items) == 1 {
		return noun + " " + items[0]
	}
	return noun + "s " + strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// instanceList names up to three instances and counts the rest.
func instanceList(addrs []schema.InstanceAddr) string {
	const shown = 3
	names := make([]string, 0, shown+1)
	for i, a := range addrs {
		if i == shown {
			names = append(names, fmt.Sprintf("%d other instances", len(addrs)-shown))
			break
		}
		names = append(names, a.String())
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// unknownAttributes returns the attributes raw has that ty does not, as
// dotted paths (nested blocks' attributes after their block's name:
// "ingress.foo"), sorted and without duplicates. JSON that does not match
// ty gives what was found until then: decoding reports the mismatch.
func unknownAttributes(raw json.RawMessage, ty cty.Type) []string {
	var names []string
	_, _ = readWhole(raw, func(r *jsonscan.Reader) error {
		return scanUnknown(r, ty, "", func(name string) { names = append(names, name) })
	})
	if len(names) < 2 {
		return names
	}
	sort.Strings(names)
	kept := names[:1]
	for _, n := range names[1:] {
		if n != kept[len(kept)-1] {
			kept = append(kept, n)
		}
	}
	return kept
}

// scanUnknown reads a value of type ty, calling found with the path of
// every object attribute that ty does not have.
func scanUnknown(r *jsonscan.Reader, ty cty.Type, prefix string, found func(string)) error {
	if null, err := r.Null(); null || err != nil {
		return err
	}
	switch {
	case ty.IsObjectType():
		atys := ty.AttributeTypes()
		return r.Members(func(key string) error {
			aty, ok := atys[key]
			if !ok {
				found(prefix + key)
				return r.Skip()
			}
			return scanUnknown(r, aty, prefix+key+".", found)
		})
	case ty.IsListType() || ty.IsSetType():
		if !ty.ElementType().IsObjectType() {
			return r.Skip()
		}
		return r.Elements(func() error { return scanUnknown(r, ty.ElementType(), prefix, found) })
	case ty.IsMapType():
		if !ty.ElementType().IsObjectType() {
			return r.Skip()
		}
		return r.Members(func(string) error { return scanUnknown(r, ty.ElementType(), prefix, found) })
	}
	return r.Skip()
}
