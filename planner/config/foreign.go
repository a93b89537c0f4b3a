package config

import (
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// foreignValue fits the value the prior state records for a block outside
// the catalog (Options.Foreign) to the instances the configuration gives
// it now: an instance the state does not record is unknown, and one the
// configuration no longer has is left out, as Terraform's references would
// see them after planning. When count or for_each cannot be evaluated the
// whole value is unknown, as it always was for such blocks; vpcplan does
// not report problems of arguments it does not evaluate.
func (e *evaluator) foreignValue(r *Resource, recorded cty.Value) cty.Value {
	rty := recorded.Type()
	if r.Count == nil && r.ForEach == nil {
		if rty.IsTupleType() {
			return cty.DynamicVal // the state still has count instances
		}
		return recorded
	}
	n := node{kind: nodeResource, addr: r.Addr}
	ex, diags := e.expand(r, e.scopeNarrow(e.refs[n], e.narrow[n]))
	if diags.HasErrors() || !ex.known {
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
