package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// evalShared is what the evaluators of the root module and of every module
// instance of one evaluation share: the evaluated blocks by absolute
// address, for depsSettled and the resource graph.
type evalShared struct {
	blocks map[schema.Addr]sharedBlock
	// graphs holds each evaluated module instance's resource blocks and
	// their dependencies (absolute), for Model.Graph.
	graphs []moduleGraph
	// built caches the evaluation graph of each module configuration: the
	// graph, references and reference errors are the same for every
	// instance of a module, so they are built once.
	built map[*Config]*builtGraph
	// checked records the modules checkModuleBody checked.
	checked map[*Config]bool
}

// sharedBlock is an evaluated resource block of some module instance.
type sharedBlock struct {
	r  *Resource
	bv *blockValue
}

// moduleGraph is the resource dependency graph of one module instance.
type moduleGraph struct {
	addrs []schema.Addr
	deps  [][]schema.Addr
}

// builtGraph is what buildGraph derives from a configuration.
type builtGraph struct {
	g         *graph.Graph[node]
	refs      map[node][]schema.Reference
	narrow    map[node]map[schema.Addr][]string
	checkRefs map[*Check][]schema.Reference
	diags     hcl.Diagnostics
}

// callValues are the values a module call gives the variables of one of
// its instances, with the ranges of the arguments.
type callValues struct {
	module *Module
	values map[string]cty.Value
	// deps are the resource blocks (absolute) the call depends on: every
	// variable of the child depends on them.
	deps []schema.Addr
}

// abs returns the absolute address of a block of this evaluator's module
// instance.
func (e *evaluator) abs(a schema.Addr) schema.Addr {
	a.Module = e.path
	return a
}

// setBlock records a block's evaluated value, for references inside the
// module instance and, by absolute address, for the whole evaluation.
func (e *evaluator) setBlock(r *Resource, bv *blockValue) {
	e.blockVals[r.Addr] = bv
	e.sh.blocks[e.abs(r.Addr)] = sharedBlock{r: r, bv: bv}
}

// passedProvider reports whether this module instance was given the aws
// provider configuration with the alias: through its call's providers map
// or, for the default configuration, by inheritance.
func (e *evaluator) passedProvider(alias string) bool {
	if e.parent == nil {
		return false
	}
	if alias == "" {
		return true
	}
	_, ok := e.providers[alias]
	return ok
}

// connectProviderPasses checks a module call's providers map: each value
// must name a provider configuration of this module, which the call then
// depends on.
func (e *evaluator) connectProviderPasses(n node, m *Module, rc *refCollector) {
	for _, p := range m.Providers {
		if p.InParent.Name != "aws" || p.InChild.Name != "aws" {
			continue // other providers' configurations are not evaluated
		}
		alias := p.InParent.Alias
		if e.cfg.byProvider[alias] != nil {
			e.g.Connect(n, node{kind: nodeProvider, name: alias})
			continue
		}
		if alias == "" || e.passedProvider(alias) {
			continue
		}
		rc.diags = append(rc.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Reference to undeclared provider configuration",
			Detail:   fmt.Sprintf("There is no provider \"aws\" block with alias %q in %s. Declare one with provider \"aws\" { alias = %q }.", alias, e.cfg.moduleName(), alias),
			Subject:  p.InParent.Range.Ptr(),
		})
	}
}

// childProviders returns the provider configurations a module instance
// sees: the aliases its call's providers map passes, and the default
// configuration, which a child inherits unless the map passes another.
func (e *evaluator) childProviders(m *Module) map[string]*ProviderConfig {
	out := map[string]*ProviderConfig{}
	for _, p := range m.Providers {
		if p.InParent.Name == "aws" && p.InChild.Name == "aws" {
			out[p.InChild.Alias] = e.provider(p.InParent.Alias)
		}
	}
	if _, ok := out[""]; !ok {
		out[""] = e.provider("")
	}
	return out
}

// checkCallArguments reports, once per call, arguments that name no
// variable of the module and variables without a default that no argument
// sets, as Terraform does.
func (e *evaluator) checkCallArguments(m *Module) {
	child := m.Child
	for _, name := range sortedAttrNames(m.Args) {
		if child.byVariable[name] != nil {
			continue
		}
		a := m.Args[name]
		detail := fmt.Sprintf("An argument named %q is not expected here.", name)
		if s := nameSuggestion(name, variableNames(child)); s != "" {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		}
		e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unsupported argument", Detail: detail, Subject: a.NameRange.Ptr()})
	}
	for _, v := range child.Variables {
		if _, ok := m.Args[v.Name]; ok || v.Default != nil {
			continue
		}
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing required argument",
			Detail:   fmt.Sprintf("The argument %q is required, but no definition was found.", v.Name),
			Subject:  m.DeclRange.Ptr(),
		})
	}
}

// evalModule evaluates every instance of a module call, each in an
// evaluator of its own that shares the model, and makes the call's value:
// an object of the outputs of its one instance, a tuple of them (count)
// or an object of them by key (for_each).
func (e *evaluator) evalModule(m *Module) {
	n := node{kind: nodeModule, name: m.Name}
	if m.Child == nil {
		// Not installed: the loader warned. What the state records under
		// it is kept, and its outputs are external values.
		e.model.Unevaluated = append(e.model.Unevaluated, schema.ModuleChild(e.path, m.Name, schema.NoKey))
		e.mods[m.Name] = external(cty.DynamicVal)
		return
	}
	e.checkCallArguments(m)
	ctx := e.scope(e.refs[n])
	var ex expansion
	var diags hcl.Diagnostics
	switch {
	case m.Count != nil:
		ex, diags = e.expandCount(m.Count, ctx)
	case m.ForEach != nil:
		ex, diags = e.expandForEach(m.ForEach, ctx)
	default:
		ex = expansion{keys: []schema.InstanceKey{schema.NoKey}, values: []cty.Value{cty.NilVal}, kind: schema.NoKeyKind, known: true}
	}
	diags = append(diags, e.settleUnknown(ex, n, "module."+m.Name)...)
	e.diags = append(e.diags, diags...)
	if !diags.HasErrors() && (!ex.known || len(ex.keys) == 0) {
		e.checkModuleBody(m)
	}
	if diags.HasErrors() || !ex.known {
		// The instances are unknown (validate, or values from outside
		// vpcplan's model at plan time) or cannot be known: so are the
		// outputs, and what the state records under the call is kept.
		e.mods[m.Name] = cty.DynamicVal
		if !diags.HasErrors() && ex.unknownErr != nil {
			e.model.Unevaluated = append(e.model.Unevaluated, schema.ModuleChild(e.path, m.Name, schema.NoKey))
			e.mods[m.Name] = external(cty.DynamicVal)
		}
		return
	}
	deps := e.resourceDeps(n)
	seen := map[string]bool{}
	values := make([]cty.Value, len(ex.keys))
	var all []schema.Addr
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
		cv := &callValues{module: m, values: map[string]cty.Value{}, deps: deps}
		for _, name := range sortedAttrNames(m.Args) {
			if m.Child.byVariable[name] == nil {
				continue
			}
			v, moreDiags := m.Args[name].Expr.Value(ictx)
			e.appendOnce(seen, moreDiags)
			if moreDiags.HasErrors() {
				v = cty.DynamicVal
			}
			cv.values[name] = v
		}
		child := e.newChild(m, key, cv)
		child.evaluateModule()
		e.appendOnce(seen, child.diags)
		out := make(map[string]cty.Value, len(child.outputs))
		for name, v := range child.outputs {
			out[name] = v
		}
		values[i] = cty.ObjectVal(out)
		for _, r := range m.Child.Resources {
			all = append(all, child.abs(r.Addr))
		}
		all = append(all, child.nestedDeps()...)
	}
	e.modDeps[m.Name] = all
	switch ex.kind {
	case schema.NoKeyKind:
		e.mods[m.Name] = values[0]
	case schema.IntKeyKind:
		if len(values) == 0 {
			e.mods[m.Name] = cty.EmptyTupleVal
		} else {
			e.mods[m.Name] = cty.TupleVal(values)
		}
	default:
		byKey := make(map[string]cty.Value, len(values))
		for i, k := range ex.keys {
			byKey[k.Str] = values[i]
		}
		e.mods[m.Name] = cty.ObjectVal(byKey)
	}
}

// checkModuleBody checks the module of a call that has no known
// instances (count = 0, or an unknown count or for_each) as terraform
// validate does: once, with every variable unknown, into a model of its
// own that nothing reads, so that its mistakes are reported all the same.
func (e *evaluator) checkModuleBody(m *Module) {
	if e.sh.checked == nil {
		e.sh.checked = map[*Config]bool{}
	}
	if e.sh.checked[m.Child] {
		return
	}
	e.sh.checked[m.Child] = true
	scratch := &Model{
		Config:    e.model.Config,
		Variables: map[string]cty.Value{},
		byAddr:    map[schema.InstanceAddr]*Instance{},
		byType:    map[schema.TypeName][]*Instance{},
	}
	c := e.newChild(m, schema.NoKey, &callValues{module: m, values: map[string]cty.Value{}})
	c.model = scratch
	c.linker = &linker{m: scratch, refs: map[*schema.Block]*blockRefs{}, index: map[schema.TypeName]map[litKey][]*Instance{}}
	c.sh = &evalShared{blocks: map[schema.Addr]sharedBlock{}, built: e.sh.built, checked: e.sh.checked}
	c.allUnknown = true
	opts := c.opts
	opts.Mode, opts.Plan, opts.Known, opts.KnownTop, opts.Finalize, opts.Foreign = ValidateMode, nil, nil, nil, nil, nil
	c.opts = opts
	c.evaluateModule()
	seen := map[string]bool{}
	for _, d := range c.diags {
		if d.Severity == hcl.DiagError {
			e.appendOnce(seen, hcl.Diagnostics{d})
		}
	}
}

// nestedDeps returns the absolute addresses of the resource blocks inside
// the module calls of this evaluator's module instance.
func (e *evaluator) nestedDeps() []schema.Addr {
	var out []schema.Addr
	for _, m := range e.cfg.Modules {
		out = append(out, e.modDeps[m.Name]...)
	}
	return out
}

// appendOnce appends the diagnostics not seen before: the instances of a
// module share its source, so the same mistake in each is reported once.
func (e *evaluator) appendOnce(seen map[string]bool, diags hcl.Diagnostics) {
	for _, d := range diags {
		k := diagKey(d)
		if !seen[k] {
			seen[k] = true
			e.diags = append(e.diags, d)
		}
	}
}

// newChild returns the evaluator of one instance of module call m.
func (e *evaluator) newChild(m *Module, key schema.InstanceKey, cv *callValues) *evaluator {
	c := &evaluator{
		ctx:        e.ctx,
		l:          e.l,
		cfg:        m.Child,
		opts:       e.opts,
		funcs:      e.funcs,
		vars:       map[string]cty.Value{},
		pending:    map[string]rawValue{},
		locals:     map[string]cty.Value{},
		blockVals:  map[schema.Addr]*blockValue{},
		providers:  e.childProviders(m),
		decoders:   e.decoders,
		targets:    e.targets,
		model:      e.model,
		linker:     e.linker,
		expansions: map[string]expansion{},
		depsMemo:   map[node][]schema.Addr{},
		allUnknown: false,
		defaulted:  map[string]bool{},
		path:       schema.ModuleChild(e.path, m.Name, key),
		parent:     e,
		call:       cv,
		mods:       map[string]cty.Value{},
		modDeps:    map[string][]schema.Addr{},
		outputs:    map[string]cty.Value{},
		sh:         e.sh,
	}
	return c
}

// evaluateModule evaluates a child module instance: its graph (built once
// per module), its variables from the call, then every node in order.
func (e *evaluator) evaluateModule() {
	if b := e.sh.built[e.cfg]; b != nil {
		e.g, e.refs, e.narrow, e.checkRefs = b.g, b.refs, b.narrow, b.checkRefs
		if b.diags.HasErrors() {
			return
		}
	} else {
		e.refs = map[node][]schema.Reference{}
		e.narrow = map[node]map[schema.Addr][]string{}
		e.buildGraph()
		if e.sh.built == nil {
			e.sh.built = map[*Config]*builtGraph{}
		}
		e.sh.built[e.cfg] = &builtGraph{g: e.g, refs: e.refs, narrow: e.narrow, checkRefs: e.checkRefs, diags: e.diags}
		if e.diags.HasErrors() {
			return
		}
	}
	order, ok := e.order()
	if !ok {
		return
	}
	for name, v := range e.call.values {
		rng := e.call.module.Args[name].Expr.Range()
		e.pending[name] = rawValue{expr: hcl.StaticExpr(v, rng), from: fromFile, rng: &rng}
	}
	if !e.run(order) {
		return
	}
	g := moduleGraph{}
	for _, r := range e.cfg.Resources {
		g.addrs = append(g.addrs, e.abs(r.Addr))
		g.deps = append(g.deps, e.resourceDeps(node{kind: nodeResource, addr: r.Addr}))
	}
	e.sh.graphs = append(e.sh.graphs, g)
}

// sensitiveOutput marks a child's output value as its caller sees it.
func sensitiveOutput(v cty.Value, o *Output) cty.Value {
	if o.Sensitive {
		return v.Mark(funcs.SensitiveMark)
	}
	return v
}
