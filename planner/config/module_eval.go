package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Modules are evaluated as Terraform evaluates them: one graph for the
// whole configuration, whose nodes are the nodes of every module's own
// graph (variables, locals, resources, outputs, module calls), so a value
// can go into a module, out through an output and back into another
// variable of the same module, as a bucket policy made from a bucket
// module's ARN and passed back to it does. Each node is evaluated, in the
// order of that graph, once in every instance of its module.

// gnode is a node of the whole configuration's graph: a node of the graph
// of one module. Each module call loads its own Config, so cfg names the
// module by its place in the tree.
type gnode struct {
	cfg *Config
	n   node
}

// whole is the whole configuration's graph and the evaluators of every
// module instance, shared by the evaluators of one evaluation.
type whole struct {
	g *graph.Graph[gnode]
	// rank orders the module configurations depth first, the root first.
	rank map[*Config]int
	// local holds each module's own graph (built once, whatever the
	// number of its instances).
	local map[*Config]*moduleGraph
	// insts lists the evaluators of each module's instances, in order.
	insts map[*Config][]*evaluator
	// depsMemo memoises resourceDeps.
	depsMemo map[gnode][]gnode
}

// moduleGraph is what buildGraph derives from one module's configuration.
type moduleGraph struct {
	g         *graph.Graph[node]
	refs      map[node][]schema.Reference
	narrow    map[node]map[schema.Addr][]string
	checkRefs map[*Check][]schema.Reference
	// argRefs are the references of each module call's arguments.
	argRefs map[string]map[string][]schema.Reference
}

// callState is a module call of one module instance, once expanded.
type callState struct {
	module   *Module
	kind     schema.KeyKind
	keys     []schema.InstanceKey
	children []*evaluator
	// value is the call's value as references see it, rebuilt when an
	// output of a child changed (dirty); fixed is set instead when the
	// call has no known instances (unknown, or external when the module
	// is not installed).
	value cty.Value
	dirty bool
	fixed cty.Value
}

// childCall is what a child module instance knows of its call.
type childCall struct {
	state *callState
	key   schema.InstanceKey
	each  cty.Value // each.value, for for_each
}

// abs returns the absolute address of a block of this evaluator's module
// instance.
func (e *evaluator) abs(a schema.Addr) schema.Addr {
	a.Module = e.path
	return a
}

// buildWhole builds the graph of every module of the configuration, then
// the whole configuration's graph. It reports reference errors of every
// module, and returns false when there are any.
func (e *evaluator) buildWhole() bool {
	w := &whole{rank: map[*Config]int{}, local: map[*Config]*moduleGraph{}, insts: map[*Config][]*evaluator{}, depsMemo: map[gnode][]gnode{}}
	e.w = w
	var cfgs []*Config
	var walk func(c *Config, passed map[string]bool)
	walk = func(c *Config, passed map[string]bool) {
		w.rank[c] = len(cfgs)
		cfgs = append(cfgs, c)
		b := &evaluator{cfg: c, refs: map[node][]schema.Reference{}, narrow: map[node]map[schema.Addr][]string{}, passed: passed}
		if c == e.cfg {
			b = e
		}
		b.buildGraph()
		if b != e {
			e.diags = append(e.diags, b.diags...)
		}
		w.local[c] = &moduleGraph{g: b.g, refs: b.refs, narrow: b.narrow, checkRefs: b.checkRefs, argRefs: b.argRefs}
		for _, m := range c.Modules {
			if m.Child == nil {
				continue
			}
			childPassed := map[string]bool{"": true}
			for _, p := range m.Providers {
				if p.InChild.Name == "aws" {
					childPassed[p.InChild.Alias] = true
				}
			}
			walk(m.Child, childPassed)
		}
	}
	walk(e.cfg, nil)
	if e.diags.HasErrors() {
		return false
	}
	w.g = graph.New[gnode](func(a, b gnode) bool {
		if a.cfg != b.cfg {
			return w.rank[a.cfg] < w.rank[b.cfg]
		}
		return a.n.less(b.n)
	})
	for _, c := range cfgs {
		lg := w.local[c]
		for _, n := range lg.g.Vertices() {
			from := gnode{c, n}
			w.g.Add(from)
			for _, d := range lg.g.Deps(n) {
				for _, to := range w.targets(c, lg.refs[n], d) {
					w.g.Connect(from, to)
				}
			}
		}
		for _, m := range c.Modules {
			if m.Child == nil {
				continue
			}
			call := gnode{c, node{kind: nodeModule, name: m.Name}}
			clg := w.local[m.Child]
			// Every node of the module waits for the call's expansion
			// (and its depends_on).
			for _, n := range clg.g.Vertices() {
				w.g.Connect(gnode{m.Child, n}, call)
			}
			// A variable waits for what its argument refers to.
			rc := &refCollector{cfg: c}
			for name, refs := range lg.argRefs[m.Name] {
				v := gnode{m.Child, node{kind: nodeVariable, name: name}}
				if m.Child.byVariable[name] == nil {
					continue
				}
				for _, ref := range refs {
					d, ok := rc.check(ref, m.Count != nil, m.ForEach != nil)
					if !ok {
						continue
					}
					for _, to := range w.targets(c, []schema.Reference{ref}, d) {
						w.g.Connect(v, to)
					}
				}
			}
		}
	}
	return true
}

// targets maps a dependency d of a node of module c, made by refs, to the
// nodes of the whole graph it depends on: a reference to module.m.out
// depends on that output of the module (every output when the reference
// names no single one), anything else on the node itself.
func (w *whole) targets(c *Config, refs []schema.Reference, d node) []gnode {
	if d.kind != nodeModule {
		return []gnode{{c, d}}
	}
	m := c.byModule[d.name]
	if m == nil || m.Child == nil {
		return []gnode{{c, d}}
	}
	out := []gnode{{c, d}}
	all := false
	seen := map[string]bool{}
	for _, ref := range refs {
		if ref.Kind != schema.RefModule || ref.Name != d.name {
			continue
		}
		name := outputName(ref)
		if name == "" {
			all = true
			break
		}
		if !seen[name] && m.Child.byOutput(name) != nil {
			seen[name] = true
			out = append(out, gnode{m.Child, node{kind: nodeOutput, name: name}})
		}
	}
	if all || len(refs) == 0 {
		for _, o := range m.Child.Outputs {
			out = append(out, gnode{m.Child, node{kind: nodeOutput, name: o.Name}})
		}
	}
	return out
}

// outputName returns the output a module reference reads (module.m.out,
// module.m[0].out, module.m["k"].out), or "" when it uses the whole call.
func outputName(ref schema.Reference) string {
	rest := ref.Remaining
	if len(rest) > 0 {
		if _, ok := rest[0].(hcl.TraverseIndex); ok {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return ""
	}
	if a, ok := rest[0].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// byOutput returns the output with the given name, or nil.
func (c *Config) byOutput(name string) *Output {
	i := sort.Search(len(c.Outputs), func(i int) bool { return c.Outputs[i].Name >= name })
	if i < len(c.Outputs) && c.Outputs[i].Name == name {
		return c.Outputs[i]
	}
	return nil
}

// wholeOrder returns the whole graph's nodes in dependency order, or
// reports the cycles as Terraform's graph validation does: one error per
// strongly connected component, "Cycle: " and its members' names (sorted
// here; Terraform's order varies from run to run), with no range.
func (e *evaluator) wholeOrder() ([]gnode, bool) {
	order, err := e.w.g.TopoOrder()
	if err == nil {
		return order, true
	}
	for _, comp := range e.w.g.StronglyConnected() {
		if len(comp) < 2 {
			continue
		}
		names := make([]string, len(comp))
		for i, gn := range comp {
			names[i] = moduleCycleName(gn)
		}
		sort.Strings(names)
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cycle: " + strings.Join(names, ", "),
		})
	}
	return nil, false
}

// moduleCycleName is a node's name in Terraform's cycle errors, with its
// module's path.
func moduleCycleName(gn gnode) string {
	name := (&evaluator{cfg: gn.cfg}).cycleName(gn.n)
	if len(gn.cfg.Path) == 0 {
		return name
	}
	if gn.n.kind == nodeVariable {
		name = "var." + gn.n.name + " (expand)" // a module's variable is set by its call
	}
	return "module." + strings.Join(gn.cfg.Path, ".module.") + "." + name
}

// runWhole evaluates every node of the whole graph, in order, in every
// instance of its module. It returns false when the context was
// cancelled.
func (e *evaluator) runWhole(order []gnode) bool {
	e.w.insts[e.cfg] = []*evaluator{e}
	for i, checked := 0, -256; i < len(order); {
		if i-checked >= 256 {
			if e.ctx.Err() != nil {
				e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation interrupted", Detail: e.ctx.Err().Error() + "."})
				return false
			}
			checked = i
		}
		// A run of resources that may be computed at the same time.
		j := i
		for j < len(order) && j-i < 256 && e.concurrent(order[j]) {
			j++
		}
		if j-i >= minConcurrent {
			e.runConcurrently(order[i:j])
			i = j
			continue
		}
		for _, ev := range e.w.insts[order[i].cfg] {
			ev.evalNode(order[i].n)
		}
		i++
	}
	if e.opts.Mode == PlanMode && !e.allUnknown {
		for _, c := range e.configs() {
			for _, ev := range e.w.insts[c] {
				ev.evalChecks()
			}
		}
	}
	// The instances of a module share its source: the same mistake in
	// each is reported once.
	seen := map[string]bool{}
	for _, d := range e.diags {
		seen[diagKey(d)] = true
	}
	for _, c := range e.configs() {
		for _, ev := range e.w.insts[c] {
			if ev == e {
				continue
			}
			for _, d := range ev.diags {
				if k := diagKey(d); !seen[k] {
					seen[k] = true
					e.diags = append(e.diags, d)
				}
			}
		}
	}
	return true
}

// configs returns every module configuration in rank order.
func (e *evaluator) configs() []*Config {
	out := make([]*Config, len(e.w.rank))
	for c, r := range e.w.rank {
		out[r] = c
	}
	return out
}

// evalNode evaluates one node in this module instance.
func (e *evaluator) evalNode(n node) {
	switch n.kind {
	case nodeVariable:
		if e.call != nil {
			e.takeArgument(n.name)
		}
		e.evalVariable(e.cfg.byVariable[n.name])
	case nodeLocal:
		e.evalLocal(e.cfg.byLocal[n.name])
	case nodeProvider:
		e.evalProvider(e.cfg.byProvider[n.name])
	case nodeResource:
		e.evalResource(e.cfg.byAddr[n.addr])
	case nodeOutput:
		e.evalOutput(n.name)
		if e.call != nil {
			e.call.state.dirty = true
		}
	case nodeModule:
		e.evalModule(e.cfg.byModule[n.name])
	}
}

// passedProvider reports whether this module was given the aws provider
// configuration with the alias: by its call's providers map or, for the
// default configuration, by inheritance.
func (e *evaluator) passedProvider(alias string) bool {
	return e.passed[alias]
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
		if s := suggest.Closest(name, variableNames(child)); s != "" {
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
			Subject:  m.BodyRange.Ptr(),
		})
	}
}

// evalModule expands a module call and makes an evaluator for each of its
// instances; their nodes are evaluated as the whole graph reaches them.
func (e *evaluator) evalModule(m *Module) {
	n := node{kind: nodeModule, name: m.Name}
	cs := &callState{module: m}
	e.calls[m.Name] = cs
	if m.Child == nil {
		// Not installed: the loader warned. What the state records under
		// it is kept, and its outputs are external values.
		e.model.Unevaluated = append(e.model.Unevaluated, schema.ModuleChild(e.path, m.Name, schema.NoKey))
		cs.fixed = external(cty.DynamicVal)
		return
	}
	e.checkCallArguments(m)
	ctx := e.scope(e.refs[n])
	ex, diags := e.expandMeta(m.Count, m.ForEach, ctx)
	if e.allUnknown {
		// Terraform's validate walk does not expand module calls: each
		// module is checked once with its variables unknown.
		ex = expansion{kind: ex.kind}
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
		cs.fixed = cty.DynamicVal
		if !diags.HasErrors() && ex.unknownErr != nil {
			e.model.Unevaluated = append(e.model.Unevaluated, schema.ModuleChild(e.path, m.Name, schema.NoKey))
			cs.fixed = external(cty.DynamicVal)
		}
		return
	}
	cs.kind, cs.keys, cs.dirty = ex.kind, ex.keys, true
	for i, key := range ex.keys {
		child := e.newChild(m, key, &childCall{state: cs, key: key, each: ex.values[i]})
		cs.children = append(cs.children, child)
		e.w.insts[m.Child] = append(e.w.insts[m.Child], child)
	}
}

// takeArgument evaluates, in the caller's scope, the argument that gives
// a variable of this module instance its value.
func (e *evaluator) takeArgument(name string) {
	m := e.call.state.module
	attr, ok := m.Args[name]
	if !ok {
		return
	}
	p := e.parent
	ctx := instanceScope(p.scope(p.argRefs[m.Name][name]), e.call.key, e.call.each)
	v, diags := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, e.l.limits))
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		v = cty.DynamicVal
	}
	rng := attr.Expr.Range()
	e.pending[name] = rawValue{expr: hcl.StaticExpr(v, rng), from: fromFile, rng: &rng}
}

// moduleValue is the value of module.NAME in this module instance: an
// object of the outputs of its one instance, a tuple of them (count) or
// an object of them by key (for_each). Outputs not evaluated yet are
// unknown; the graph orders every reference after what it reads.
func (e *evaluator) moduleValue(name string) (cty.Value, bool) {
	cs := e.calls[name]
	if cs == nil {
		return cty.NilVal, false
	}
	if cs.fixed != cty.NilVal {
		return cs.fixed, true
	}
	if !cs.dirty {
		return cs.value, true
	}
	values := make([]cty.Value, len(cs.children))
	for i, c := range cs.children {
		out := make(map[string]cty.Value, len(c.cfg.Outputs))
		for _, o := range c.cfg.Outputs {
			v, ok := c.outputs[o.Name]
			if !ok {
				v = cty.DynamicVal
			}
			out[o.Name] = v
		}
		values[i] = cty.ObjectVal(out)
	}
	switch cs.kind {
	case schema.NoKeyKind:
		cs.value = values[0]
	case schema.IntKeyKind:
		cs.value = cty.EmptyTupleVal
		if len(values) > 0 {
			cs.value = cty.TupleVal(values)
		}
	default:
		byKey := make(map[string]cty.Value, len(values))
		for i, k := range cs.keys {
			byKey[k.Str] = values[i]
		}
		cs.value = cty.ObjectVal(byKey)
	}
	cs.dirty = false
	return cs.value, true
}

// checkModuleBody checks the module of a call that has no known
// instances (count = 0, or an unknown count or for_each) as terraform
// validate does: once, as a configuration of its own with every variable
// unknown, whose model nothing reads, so that its mistakes are reported
// all the same.
func (e *evaluator) checkModuleBody(m *Module) {
	if len(e.w.insts[m.Child]) > 0 || e.checked[m.Child] {
		return
	}
	e.checked[m.Child] = true
	passed := map[string]bool{"": true}
	for _, p := range m.Providers {
		if p.InChild.Name == "aws" {
			passed[p.InChild.Alias] = true
		}
	}
	_, diags := e.l.evaluateAs(e.ctx, m.Child, Options{Mode: ValidateMode, Cwd: e.opts.Cwd, ReadFile: e.opts.ReadFile, Parallelism: e.opts.Parallelism}, true, passed)
	seen := map[string]bool{}
	for _, d := range diags {
		if d.Severity == hcl.DiagError && !seen[diagKey(d)] {
			seen[diagKey(d)] = true
			e.diags = append(e.diags, d)
		}
	}
}

// newChild returns the evaluator of one instance of module call m.
func (e *evaluator) newChild(m *Module, key schema.InstanceKey, call *childCall) *evaluator {
	lg := e.w.local[m.Child]
	return &evaluator{
		ctx:        e.ctx,
		l:          e.l,
		cfg:        m.Child,
		opts:       e.opts,
		funcs:      e.funcs,
		g:          lg.g,
		refs:       lg.refs,
		narrow:     lg.narrow,
		checkRefs:  lg.checkRefs,
		argRefs:    lg.argRefs,
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
		defaulted:  map[string]bool{},
		path:       schema.ModuleChild(e.path, m.Name, key),
		parent:     e,
		call:       call,
		calls:      map[string]*callState{},
		outputs:    map[string]cty.Value{},
		w:          e.w,
		checked:    e.checked,
	}
}

// sensitiveOutput marks a child's output value as its caller sees it.
func sensitiveOutput(v cty.Value, o *Output) cty.Value {
	if o.Sensitive {
		return v.Mark(funcs.SensitiveMark)
	}
	return v
}
