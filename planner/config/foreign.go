package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// evalForeign evaluates a block of a type outside the catalog (in a .tf
// file): its value is what the prior state records (Options.Foreign),
// else unknown; external either way. Its count or for_each is evaluated
// all the same, and reported as Terraform reports it when it is invalid;
// its other arguments are not evaluated.
func (e *evaluator) evalForeign(r *Resource) {
	var ex expansion
	if meta := r.Count; meta != nil || r.ForEach != nil {
		if meta == nil {
			meta = r.ForEach
		}
		n := node{kind: nodeResource, addr: r.Addr}
		ctx := e.scopeNarrow(e.refs[n], e.narrow[n])
		// An unknown count or for_each is no error here, even at plan
		// time: vpcplan cannot compute much that Terraform can (other
		// providers' data sources), and the instances are not its to plan.
		if v, diags := meta.Expr.Value(exprbound.Scope(ctx, meta.Expr, e.l.limits)); diags.HasErrors() || knownKeys(v) {
			var moreDiags hcl.Diagnostics
			ex, moreDiags = e.expand(r, ctx)
			e.diags = append(e.diags, moreDiags...)
			if moreDiags.HasErrors() {
				ex.known = false
			}
		}
	}
	v := cty.DynamicVal
	if e.opts.Foreign != nil {
		if recorded, ok := e.opts.Foreign(e.abs(r.Addr)); ok {
			v = foreignValue(r, ex, recorded)
		}
	}
	e.setBlock(r.Addr, &blockValue{val: external(v)})
}

// knownKeys reports whether a count or for_each value gives known
// instance keys: it is known, and so are a set's elements.
func knownKeys(v cty.Value) bool {
	v, _ = v.UnmarkDeep()
	return v.IsKnown() && (!v.Type().IsSetType() || v.IsWhollyKnown())
}

// foreignValue fits the value the prior state records for a block outside
// the catalog (Options.Foreign) to the instances the configuration gives
// it now (ex, for a block with count or for_each): an instance the state
// does not record is unknown, and one the configuration no longer has is
// left out, as Terraform's references would see them after planning. When
// count or for_each cannot be evaluated the whole value is unknown.
func foreignValue(r *Resource, ex expansion, recorded cty.Value) cty.Value {
	rty := recorded.Type()
	if r.Count == nil && r.ForEach == nil {
		if rty.IsTupleType() {
			return cty.DynamicVal // the state still has count instances
		}
		return recorded
	}
	if !ex.known {
		return cty.DynamicVal
	}
	if ex.kind == schema.IntKeyKind {
		vals := make([]cty.Value, len(ex.keys))
		for i := range vals {
			vals[i] = cty.DynamicVal
			if rty.IsTupleType() && i < rty.Length() {
				vals[i] = recorded.Index(cty.NumberIntVal(int64(i)))
			}
		}
		return cty.TupleVal(vals)
	}
	obj := make(map[string]cty.Value, len(ex.keys))
	for _, k := range ex.keys {
		obj[k.Str] = cty.DynamicVal
		if rty.IsObjectType() && rty.HasAttribute(k.Str) {
			// An instance is an object (or unknown): anything else is an
			// attribute of a state recorded without for_each.
			if at := rty.AttributeType(k.Str); at.IsObjectType() || at == cty.DynamicPseudoType {
				obj[k.Str] = recorded.GetAttr(k.Str)
			}
		}
	}
	return cty.ObjectVal(obj)
}
