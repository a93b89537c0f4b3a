package config

import (
	"fmt"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"
)

// expansion is the set of instance keys of a block with each key's
// each.value (for_each) or nothing (count, single).
type expansion struct {
	keys   []schema.InstanceKey
	values []cty.Value // each.value for for_each, parallel to keys
	kind   schema.KeyKind
	// known is false when count or for_each is unknown: the block has no
	// instances yet, and its value is unknown.
	known bool
	// unknownErr is set at plan time when the value is unknown: Terraform's
	// error, which settleUnknown reports unless the value comes from
	// outside vpcplan's model. external says the value carried the
	// external mark.
	unknownErr *hcl.Diagnostic
	external   bool
}

// expand evaluates count or for_each. At validate time an unknown value
// gives an unknown expansion; at plan time it is an error, as in Terraform.
func (e *evaluator) expand(r *Resource, ctx *hcl.EvalContext) (expansion, hcl.Diagnostics) {
	return e.expandMeta(r.Count, r.ForEach, ctx)
}

// expandMeta evaluates the count or for_each argument of a resource or
// module call (nil when absent); with neither, there is one instance.
func (e *evaluator) expandMeta(count, forEach *hcl.Attribute, ctx *hcl.EvalContext) (expansion, hcl.Diagnostics) {
	switch {
	case count != nil:
		return e.expandCount(count, ctx)
	case forEach != nil:
		return e.expandForEach(forEach, ctx)
	}
	return expansion{keys: []schema.InstanceKey{schema.NoKey}, values: []cty.Value{cty.NilVal}, kind: schema.NoKeyKind, known: true}, nil
}

// instanceScope returns ctx with count.index or each.key and each.value
// set for the instance with the given key (each is each.value); a key of
// no kind leaves ctx as it is.
func instanceScope(ctx *hcl.EvalContext, key schema.InstanceKey, each cty.Value) *hcl.EvalContext {
	switch key.Kind {
	case schema.IntKeyKind:
		ctx = ctx.NewChild()
		ctx.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(key.Int))})}
	case schema.StringKeyKind:
		ctx = ctx.NewChild()
		ctx.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(key.Str), "value": each})}
	}
	return ctx
}

func (e *evaluator) expandCount(attr *hcl.Attribute, ctx *hcl.EvalContext) (expansion, hcl.Diagnostics) {
	v, diags := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, e.l.limits))
	if diags.HasErrors() {
		return expansion{}, diags
	}
	ext := fromOutside(v) || (!v.IsWhollyKnown() && refersOutside(attr.Expr, ctx))
	v, _ = v.UnmarkDeep()
	// Terraform's errors (evaluateCountExpressionValue): the value is
	// converted to a number first, and no values are shown.
	v, err := convert.Convert(v, cty.Number)
	if err != nil {
		return expansion{}, append(diags, &hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     "Incorrect value type",
			Detail:      fmt.Sprintf("Invalid expression value: %s.", formatError(err)),
			Subject:     attr.Expr.Range().Ptr(),
			Expression:  attr.Expr,
			EvalContext: ctx,
		})
	}
	bad := func(detail string) (expansion, hcl.Diagnostics) {
		return expansion{}, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid count argument",
			Detail:   detail,
			Subject:  attr.Expr.Range().Ptr(),
		})
	}
	if v.IsNull() {
		return bad(`The given "count" argument value is null. An integer is required.`)
	}
	if !v.IsKnown() {
		if e.opts.Mode == PlanMode {
			_, d := bad(`The "count" value depends on values that cannot be determined until apply, so vpcplan cannot predict how many instances will be created. To work around this, use -var to set the values it depends on, or derive it from values known in the configuration.`)
			return expansion{kind: schema.IntKeyKind, unknownErr: d[len(d)-1], external: ext}, diags
		}
		return expansion{kind: schema.IntKeyKind}, diags
	}
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		return bad(fmt.Sprintf(`The given "count" argument value is unsuitable: %s.`, err))
	}
	if n < 0 {
		return bad(`The given "count" argument value is unsuitable: must be greater than or equal to zero.`)
	}
	if d := instancesBound(attr, "count", n, e.l.limits.Instances); d != nil {
		return expansion{}, append(diags, d)
	}
	ex := expansion{kind: schema.IntKeyKind, known: true}
	for i := 0; i < n; i++ {
		ex.keys = append(ex.keys, schema.IntKey(i))
		ex.values = append(ex.values, cty.NilVal)
	}
	return ex, diags
}

func (e *evaluator) expandForEach(attr *hcl.Attribute, ctx *hcl.EvalContext) (expansion, hcl.Diagnostics) {
	// for_each = local.x or var.x names a value that no longer changes once
	// evaluated: blocks sharing it share its expansion, which costs a sort
	// of the set or map each time it is computed.
	var cacheKey string
	if trav, diags := hcl.AbsTraversalForExpr(attr.Expr); !diags.HasErrors() && (trav.RootName() == "local" || trav.RootName() == "var") {
		cacheKey = traversalKey(trav)
		if ex, ok := e.expansions[cacheKey]; ok && cacheKey != "" {
			return ex, nil
		}
	}
	ex, diags := e.expandForEachValue(attr, ctx)
	if d := instancesBound(attr, "for_each", len(ex.keys), e.l.limits.Instances); d != nil {
		return expansion{}, append(diags, d)
	}
	if cacheKey != "" && !diags.HasErrors() {
		e.expansions[cacheKey] = ex
	}
	return ex, diags
}

// instancesBound reports a count or for_each giving more instances than
// max, the instances bound, allows, before any is made.
func instancesBound(attr *hcl.Attribute, what string, n int, max int64) *hcl.Diagnostic {
	if int64(n) <= max {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Too many instances",
		Detail:   fmt.Sprintf("The %q argument asks for more instances than vpcplan makes of one block: %s.", what, bounds.Instances.Exceeded("it gives", int64(n), max)),
		Subject:  attr.Expr.Range().Ptr(),
	}
}

// dynamicBound returns the dynblock.OptCheckForEach check that reports a
// dynamic block whose for_each gives more blocks than max, the instances
// bound, allows, before dynblock makes them (a million blocks ran out of
// memory).
func dynamicBound(max int64) func(v cty.Value, expr hcl.Expression, _ *hcl.EvalContext) hcl.Diagnostics {
	return func(v cty.Value, expr hcl.Expression, _ *hcl.EvalContext) hcl.Diagnostics {
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
			return nil
		}
		n := v.LengthInt()
		if int64(n) <= max {
			return nil
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Too many dynamic blocks",
			Detail:   fmt.Sprintf("The \"for_each\" argument of this dynamic block asks for more blocks than vpcplan makes of one block: it gives %d blocks, past the %s bound of %d (raise it with %s=N).", n, bounds.Instances.Name, max, bounds.Instances.Flag),
			Subject:  expr.Range().Ptr(),
		}}
	}
}

// traversalKey renders a traversal of attribute steps as text.
func traversalKey(t hcl.Traversal) string {
	key := t.RootName()
	for _, step := range t[1:] {
		a, ok := step.(hcl.TraverseAttr)
		if !ok {
			return ""
		}
		key += "." + a.Name
	}
	return key
}

func (e *evaluator) expandForEachValue(attr *hcl.Attribute, ctx *hcl.EvalContext) (expansion, hcl.Diagnostics) {
	v, diags := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, e.l.limits))
	if diags.HasErrors() {
		return expansion{}, diags
	}
	bad := func(summary, detail string) (expansion, hcl.Diagnostics) {
		return expansion{}, append(diags, &hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     summary,
			Detail:      detail,
			Subject:     attr.Expr.Range().Ptr(),
			Expression:  attr.Expr,
			EvalContext: ctx,
		})
	}
	if v.HasMark(funcs.SensitiveMark) {
		ex, diags := bad("Invalid for_each argument", "Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.")
		diags[len(diags)-1].Extra = causedBySensitive(true)
		return ex, diags
	}
	// Whether the value comes from outside vpcplan (an uninstalled module,
	// a -var left unknown), read before the collection's own marks go.
	ext := fromOutside(v) || (!v.IsWhollyKnown() && refersOutside(attr.Expr, ctx))
	// Only the collection itself is unmarked: its elements keep their marks,
	// so each.value still says which instance a value came from.
	v, _ = v.Unmark()
	ty := v.Type()
	if v.IsNull() {
		return bad("Invalid for_each argument", `The given "for_each" argument value is unsuitable: the given "for_each" argument value is null. A map, or set of strings is allowed.`)
	}
	if !ty.IsMapType() && !ty.IsSetType() && !ty.IsObjectType() && ty != cty.DynamicPseudoType {
		return bad("Invalid for_each argument", fmt.Sprintf(`The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type %s.`, ty.FriendlyName()))
	}
	if !v.IsKnown() {
		if e.opts.Mode == PlanMode {
			_, d := bad("Invalid for_each argument", `The "for_each" value depends on values that cannot be determined until apply, so vpcplan cannot predict how many instances will be created. Use -var to set the values it depends on, or use only keys known in the configuration.`)
			return expansion{kind: schema.StringKeyKind, unknownErr: d[len(d)-1], external: ext}, diags
		}
		return expansion{kind: schema.StringKeyKind}, diags
	}
	if ty.IsSetType() {
		ety := ty.ElementType()
		if ety != cty.String && ety != cty.DynamicPseudoType {
			return bad("Invalid for_each set argument", fmt.Sprintf(`The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a set containing type %s.`, ety.FriendlyName()))
		}
		if !v.IsWhollyKnown() {
			if e.opts.Mode == PlanMode {
				_, d := bad("Invalid for_each argument", `The "for_each" set includes values that cannot be determined until apply, so vpcplan cannot predict how many instances will be created.`)
				return expansion{kind: schema.StringKeyKind, unknownErr: d[len(d)-1], external: ext}, diags
			}
			return expansion{kind: schema.StringKeyKind}, diags
		}
		ex := expansion{kind: schema.StringKeyKind, known: true}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if ev.IsNull() {
				return bad("Invalid for_each set argument", `The given "for_each" argument value is unsuitable: "for_each" sets must not contain null values.`)
			}
			uev, _ := ev.Unmark()
			s, err := convertTo(uev, cty.String)
			if err != nil {
				return bad("Invalid for_each set argument", `The given "for_each" argument value is unsuitable: "for_each" supports sets of strings.`)
			}
			ex.keys = append(ex.keys, schema.StringKey(s.AsString()))
			ex.values = append(ex.values, ev)
		}
		sortExpansion(&ex)
		return ex, diags
	}
	ex := expansion{kind: schema.StringKeyKind, known: true}
	for it := v.ElementIterator(); it.Next(); {
		k, ev := it.Element()
		k, _ = k.Unmark()
		ex.keys = append(ex.keys, schema.StringKey(k.AsString()))
		ex.values = append(ex.values, ev)
	}
	sortExpansion(&ex)
	return ex, diags
}

// causedBySensitive marks a diagnostic that a sensitive value causes, so
// that its values box says which values are sensitive (render's
// CausedBySensitive, Terraform's DiagnosticCausedBySensitive).
type causedBySensitive bool

func (c causedBySensitive) DiagnosticCausedBySensitive() bool { return bool(c) }

func sortExpansion(ex *expansion) {
	idx := make([]int, len(ex.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ex.keys[idx[a]].Less(ex.keys[idx[b]]) })
	keys := make([]schema.InstanceKey, len(idx))
	vals := make([]cty.Value, len(idx))
	for i, j := range idx {
		keys[i], vals[i] = ex.keys[j], ex.values[j]
	}
	ex.keys, ex.values = keys, vals
}

// pathMarks returns the marks of v with their paths.
func pathMarks(v cty.Value) []cty.PathValueMarks {
	_, pvm := v.UnmarkDeepWithPaths()
	return pvm
}

// settleUnknown decides, at plan time, what an unknown count or for_each
// of node n means. Terraform knows every value at plan time but the
// attributes of what it creates, so it fails there; vpcplan does not know
// the values of blocks outside its model (data sources it cannot read,
// other providers' types, modules not installed), which Terraform would.
// When the value depends on such a block, the block's instances are left
// out of the plan with a warning, and what the state records of it is
// kept; otherwise it is Terraform's error.
func (e *evaluator) settleUnknown(ex expansion, n node, what string) hcl.Diagnostics {
	if ex.unknownErr == nil {
		return nil
	}
	if !ex.external && !e.dependsOnForeign(n) {
		return hcl.Diagnostics{ex.unknownErr}
	}
	d := *ex.unknownErr
	d.Severity = hcl.DiagWarning
	d.Summary = "Instances not planned"
	d.Detail = fmt.Sprintf("The number of instances of %s depends on values from outside vpcplan's model (a data source it cannot read, a type or provider it does not check, or a module that is not installed), which Terraform reads at plan time and vpcplan cannot. Its instances are left out of this plan, and what the state records of them is kept.", what)
	d.Expression, d.EvalContext = nil, nil
	return hcl.Diagnostics{&d}
}

// dependsOnForeign reports whether n depends on a block vpcplan cannot
// evaluate.
func (e *evaluator) dependsOnForeign(n node) bool {
	for _, d := range e.w.resourceDeps(gnode{e.cfg, n}) {
		if r := d.cfg.byAddr[d.n.addr]; r != nil && r.Schema == nil {
			return true
		}
	}
	return false
}

// fromOutside reports whether v holds a value from outside vpcplan's model
// (externalMark): an uninstalled module's output, a data source it cannot
// read.
func fromOutside(v cty.Value) bool {
	return v.ContainsMarked() && len(externalPaths(pathMarks(v))) > 0
}

// refersOutside reports whether expr refers to a value from outside
// vpcplan's model. A function's unknown result does not always carry its
// arguments' marks (go-cty returns unknown early, without the marks of
// parameters that allow them: concat's), so an unknown count or for_each
// asks what its expression read.
func refersOutside(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	for _, t := range expr.Variables() {
		if v, diags := t.TraverseAbs(ctx); !diags.HasErrors() && fromOutside(v) {
			return true
		}
	}
	return false
}
