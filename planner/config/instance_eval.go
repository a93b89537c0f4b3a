package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// ownerMark is the cty mark that every attribute a reference argument may
// name (ids, ARNs, bucket names, ...) carries, so that a value derived from
// it, through any expression, still says which instance it came from. The
// linker reads these marks; they never leave this package.
type ownerMark struct {
	addr schema.InstanceAddr
	attr string
}

func convertTo(v cty.Value, ty cty.Type) (cty.Value, error) { return convert.Convert(v, ty) }

func (e *evaluator) spec(r *schema.Resource) hcldec.Spec {
	s, ok := e.specs[r.Type]
	if !ok {
		s = r.Block.DecoderSpec()
		e.specs[r.Type] = s
	}
	return s
}

// evalResource expands a resource or data block into instances and records
// its referenceable value.
func (e *evaluator) evalResource(r *Resource) {
	if r.Schema == nil {
		// A type outside the catalog in a .tf file: skipped, unknown.
		e.blockVals[r.Addr] = cty.DynamicVal
		return
	}
	ctx := e.scope(e.refs[node{kind: nodeResource, addr: r.Addr}])
	ex, diags := e.expand(r, ctx)
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() || !ex.known {
		e.blockVals[r.Addr] = cty.DynamicVal
		if !diags.HasErrors() {
			e.model.Unexpanded = append(e.model.Unexpanded, r.Addr)
		}
		return
	}
	prov := e.providerFor(r)
	dynamic := hasDynamicBlocks(r.Syntax)
	spec := e.spec(r.Schema)
	vals := make([]cty.Value, len(ex.keys))
	for i, key := range ex.keys {
		ictx := ctx
		switch ex.kind {
		case schema.IntKeyKind:
			ictx = ctx.NewChild()
			ictx.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(key.Int))})}
		case schema.StringKeyKind:
			ictx = ctx.NewChild()
			ictx.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(key.Str), "value": ex.values[i]})}
		}
		inst, marked := e.evalInstance(r, r.Addr.Instance(key), spec, ictx, dynamic, prov)
		vals[i] = marked
		e.model.Instances = append(e.model.Instances, inst)
		e.marked[inst] = marked
	}
	switch ex.kind {
	case schema.IntKeyKind:
		e.blockVals[r.Addr] = cty.TupleVal(vals)
	case schema.StringKeyKind:
		obj := make(map[string]cty.Value, len(vals))
		for i, k := range ex.keys {
			obj[k.Str] = vals[i]
		}
		e.blockVals[r.Addr] = cty.ObjectVal(obj)
	default:
		e.blockVals[r.Addr] = vals[0]
	}
}

// evalInstance decodes one instance's body and completes it into a whole
// value. It returns the instance (unmarked value) and the marked value that
// references see.
func (e *evaluator) evalInstance(r *Resource, addr schema.InstanceAddr, spec hcldec.Spec, ctx *hcl.EvalContext, dynamic bool, prov *ProviderConfig) (*Instance, cty.Value) {
	body := r.Body
	if dynamic {
		body = dynblock.Expand(body, ctx)
	}
	cfgVal, diags := hcldec.Decode(body, spec, ctx)
	e.diags = append(e.diags, diags...)
	sch := r.Schema
	if diags.HasErrors() {
		cfgVal = cty.UnknownVal(hcldec.ImpliedType(spec))
	}
	var prior cty.Value
	if e.opts.Known != nil && r.Addr.Mode == schema.ManagedMode {
		if pv, ok := e.opts.Known(addr); ok && pv.Type().IsObjectType() {
			prior = pv
		}
	}
	inst := &Instance{Addr: addr, Resource: r, Schema: sch, Provider: prov}
	full := e.completer.completeBlock(&sch.Block, cfgVal, prior, e.topMarks(inst))
	inst.Region, inst.Account = prov.Region, prov.Account
	if sch.AccountAttr != "" {
		if v := full.GetAttr(sch.AccountAttr); v.IsKnown() && !v.IsNull() {
			uv, _ := v.Unmark()
			inst.Account = uv.AsString()
		}
	}
	if sch.Attributes["region"] != nil && !sch.Attributes["region"].Computed {
		if v := full.GetAttr("region"); v.IsKnown() && !v.IsNull() {
			uv, _ := v.Unmark()
			inst.Region = uv.AsString()
		}
	}
	if r.Addr.Mode == schema.DataMode {
		var moreDiags hcl.Diagnostics
		full, moreDiags = e.readData(r, inst, full)
		e.diags = append(e.diags, moreDiags...)
	}
	unmarked, pvm := full.UnmarkDeepWithPaths()
	inst.Value = unmarked
	for _, pm := range pvm {
		if pm.Marks.Has(funcs.SensitiveMark) {
			inst.SensitivePaths = append(inst.SensitivePaths, pm.Path)
		}
	}
	return inst, full
}

// completer builds whole instance values. It caches the implied types of
// schema blocks, which are costly to compute and needed for every
// instance.
type completer struct {
	types map[*schema.Block]cty.Type
}

func (c *completer) impliedType(b *schema.Block) cty.Type {
	ty, ok := c.types[b]
	if !ok {
		ty = b.ImpliedType()
		c.types[b] = ty
	}
	return ty
}

// topMark returns the marks to add to a top-level attribute, or nil.
type topMark func(name string, a *schema.Attribute) []any

// completeBlock turns a decoded configuration object into a whole value of
// the block's implied type: omitted optional attributes take their default
// (or null), computed ones take the prior value when there is one and are
// unknown otherwise. mark, when not nil, adds marks to top-level attributes
// in the same pass.
func (c *completer) completeBlock(b *schema.Block, cfg cty.Value, prior cty.Value, mark topMark) cty.Value {
	ty := c.impliedType(b)
	cfg, marks := cfg.Unmark()
	if cfg.IsNull() {
		return cty.NullVal(ty).WithMarks(marks)
	}
	if !cfg.IsKnown() {
		return cty.UnknownVal(ty).WithMarks(marks)
	}
	if prior != cty.NilVal && (prior.IsNull() || !prior.IsKnown()) {
		prior = cty.NilVal
	}
	cfgTy := cfg.Type()
	attrs := make(map[string]cty.Value, len(b.Attributes)+len(b.Blocks))
	for name, a := range b.Attributes {
		v := cty.NullVal(a.Type)
		if cfgTy.HasAttribute(name) {
			v = cfg.GetAttr(name)
		}
		if v.IsNull() {
			switch {
			case a.Default != cty.NilVal:
				if dv, err := convert.Convert(a.Default, a.Type); err == nil {
					v = dv
				}
			case a.Computed:
				v = cty.UnknownVal(a.Type)
				if prior != cty.NilVal && prior.Type().HasAttribute(name) {
					if pv := prior.GetAttr(name); pv.IsKnown() {
						if cv, err := convert.Convert(pv, a.Type); err == nil {
							v = cv
						}
					}
				}
			}
		}
		if mark != nil {
			if ms := mark(name, a); len(ms) > 0 {
				v = v.WithMarks(cty.NewValueMarks(ms...))
			}
		}
		attrs[name] = v
	}
	for name, nb := range b.Blocks {
		v := cty.NullVal(ty.AttributeType(name))
		if cfgTy.HasAttribute(name) {
			v = cfg.GetAttr(name)
		}
		attrs[name] = c.completeNested(nb, v, ty.AttributeType(name))
	}
	return cty.ObjectVal(attrs).WithMarks(marks)
}

func (c *completer) completeNested(nb *schema.NestedBlock, v cty.Value, ty cty.Type) cty.Value {
	v, marks := v.Unmark()
	if !v.IsKnown() {
		return cty.UnknownVal(ty).WithMarks(marks)
	}
	if nb.Nesting == schema.NestingSingle {
		return c.completeBlock(&nb.Block, v, cty.NilVal, nil).WithMarks(marks)
	}
	if v.IsNull() || v.LengthInt() == 0 {
		if ty.IsSetType() {
			return cty.SetValEmpty(ty.ElementType()).WithMarks(marks)
		}
		return cty.ListValEmpty(ty.ElementType()).WithMarks(marks)
	}
	elems := make([]cty.Value, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		elems = append(elems, c.completeBlock(&nb.Block, ev, cty.NilVal, nil))
	}
	if ty.IsSetType() {
		return cty.SetVal(elems).WithMarks(marks)
	}
	return cty.ListVal(elems).WithMarks(marks)
}

// topMarks returns the marks of an instance's top-level attributes: the
// sensitive mark where the schema says so, and the owner mark on every
// attribute that reference arguments may name.
func (e *evaluator) topMarks(inst *Instance) topMark {
	targets := e.targets[inst.Addr.Resource.Type]
	if inst.Addr.Resource.Mode != schema.ManagedMode {
		targets = nil
	}
	return func(name string, a *schema.Attribute) []any {
		var ms []any
		if a.Sensitive {
			ms = append(ms, funcs.SensitiveMark)
		}
		if targets[name] {
			ms = append(ms, ownerMark{addr: inst.Addr, attr: name})
		}
		return ms
	}
}
