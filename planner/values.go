package planner

import (
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// sameValue compares two values of one attribute for planning: unknown is
// never the same as anything, and a null collection equals an empty one
// (the provider stores {} where the configuration says nothing).
func sameValue(a, b cty.Value) bool {
	if !a.IsWhollyKnown() || !b.IsWhollyKnown() {
		return false
	}
	if a.IsNull() != b.IsNull() {
		x := a
		if a.IsNull() {
			x = b
		}
		ty := x.Type()
		if (ty.IsCollectionType() || ty.IsTupleType()) && x.LengthInt() == 0 {
			return true
		}
		return false
	}
	if a.IsNull() {
		return true
	}
	return equalKnown(a, b)
}

// equalKnown reports whether two wholly known values are equal. It walks
// them directly, without the mark and unknown bookkeeping of cty's Equals,
// which dominated no-op plans of large states; marked values and values
// whose types differ in kind fall back to Equals.
func equalKnown(a, b cty.Value) bool {
	if a.IsMarked() || b.IsMarked() {
		eq, _ := a.Equals(b).Unmark()
		return eq.IsKnown() && eq.True()
	}
	if !a.IsKnown() || !b.IsKnown() {
		return false
	}
	if a.IsNull() || b.IsNull() {
		return a.IsNull() && b.IsNull()
	}
	ta, tb := a.Type(), b.Type()
	switch {
	case ta == cty.String && tb == cty.String:
		return a.AsString() == b.AsString()
	case ta == cty.Bool && tb == cty.Bool:
		return a.True() == b.True()
	case ta.IsObjectType() && tb.IsObjectType():
		atys := ta.AttributeTypes()
		if len(atys) != len(tb.AttributeTypes()) {
			return false
		}
		for name := range atys {
			if !tb.HasAttribute(name) || !equalKnown(a.GetAttr(name), b.GetAttr(name)) {
				return false
			}
		}
		return true
	case ta.IsListType() && tb.IsListType(), ta.IsSetType() && tb.IsSetType(), ta.IsMapType() && tb.IsMapType(), ta.IsTupleType() && tb.IsTupleType():
		// Sets iterate in their canonical order and maps in key order, so
		// equal collections iterate alike.
		if a.LengthInt() != b.LengthInt() {
			return false
		}
		ia, ib := a.ElementIterator(), b.ElementIterator()
		for ia.Next() && ib.Next() {
			ka, va := ia.Element()
			kb, vb := ib.Element()
			if ta.IsMapType() && ka.AsString() != kb.AsString() {
				return false
			}
			if !equalKnown(va, vb) {
				return false
			}
		}
		return true
	}
	eq := a.Equals(b)
	return eq.IsKnown() && eq.True()
}

// changedAttrs returns the top-level attributes and nested block types
// whose values differ, sorted.
func changedAttrs(b *schema.Block, prior, planned cty.Value) []string {
	var out []string
	if prior.IsNull() || planned.IsNull() || !prior.IsKnown() || !planned.IsKnown() {
		for _, n := range b.AttributeNames() {
			out = append(out, n)
		}
		return append(out, b.BlockNames()...)
	}
	for n := range b.Attributes {
		if !sameValue(prior.GetAttr(n), planned.GetAttr(n)) {
			out = append(out, n)
		}
	}
	for n := range b.Blocks {
		if !sameValue(prior.GetAttr(n), planned.GetAttr(n)) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// replacePaths returns the changed paths that force a replacement: ForceNew
// attributes and blocks, nested blocks holding a changed ForceNew
// attribute, and the replacements AWS makes although the provider does not
// mark them (LANGUAGE.md): a Gateway Load Balancer endpoint's subnets, and
// private_dns_enabled of any endpoint but an Interface endpoint.
func replacePaths(sch *schema.Resource, prior, planned cty.Value) []cty.Path {
	var out []cty.Path
	for _, name := range changedAttrs(&sch.Block, prior, planned) {
		if a := sch.Attributes[name]; a != nil {
			if a.ForceNew || awsForcesNew(sch, name, planned) {
				out = append(out, cty.GetAttrPath(name))
			}
			continue
		}
		nb := sch.Blocks[name]
		if nb.ForceNew || blockHasForceNew(&nb.Block) {
			out = append(out, cty.GetAttrPath(name))
		}
	}
	return out
}

func awsForcesNew(sch *schema.Resource, attr string, planned cty.Value) bool {
	if sch.Type != schema.TypeVPCEndpoint {
		return false
	}
	t := planned.GetAttr("vpc_endpoint_type")
	if !t.IsKnown() || t.IsNull() {
		return false
	}
	switch attr {
	case "subnet_ids":
		return t.AsString() == string(schema.EndpointGatewayLoadBalancer)
	case "private_dns_enabled":
		return t.AsString() != string(schema.EndpointInterface)
	}
	return false
}

func blockHasForceNew(b *schema.Block) bool {
	for _, a := range b.Attributes {
		if a.ForceNew {
			return true
		}
	}
	for _, nb := range b.Blocks {
		if nb.ForceNew || blockHasForceNew(&nb.Block) {
			return true
		}
	}
	return false
}

// applyIgnoreChanges keeps the prior value of the attributes that
// lifecycle.ignore_changes names (top-level; a deeper path keeps its whole
// top-level attribute).
func applyIgnoreChanges(inst *config.Instance, prior cty.Value) cty.Value {
	lc := inst.Resource.Lifecycle
	planned := inst.Value
	if !planned.IsKnown() || planned.IsNull() || prior.IsNull() || !prior.IsKnown() {
		return planned
	}
	if lc.IgnoreAllChanges {
		return prior
	}
	if len(lc.IgnoreChanges) == 0 {
		return planned
	}
	attrs := planned.AsValueMap()
	for _, t := range lc.IgnoreChanges {
		name := t.RootName()
		if _, ok := attrs[name]; ok {
			attrs[name] = prior.GetAttr(name)
		}
	}
	return cty.ObjectVal(attrs)
}

// unknownComputed makes unknown, in the planned value of a replacement,
// every attribute AWS computes for the new object: computed attributes
// the configuration does not write.
func unknownComputed(b *schema.Block, planned cty.Value, r *config.Resource) cty.Value {
	if !planned.IsKnown() || planned.IsNull() {
		return planned
	}
	attrs := planned.AsValueMap()
	for name, a := range b.Attributes {
		if a.Computed && !r.Ranges(name).Found {
			attrs[name] = cty.UnknownVal(a.Type)
		}
	}
	return withTagsAll(cty.ObjectVal(attrs))
}

// deriveComputed fills the planned value of an update: computed
// attributes keep their prior value, except those derived from a changed
// argument.
func deriveComputed(sch *schema.Resource, prior, planned cty.Value) cty.Value {
	return withTagsAll(planned)
}

// withTagsAll sets tags_all from tags, as the provider does without
// default_tags (vpcplan does not model default_tags).
func withTagsAll(v cty.Value) cty.Value {
	if !v.IsKnown() || v.IsNull() || !v.Type().HasAttribute("tags_all") || !v.Type().HasAttribute("tags") {
		return v
	}
	tags := v.GetAttr("tags")
	if !tags.IsWhollyKnown() {
		return v
	}
	want := tags
	if tags.IsNull() {
		want = cty.MapValEmpty(cty.String)
	}
	if cur := v.GetAttr("tags_all"); cur.IsWhollyKnown() && cur.RawEquals(want) {
		return v // the common case: nothing to rebuild
	}
	attrs := v.AsValueMap()
	attrs["tags_all"] = want
	return cty.ObjectVal(attrs)
}

// withTagsAllSensitive adds, for every sensitive path under tags, the same
// path under tags_all, which withTagsAll copies from tags.
func withTagsAllSensitive(paths []cty.Path) []cty.Path {
	out := paths
	for _, p := range paths {
		if len(p) > 0 {
			if step, ok := p[0].(cty.GetAttrStep); ok && step.Name == "tags" {
				q := append(cty.Path{cty.GetAttrStep{Name: "tags_all"}}, p[1:]...)
				out = append(out, q)
			}
		}
	}
	return out
}
