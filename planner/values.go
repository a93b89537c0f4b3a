package planner

import (
	"fmt"
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// sameValue compares two values of one attribute for planning: unknown is
// never the same as anything, and a null collection equals an empty one
// (the provider stores {} where the configuration says nothing).
func sameValue(a, b cty.Value) bool {
	if !a.IsKnown() || !b.IsKnown() {
		return false
	}
	if a.IsNull() != b.IsNull() {
		x := a
		if a.IsNull() {
			x = b
		}
		ty := x.Type()
		if (ty.IsCollectionType() || ty.IsTupleType()) && x.IsWhollyKnown() && x.LengthInt() == 0 {
			return true
		}
		return false
	}
	if a.IsNull() {
		return true
	}
	// equalKnown is false wherever either holds an unknown value, at any
	// depth, so no separate walk for unknowns is needed.
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
// attributes and blocks, nested blocks in which a ForceNew attribute
// changed, and the replacements AWS makes although the provider does not
// mark them (LANGUAGE.md): a Gateway Load Balancer endpoint's subnets, and
// private_dns_enabled of any endpoint but an Interface endpoint. As the
// provider does, a region recorded empty (a state written before provider
// v6) that becomes the provider's own Region (providerRegion) is no change
// of Region.
func replacePaths(sch *schema.Resource, prior, planned cty.Value, providerRegion string) []cty.Path {
	var out []cty.Path
	for _, name := range changedAttrs(&sch.Block, prior, planned) {
		if a := sch.Attributes[name]; a != nil {
			if name == "region" && regionUnchanged(prior.GetAttr(name), planned.GetAttr(name), providerRegion) {
				continue
			}
			if a.ForceNew || awsForcesNew(sch, name, planned) {
				out = append(out, cty.GetAttrPath(name))
			}
			continue
		}
		nb := sch.Blocks[name]
		if nb.ForceNew || nestedForcesNew(nb, prior.GetAttr(name), planned.GetAttr(name)) {
			out = append(out, cty.GetAttrPath(name))
		}
	}
	return out
}

// regionUnchanged reports whether a region recorded empty becomes the
// provider's Region.
func regionUnchanged(prior, planned cty.Value, providerRegion string) bool {
	if providerRegion == "" || !prior.IsKnown() || !planned.IsKnown() || planned.IsNull() {
		return false
	}
	return (prior.IsNull() || prior.AsString() == "") && planned.AsString() == providerRegion
}

// nestedForcesNew reports whether the change from prior to planned of a
// nested block type changes a ForceNew attribute (at any depth): list
// elements compare by position, a missing element as null; set elements
// that are in one value only must each find a partner in the other that
// agrees on every ForceNew attribute. An unknown ForceNew value forces a
// replacement unless it is computed (AWS decides it, the provider keeps
// it).
func nestedForcesNew(nb *schema.NestedBlock, prior, planned cty.Value) bool {
	if !blockHasForceNew(&nb.Block) {
		return false
	}
	if !prior.IsKnown() || !planned.IsKnown() {
		return true
	}
	elems := func(v cty.Value) []cty.Value {
		switch {
		case v.IsNull():
			return nil
		case v.Type().IsObjectType():
			return []cty.Value{v}
		}
		return v.AsValueSlice()
	}
	ps, qs := elems(prior), elems(planned)
	if nb.Nesting != schema.NestingSet {
		for i := 0; i < len(ps) || i < len(qs); i++ {
			p, q := cty.NullVal(nb.Block.ImpliedType()), cty.NullVal(nb.Block.ImpliedType())
			if i < len(ps) {
				p = ps[i]
			}
			if i < len(qs) {
				q = qs[i]
			}
			if elementForcesNew(&nb.Block, p, q) {
				return true
			}
		}
		return false
	}
	onlyIn := func(a, b []cty.Value) []cty.Value {
		var out []cty.Value
		for _, x := range a {
			found := false
			for _, y := range b {
				if equalKnown(x, y) {
					found = true
					break
				}
			}
			if !found {
				out = append(out, x)
			}
		}
		return out
	}
	// Sets of blocks are small: comparing every pair costs little.
	added, removed := onlyIn(qs, ps), onlyIn(ps, qs)
	partnered := func(xs, ys []cty.Value) bool {
		for _, x := range xs {
			ok := false
			for _, y := range ys {
				if !elementForcesNew(&nb.Block, y, x) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	return !partnered(added, removed) || !partnered(removed, added)
}

// elementForcesNew compares the ForceNew attributes of one block element.
func elementForcesNew(b *schema.Block, prior, planned cty.Value) bool {
	get := func(v cty.Value, name string) cty.Value {
		if v.IsNull() {
			return cty.NullVal(v.Type().AttributeType(name))
		}
		return v.GetAttr(name)
	}
	for name, a := range b.Attributes {
		if !a.ForceNew {
			continue
		}
		p, q := get(prior, name), get(planned, name)
		if !q.IsKnown() {
			if a.Computed {
				continue
			}
			return true
		}
		if q.IsNull() && a.Computed {
			continue // left to AWS
		}
		if !sameValue(p, q) {
			return true
		}
	}
	for name, nb := range b.Blocks {
		if nb.ForceNew && !sameValue(get(prior, name), get(planned, name)) {
			return true
		}
		if nestedForcesNew(nb, get(prior, name), get(planned, name)) {
			return true
		}
	}
	return false
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
// every attribute AWS computes for the new object: computed attributes the
// configuration does not write, in nested blocks too, as a create would
// have them. Computed blocks the configuration leaves out are empty, as in
// a create.
func unknownComputed(sch *schema.Resource, planned cty.Value, r *config.Instance) cty.Value {
	if !planned.IsKnown() || planned.IsNull() {
		return planned
	}
	return withTagsAll(unknownComputedBlock(&sch.Block, planned, r, ""))
}

// unknownComputedBlock is unknownComputed for one block value written at
// prefix ("" for the resource, "dns_options[0]." for a nested one).
func unknownComputedBlock(b *schema.Block, v cty.Value, r *config.Instance, prefix string) cty.Value {
	if !v.IsKnown() || v.IsNull() {
		return v
	}
	attrs := v.AsValueMap()
	for name, a := range b.Attributes {
		if a.Computed && !r.Ranges(prefix+name).Found {
			attrs[name] = cty.UnknownVal(a.Type)
		}
	}
	for name, nb := range b.Blocks {
		bv := attrs[name]
		if !bv.IsKnown() || bv.IsNull() {
			continue
		}
		if nb.Computed && !r.Ranges(prefix+name).Found {
			attrs[name] = emptyBlocks(nb, bv.Type())
			continue
		}
		if !blockHasComputed(&nb.Block) {
			continue
		}
		switch {
		case nb.Nesting == schema.NestingSingle:
			attrs[name] = unknownComputedBlock(&nb.Block, bv, r, prefix+name+".")
		case bv.LengthInt() == 0:
		case nb.Nesting == schema.NestingList:
			elems := bv.AsValueSlice()
			for i, e := range elems {
				elems[i] = unknownComputedBlock(&nb.Block, e, r, fmt.Sprintf("%s%s[%d].", prefix, name, i))
			}
			attrs[name] = cty.ListVal(elems)
		default:
			elems := bv.AsValueSlice()
			for i, e := range elems {
				elems[i] = unknownComputedBlock(&nb.Block, e, r, prefix+name+"[*].")
			}
			attrs[name] = cty.SetVal(elems)
		}
	}
	return cty.ObjectVal(attrs)
}

// emptyBlocks is the value of a nested block type written nowhere.
func emptyBlocks(nb *schema.NestedBlock, ty cty.Type) cty.Value {
	switch {
	case nb.Nesting == schema.NestingSingle:
		return cty.NullVal(ty)
	case ty.IsSetType():
		return cty.SetValEmpty(ty.ElementType())
	case ty.IsListType():
		return cty.ListValEmpty(ty.ElementType())
	}
	return cty.NullVal(ty)
}

// blockHasComputed reports whether a block or a block nested in it has
// computed attributes or blocks.
func blockHasComputed(b *schema.Block) bool {
	for _, a := range b.Attributes {
		if a.Computed {
			return true
		}
	}
	for _, nb := range b.Blocks {
		if nb.Computed || blockHasComputed(&nb.Block) {
			return true
		}
	}
	return false
}

// recomputed is the planned value of an in-place update: computed
// attributes keep their prior values (the evaluation took them), except
// those AWS recomputes when an argument they depend on changes
// (schema.Attribute.RecomputedOn), which become unknown.
func recomputed(sch *schema.Resource, prior, planned cty.Value) cty.Value {
	planned = withTagsAll(planned)
	if !planned.IsKnown() || planned.IsNull() || prior.IsNull() || !prior.IsKnown() {
		return planned
	}
	var attrs map[string]cty.Value
	for name, a := range sch.Attributes {
		for _, arg := range a.RecomputedOn {
			if sameValue(prior.GetAttr(arg), planned.GetAttr(arg)) {
				continue
			}
			if attrs == nil {
				attrs = planned.AsValueMap()
			}
			attrs[name] = cty.UnknownVal(a.Type)
			break
		}
	}
	if attrs == nil {
		return planned
	}
	return cty.ObjectVal(attrs)
}

// externalPaths returns the paths of the instance's planned value that
// derive from values outside vpcplan's model: those the evaluator's marks
// found, and, when everything the instance depends on is settled
// (config.Instance.DepsSettled), every argument the configuration writes
// whose value is not wholly known, since nothing inside the model can have
// made it unknown.
func externalPaths(inst *config.Instance, planned cty.Value) []cty.Path {
	if !inst.DepsSettled || planned.IsWhollyKnown() {
		return inst.ExternalPaths
	}
	paths := unknownArgs(&inst.Schema.Block, planned, inst, nil, "")
	if len(paths) == 0 {
		return inst.ExternalPaths
	}
	return append(paths, inst.ExternalPaths...)
}

// unknownArgs returns the paths of the arguments of a block value that the
// configuration writes (the instance's Ranges, at prefix) and that are not wholly
// known: inside list and single blocks per element, a set of blocks as a
// whole. An optional+computed argument left unset is unknown because AWS
// will choose it, not because of an unknown input: it is not returned.
func unknownArgs(b *schema.Block, v cty.Value, r *config.Instance, base cty.Path, prefix string) []cty.Path {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	var out []cty.Path
	for _, name := range b.AttributeNames() {
		a := b.Attributes[name]
		if a.Computed && !a.Optional || v.GetAttr(name).IsWhollyKnown() {
			continue
		}
		if a.Computed && !r.Ranges(prefix+name).Found {
			continue
		}
		out = append(out, appendStep(base, cty.GetAttrStep{Name: name}))
	}
	for _, name := range b.BlockNames() {
		nb := b.Blocks[name]
		bv := v.GetAttr(name)
		p := appendStep(base, cty.GetAttrStep{Name: name})
		switch {
		case bv.IsWhollyKnown():
		case !bv.IsKnown():
			out = append(out, p)
		case nb.Nesting == schema.NestingSet:
			for _, e := range bv.AsValueSlice() {
				if len(unknownArgs(&nb.Block, e, r, nil, prefix+name+"[*].")) > 0 {
					out = append(out, p)
					break
				}
			}
		case nb.Nesting == schema.NestingSingle:
			out = append(out, unknownArgs(&nb.Block, bv, r, p, prefix+name+".")...)
		default:
			for i, e := range bv.AsValueSlice() {
				out = append(out, unknownArgs(&nb.Block, e, r, appendStep(p, cty.IndexStep{Key: cty.NumberIntVal(int64(i))}), fmt.Sprintf("%s%s[%d].", prefix, name, i))...)
			}
		}
	}
	return out
}

func appendStep(base cty.Path, s cty.PathStep) cty.Path {
	p := make(cty.Path, 0, len(base)+1)
	return append(append(p, base...), s)
}

// keepExternal keeps, in the planned value of an existing instance, the
// prior value of every argument that derives from a value outside
// vpcplan's model and is still unknown for that reason (paths, from
// config.Instance.ExternalPaths): nothing vpcplan can see changed it. It
// returns the paths it kept, sorted. A path that does not exist in the
// prior value is left unknown.
func keepExternal(paths []cty.Path, prior, planned cty.Value) (cty.Value, []cty.Path) {
	if len(paths) == 0 || prior.IsNull() || !prior.IsKnown() || !planned.IsKnown() || planned.IsNull() {
		return planned, nil
	}
	var kept []cty.Path
	for _, p := range uniquePaths(paths) {
		cur, err := p.Apply(planned)
		if err != nil || cur.IsWhollyKnown() {
			continue
		}
		old, err := p.Apply(prior)
		if err != nil || !old.IsWhollyKnown() {
			continue
		}
		planned = replaceAt(planned, p, old)
		kept = append(kept, p)
	}
	sort.Slice(kept, func(i, j int) bool { return pathString(kept[i]) < pathString(kept[j]) })
	return planned, kept
}

// replaceAt returns v with the value at path p replaced by x.
func replaceAt(v cty.Value, p cty.Path, x cty.Value) cty.Value {
	out, err := cty.Transform(v, func(q cty.Path, y cty.Value) (cty.Value, error) {
		if q.Equals(p) {
			return x, nil
		}
		return y, nil
	})
	if err != nil {
		return v
	}
	return out
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
