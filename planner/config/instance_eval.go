package config

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/vpcplan/vpcplan/internal/parallel"
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

// convertTo converts v to ty. A value that already has the type is
// returned as it is without calling cty's Convert, which rebuilds the
// wanted type on every call (costly for the object and collection types of
// every computed attribute of every instance). Schema types have no
// optional attributes, so the shortcut gives Convert's result.
func convertTo(v cty.Value, ty cty.Type) (cty.Value, error) {
	if v.Type().Equals(ty) {
		return v, nil
	}
	return convert.Convert(v, ty)
}

// blockValue is what a reference to a resource block sees: one instance,
// a tuple of them (count) or an object of them (for_each). The cty value,
// with every instance's marks restored, is built on the first reference
// only: most blocks of a large configuration are never referenced.
type blockValue struct {
	kind  schema.KeyKind
	insts []*Instance
	// mu guards val, which the blocks computed at the same time (see
	// runConcurrently) may build together.
	mu  sync.Mutex
	val cty.Value // cty.NilVal until built
	// outside is set for a block whose instances are unknown at plan time
	// because its count or for_each depends on values from outside
	// vpcplan's model (see settleUnknown): it counts as settled.
	outside bool
}

func (e *evaluator) decoder(r *schema.Resource) *blockDecoder {
	d, ok := e.decoders[r]
	if !ok {
		d = newBlockDecoder(&r.Block, e.l.limits)
		d.res = r
		e.decoders[r] = d
	}
	return d
}

// refValue returns the value a reference to the block sees. When attrs is
// not empty and names only attributes of the schema, the instances carry
// just those attributes: building whole marked objects for a reference
// that reads one id would cost more than the rest of its evaluation.
func (e *evaluator) refValue(addr schema.Addr, attrs []string) cty.Value {
	bv, ok := e.blockVals[addr]
	if !ok {
		return cty.DynamicVal
	}
	bv.mu.Lock()
	defer bv.mu.Unlock()
	if bv.val != cty.NilVal {
		return bv.val
	}
	if len(attrs) > 0 && len(bv.insts) > 0 {
		sch := bv.insts[0].Schema
		for _, a := range attrs {
			if sch.Attributes[a] == nil {
				attrs = nil // let evaluation report the unsupported attribute
				break
			}
		}
	}
	marked := markedValue
	if len(attrs) > 0 {
		marked = func(i *Instance) cty.Value { return partialValue(i, attrs) }
	}
	var v cty.Value
	switch bv.kind {
	case schema.IntKeyKind:
		vals := make([]cty.Value, len(bv.insts))
		for i, inst := range bv.insts {
			vals[i] = marked(inst)
		}
		v = cty.TupleVal(vals)
	case schema.StringKeyKind:
		obj := make(map[string]cty.Value, len(bv.insts))
		for _, inst := range bv.insts {
			obj[inst.Addr.Key.Str] = marked(inst)
		}
		v = cty.ObjectVal(obj)
	default:
		v = marked(bv.insts[0])
	}
	if len(attrs) == 0 {
		bv.val = v
	}
	return v
}

// partialValue is an object of just the named attributes of the instance,
// with their marks. Marks on the whole value (a data source whose result
// is computed from marked arguments, such as aws_iam_policy_document's
// json) stay on the whole object, so every attribute read from it has
// them.
func partialValue(i *Instance, attrs []string) cty.Value {
	if !i.Value.IsKnown() || i.Value.IsNull() {
		return i.Value
	}
	obj := make(map[string]cty.Value, len(attrs))
	for _, a := range attrs {
		obj[a] = i.Value.GetAttr(a)
	}
	var whole []cty.ValueMarks
	for _, pm := range i.marks {
		if len(pm.Path) == 0 {
			whole = append(whole, pm.Marks)
			continue
		}
		step, ok := pm.Path[0].(cty.GetAttrStep)
		if !ok {
			continue
		}
		av, ok := obj[step.Name]
		if !ok {
			continue
		}
		if len(pm.Path) == 1 {
			obj[step.Name] = av.WithMarks(pm.Marks)
			continue
		}
		obj[step.Name] = av.MarkWithPaths([]cty.PathValueMarks{{Path: pm.Path[1:], Marks: pm.Marks}})
	}
	return cty.ObjectVal(obj).WithMarks(whole...)
}

// newObjectBlocks returns v, the value of instance i, as references see
// it. For a new object (its id unknown), a nested block type the provider
// declares Optional and Computed (schema.NestedBlock.Computed) that the
// configuration gives no block is (known after apply): SDKv2 plans it so,
// and AWS fills it in (aws_vpc_endpoint's dns_options, for one). The
// model keeps such a type empty, which is what the rules read.
func newObjectBlocks(i *Instance, v cty.Value) cty.Value {
	sch := i.Schema
	if sch == nil || sch.Mode != schema.ManagedMode || len(sch.Blocks) == 0 || !v.Type().IsObjectType() || !v.Type().HasAttribute("id") {
		return v
	}
	if id := v.GetAttr("id"); id.IsKnown() && !id.IsNull() {
		return v
	}
	var attrs map[string]cty.Value
	for name, nb := range sch.Blocks {
		if !nb.Computed || !v.Type().HasAttribute(name) {
			continue
		}
		if i.content != nil && i.content.attrs[name] != nil {
			continue // the argument form, written: what it says stands
		}
		bv := v.GetAttr(name)
		if !bv.IsKnown() || (!bv.IsNull() && (bv.Type().IsObjectType() || bv.LengthInt() > 0)) {
			continue
		}
		if attrs == nil {
			attrs = v.AsValueMap()
		}
		attrs[name] = cty.UnknownVal(bv.Type())
	}
	if attrs == nil {
		return v
	}
	return cty.ObjectVal(attrs)
}

// markedValue returns the instance's value with its marks restored. Most
// marks sit on top-level attributes (owners, sensitivity); those are put
// back directly, and only deeper ones walk their attribute's value. Marks
// on the whole value go back on the whole object, as in partialValue.
func markedValue(i *Instance) cty.Value {
	if !i.Value.IsKnown() || i.Value.IsNull() {
		return i.Value
	}
	if len(i.marks) == 0 {
		return newObjectBlocks(i, i.Value)
	}
	attrs := newObjectBlocks(i, i.Value).AsValueMap()
	var whole []cty.ValueMarks
	for _, pm := range i.marks {
		if len(pm.Path) == 0 {
			whole = append(whole, pm.Marks)
			continue
		}
		step, ok := pm.Path[0].(cty.GetAttrStep)
		if !ok {
			continue
		}
		av, ok := attrs[step.Name]
		if !ok {
			continue
		}
		if len(pm.Path) == 1 {
			attrs[step.Name] = av.WithMarks(pm.Marks)
			continue
		}
		attrs[step.Name] = av.MarkWithPaths([]cty.PathValueMarks{{Path: pm.Path[1:], Marks: pm.Marks}})
	}
	return cty.ObjectVal(attrs).WithMarks(whole...)
}

// evalResource expands a resource or data block into instances.
func (e *evaluator) evalResource(r *Resource) {
	if r.Schema == nil {
		e.evalForeign(r)
		return
	}
	e.commitResource(r, e.computeResource(r))
}

// resourceResult is what evaluating a resource block found, before it is
// recorded in the evaluator.
type resourceResult struct {
	diags hcl.Diagnostics
	insts []*Instance
	block *blockValue
	// unexpanded is set when the block's instances are not known (an
	// unknown count or for_each at validate time).
	unexpanded bool
}

// computeResource evaluates the instances of a resource block whose schema
// is known. It reads the evaluator's state and writes none of it (the
// decoder of the schema must exist already when it runs concurrently, see
// runConcurrently), so blocks that do not depend on each other may be
// computed at the same time; commitResource records the result.
func (e *evaluator) computeResource(r *Resource) resourceResult {
	var res resourceResult
	n := node{kind: nodeResource, addr: r.Addr}
	ctx := e.scopeNarrow(e.refs[n], e.narrow[n])
	ex, diags := e.expand(r, ctx)
	diags = append(diags, e.settleUnknown(ex, n, e.abs(r.Addr).String())...)
	res.diags = append(res.diags, diags...)
	// unexpanded: the instances are not known (an unknown count or
	// for_each at validate time), or cannot be (an invalid one).
	unexpanded := diags.HasErrors() || !ex.known
	noInstances := func() resourceResult {
		if ex.unknownErr != nil && !diags.HasErrors() {
			// Left out of the plan: its values are from outside too.
			res.block = &blockValue{val: external(cty.DynamicVal), outside: true}
		} else {
			res.block = &blockValue{val: cty.DynamicVal}
		}
		res.unexpanded = !diags.HasErrors() && !ex.known
		return res
	}
	prov := e.providerFor(r)
	dynamic := hasDynamicBlocks(r.Syntax)
	dec := e.decoder(r.Schema)
	var shared *bodyContent
	if !dynamic {
		var moreDiags hcl.Diagnostics
		shared, moreDiags = dec.content(r.Body)
		res.diags = append(res.diags, moreDiags...)
		if moreDiags.HasErrors() {
			return noInstances()
		}
		res.diags = append(res.diags, nestedAccountIDDiags(r.Schema, shared)...)
	}
	if unexpanded || len(ex.keys) == 0 {
		res.diags = append(res.diags, e.checkBody(r, dec, shared, ctx, prov)...)
	}
	if unexpanded {
		return noInstances()
	}
	bv := &blockValue{kind: ex.kind, insts: make([]*Instance, len(ex.keys))}
	instDiags := make([]hcl.Diagnostics, len(ex.keys))
	var open map[string]bool
	if dynamic {
		open = e.openBlocks(r)
	}
	plan := e.opts.Plan
	depsSettled := plan != nil && e.depsSettled(n)
	if r.Addr.Mode != schema.ManagedMode || len(e.w.g.Dependents(gnode{e.cfg, n})) == 0 {
		plan = nil
	}
	evalOne := func(i int) {
		key := ex.keys[i]
		ictx := instanceScope(ctx, key, ex.values[i])
		bv.insts[i], instDiags[i] = e.evalInstance(r, e.abs(r.Addr).Instance(key), dec, shared, open, ictx, prov)
		inst := bv.insts[i]
		inst.DepsSettled = depsSettled
		if r.Addr.Mode == schema.DataMode {
			inst.Settled = depsSettled // computed locally from its arguments
		}
		if plan != nil && !instDiags[i].HasErrors() {
			if v, ok := plan(inst); ok {
				inst.Value, inst.top = v, nil
			}
		}
	}
	e.parallel(len(ex.keys), evalOne)
	// The instances of a block share its source: the same mistake in each
	// is reported once.
	seen := map[string]bool{}
	for i, inst := range bv.insts {
		if e.opts.Finalize != nil && !instDiags[i].HasErrors() {
			v, moreDiags := e.opts.Finalize(inst)
			instDiags[i] = append(instDiags[i], moreDiags...)
			if !moreDiags.HasErrors() {
				inst.Value, inst.top = v, nil
			}
		}
		for _, d := range instDiags[i] {
			key := diagKey(d)
			if !seen[key] {
				seen[key] = true
				res.diags = append(res.diags, d)
			}
		}
	}
	res.insts = bv.insts
	res.block = bv
	return res
}

// commitResource records what computeResource found for the block r.
func (e *evaluator) commitResource(r *Resource, res resourceResult) {
	e.diags = append(e.diags, res.diags...)
	for _, inst := range res.insts {
		e.addInstance(inst)
	}
	e.setBlock(r.Addr, res.block)
	if res.unexpanded {
		e.model.Unexpanded = append(e.model.Unexpanded, e.abs(r.Addr))
	}
}

// checkBody checks the body of a block that has no instance to check it
// through: count = 0, for_each = {}, or a count or for_each that is unknown
// or invalid. As terraform validate does, it evaluates the body once, with
// every reference, count.index, each.key and each.value unknown and
// dynamic blocks expanded, so that what is wrong whatever the instances is reported:
// unsupported and missing arguments, block counts, invalid expressions
// and known values of the wrong type. shared is the body's content when
// it has no dynamic blocks. The value is not kept.
func (e *evaluator) checkBody(r *Resource, dec *blockDecoder, shared *bodyContent, ctx *hcl.EvalContext, prov *ProviderConfig) hcl.Diagnostics {
	// What the body refers to is unknown here, as every value is in
	// terraform validate: a block with no instance is typically one whose
	// count turned off what it refers to too (aws_internet_gateway.this[0]
	// under the same condition), which must not be an error.
	unknown := &hcl.EvalContext{Functions: ctx.Functions, Variables: make(map[string]cty.Value, len(ctx.Variables))}
	for name := range ctx.Variables {
		unknown.Variables[name] = cty.DynamicVal
	}
	ctx = unknown
	switch {
	case r.Count != nil:
		ctx = ctx.NewChild()
		ctx.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}
	case r.ForEach != nil:
		ctx = ctx.NewChild()
		ctx.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})}
	}
	var diags hcl.Diagnostics
	content := shared
	if content == nil {
		content, diags = dec.content(dynblock.Expand(r.Body, ctx, dynblock.OptCheckForEach(dynamicBound(e.l.limits.Instances))))
	}
	out, moreDiags := dec.eval(content, ctx, priorValue{}, nil, nil, prov.Region)
	diags = append(diags, moreDiags...)
	if !diags.HasErrors() {
		if _, _, d := effectiveRegion(r.Schema, prov, out.value, content); d != nil {
			diags = append(diags, d)
		}
	}
	return diags
}

// depsSettled reports, at plan time, whether every instance the block n
// depends on is settled (Instance.Settled): then any unknown value in n's
// instances comes from outside vpcplan's model. Blocks outside the catalog
// are outside the model: they count as settled.
func (e *evaluator) depsSettled(n node) bool {
	for _, d := range e.w.resourceDeps(gnode{e.cfg, n}) {
		r := d.cfg.byAddr[d.n.addr]
		if r == nil || r.Schema == nil {
			continue
		}
		for _, x := range e.sameOr(d.cfg) {
			bv := x.blockVals[d.n.addr]
			if bv == nil {
				return false // not evaluated
			}
			if bv.outside {
				continue
			}
			if bv.insts == nil && bv.val != cty.NilVal {
				return false // its instances are unknown
			}
			for _, inst := range bv.insts {
				if !inst.Settled {
					return false
				}
			}
		}
	}
	return true
}

// setBlock records a block's evaluated value in this module instance.
func (e *evaluator) setBlock(a schema.Addr, bv *blockValue) { e.blockVals[a] = bv }

// parallel runs f(0..n-1) on up to Options.Parallelism goroutines, 16
// instances at a time, so a block needs more than 16 to use a second one;
// instances of one block are independent of each other, and f must only
// write its own index.
func (e *evaluator) parallel(n int, f func(i int)) {
	parallel.Workers(n, e.opts.Parallelism, 16, f)
}

// evalInstance decodes one instance's body into a whole value.
// It may run concurrently with other instances of the same block: it reads
// the evaluator's state and writes only the instance it returns.
// content is the block's shared body content, or nil when dynamic blocks
// make each instance expand its own; open is openBlocks' result for them.
func (e *evaluator) evalInstance(r *Resource, addr schema.InstanceAddr, dec *blockDecoder, content *bodyContent, open map[string]bool, ctx *hcl.EvalContext, prov *ProviderConfig) (*Instance, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if content == nil {
		content, diags = dec.contentOpen(dynblock.Expand(r.Body, ctx, dynblock.OptCheckForEach(dynamicBound(e.l.limits.Instances))), open)
	}
	var prior priorValue
	if e.opts.Known != nil && r.Addr.Mode == schema.ManagedMode {
		if pv, ok := e.opts.Known(addr); ok {
			prior.obj = pv
			if e.opts.KnownTop != nil {
				prior.top, _ = e.opts.KnownTop(addr)
			}
		}
	}
	sch := r.Schema
	inst := &Instance{Addr: addr, Resource: r, Schema: sch, Provider: prov, Region: prov.Region, Account: prov.Account}
	out, moreDiags := dec.eval(content, ctx, prior, e.topMarks(inst), nil, prov.Region)
	diags = append(diags, moreDiags...)
	if diags.HasErrors() {
		out = decoded{value: cty.UnknownVal(dec.ty)}
	}
	var regionDiag *hcl.Diagnostic
	inst.Region, inst.Provider, regionDiag = effectiveRegion(sch, prov, out.value, content)
	if regionDiag != nil {
		diags = append(diags, regionDiag)
	}
	if len(sch.AccountIDArgs) > 0 && !diags.HasErrors() {
		diags = append(diags, accountIDDiags(sch, out.value, out.marks, content)...)
	}
	if r.Addr.Mode == schema.DataMode {
		out.top = nil // readData changes the value
		marked := out.value
		if len(out.marks) > 0 {
			marked = marked.MarkWithPaths(out.marks)
		}
		full, moreDiags := e.readData(r, inst, marked, content, ctx)
		diags = append(diags, moreDiags...)
		out.value, out.marks = full.UnmarkDeepWithPaths()
	}
	inst.Value = out.value
	inst.top = out.top
	inst.marks = out.marks
	inst.SensitivePaths = sensitivePaths(out.marks)
	inst.ExternalPaths = externalPaths(out.marks)
	inst.keptBlocks = out.keptBlocks
	inst.content = content
	if sch.AccountAttr != "" {
		// The assumed account (Options.AssumedAccount) is what apply
		// fills an omitted account_id with, or what one copied from data
		// "aws_caller_identity" reads after apply; like the provider's, it
		// stays unknown to rules, which the plan before apply agrees with.
		if s, ok := inst.StringAttr(sch.AccountAttr); ok && (s != e.opts.AssumedAccount || s == prov.Account) {
			inst.Account = s
		}
	}
	return inst, diags
}

// diagKey identifies a diagnostic by what it says and where.
func diagKey(d *hcl.Diagnostic) string {
	rng := ""
	if d.Subject != nil {
		rng = d.Subject.String()
	}
	return fmt.Sprintf("%d|%s|%s|%s", d.Severity, rng, d.Summary, d.Detail)
}

// topMark returns the marks to add to a top-level attribute, or nil.
type topMark func(name string, a *schema.Attribute) []any

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

// accountIDDiags reports the arguments of sch.AccountIDArgs whose known
// value is not an AWS account ID, exactly 12 digits, which the provider's
// validation (verify.ValidAccountID, whose wording this keeps) refuses
// before any request: a placeholder such as "YOUR_ACCOUNT_ID" left in the
// code. An unknown or null value is not checked.
func accountIDDiags(sch *schema.Resource, v cty.Value, marks []cty.PathValueMarks, content *bodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	for _, name := range sch.AccountIDArgs {
		if strings.Contains(name, ".") {
			continue // nestedAccountIDDiags, once per block
		}
		attr, ok := content.attrs[name]
		if !ok || !v.Type().HasAttribute(name) {
			continue
		}
		x, xm := v.GetAttr(name).UnmarkDeep()
		if !x.IsKnown() || x.IsNull() || x.Type() != cty.String || isAccountID(x.AsString()) {
			continue
		}
		// A sensitive value is not quoted: the message would tell it.
		shown := fmt.Sprintf("%q", x.AsString())
		if xm.Has(funcs.SensitiveMark) || sensitiveAt(marks, name) {
			shown = "(sensitive value)"
		}
		diags = append(diags, invalidAccountID(name, shown, attr))
	}
	return diags
}

// invalidAccountID is the provider's error (verify.ValidAccountID's
// wording) for the argument name of attr, whose value shown is quoted, or
// "(sensitive value)".
func invalidAccountID(name, shown string, attr *hcl.Attribute) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid account ID",
		Detail:   fmt.Sprintf("%q doesn't look like AWS Account ID (exactly 12 digits): %s", name, shown),
		Subject:  attr.Expr.Range().Ptr(),
	}
}

// isAccountID reports whether s is exactly 12 ASCII digits.
func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sensitiveAt reports whether marks, a decoded value's, mark its top-level
// attribute name sensitive.
func sensitiveAt(marks []cty.PathValueMarks, name string) bool {
	for _, pm := range marks {
		if len(pm.Path) == 0 {
			if pm.Marks.Has(funcs.SensitiveMark) {
				return true
			}
			continue
		}
		if a, ok := pm.Path[0].(cty.GetAttrStep); ok && a.Name == name && pm.Marks.Has(funcs.SensitiveMark) {
			return true
		}
	}
	return false
}

// nestedAccountIDDiags checks the arguments of nested blocks that
// sch.AccountIDArgs names ("details.region.bucket_account_id") where the
// configuration writes them as a string known without evaluation (a
// placeholder such as "YOUR_ACCOUNT_ID"): the values of a set of blocks
// cannot be matched back to the blocks, and a written string is the same
// for every instance, so the blocks' own syntax is checked once. Blocks
// that dynamic blocks generate are not.
func nestedAccountIDDiags(sch *schema.Resource, content *bodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, name := range sch.AccountIDArgs {
		if segs := strings.Split(name, "."); len(segs) > 1 {
			diags = append(diags, writtenAccountIDDiags(segs, content)...)
		}
	}
	return diags
}

func writtenAccountIDDiags(segs []string, c *bodyContent) hcl.Diagnostics {
	if c == nil {
		return nil
	}
	if len(segs) > 1 {
		var diags hcl.Diagnostics
		for _, b := range c.blocks[segs[0]] {
			diags = append(diags, writtenAccountIDDiags(segs[1:], b)...)
		}
		return diags
	}
	attr, ok := c.attrs[segs[0]]
	if !ok {
		return nil
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String || isAccountID(v.AsString()) {
		return nil
	}
	return hcl.Diagnostics{invalidAccountID(segs[0], fmt.Sprintf("%q", v.AsString()), attr)}
}
