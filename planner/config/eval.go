package config

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// EvalMode says what the evaluation is for.
type EvalMode int

const (
	// ValidateMode needs no variable values: a variable without one is
	// unknown, and so is a count or for_each that depends on it.
	ValidateMode EvalMode = iota
	// PlanMode needs every value: a variable without one is asked for
	// through Options.Prompt or is an error, and count and for_each must
	// be known.
	PlanMode
)

// Options are the inputs of an evaluation that do not come from the
// configuration files.
type Options struct {
	Mode EvalMode
	// Vars are the -var and -var-file arguments, in command-line order.
	Vars []VarArg
	// Values, when set, are the variable values to use, taking precedence
	// over every other source: a saved plan's.
	Values map[string]cty.Value
	// Env is the process environment as os.Environ returns it; only
	// TF_VAR_name entries are read.
	Env []string
	// Cwd is path.cwd.
	Cwd string
	// Prompt asks for the value of a variable that has none, in PlanMode.
	// It returns false when no value can be asked for (no terminal,
	// -input=false).
	Prompt func(v *Variable) (string, bool)
	// Known returns the recorded value of an instance (from the prior
	// state): its computed attributes are then known at plan time, and
	// literal ids and ARNs in the configuration link to it.
	Known func(addr schema.InstanceAddr) (cty.Value, bool)
	// KnownTop, when set with Known, returns the same recorded value as
	// its top-level fields in the order of the schema's TopLevelNames,
	// unmarked and of the schema's types (as the planner decodes them from
	// state); the evaluator then reads fields from it without lookups or
	// conversions, which is faster for large states. It must agree with
	// Known.
	KnownTop func(addr schema.InstanceAddr) ([]cty.Value, bool)
	// Finalize, when set, is called for every instance once its block is
	// evaluated, in address order and before any dependent is evaluated;
	// its result replaces the instance's value (same type and shape) and is
	// what references see. Apply uses it to fill computed attributes as it
	// goes, so that dependents see real ids.
	Finalize func(inst *Instance) (cty.Value, hcl.Diagnostics)
	// AssumedAccount is the account of provider configurations whose
	// account is unknown, for data "aws_caller_identity" only (see
	// planner.AssumedAccount); "" leaves it unknown. Instance.Account and
	// ProviderConfig.Account stay unknown, so rules never compare it.
	AssumedAccount string
	// Plan, when set, is called for every managed instance of a block that
	// something depends on (another block, a local, an output), once the
	// instance is evaluated and before anything that depends on it is; it
	// may be called concurrently for the instances of one block. When it
	// returns true, its value (of the same type) replaces the instance's,
	// and is what references and rules see: the planner returns the
	// instance's planned new value, so that the computed attributes of a
	// created or replaced instance are unknown in its dependents, as in
	// Terraform's plan walk. Instances of blocks nothing depends on are
	// left to the planner to diff afterwards, in parallel.
	Plan func(inst *Instance) (cty.Value, bool)
	// Parallelism bounds the goroutines that evaluate the instances of one
	// block, and the blocks computed at the same time (runConcurrently);
	// 0 means one per processor.
	Parallelism int
	// sequential evaluates one block at a time, for the tests that compare
	// it with the concurrent evaluation.
	sequential bool
	// ReadFile reads files for the file functions and -var-file; nil means
	// inputfile.ReadFile within the loader's file size bound.
	ReadFile func(path string) ([]byte, error)
	// PlanTimestamp is what plantimestamp() returns: the time the plan was
	// made, which apply must reuse. The zero time makes it unknown, as
	// Terraform's is during validation.
	PlanTimestamp time.Time
	// Foreign, when set, returns the value the prior state records for a
	// block vpcplan cannot evaluate (a resource type outside the catalog, a
	// data source it cannot read), as a reference to the block sees it: one
	// object for a block without count or for_each, a tuple for count, an
	// object by key for for_each. References then see that value, marked
	// as external, instead of an unknown one; instances the configuration
	// expands to and the state does not record stay unknown. It returns
	// false when the state records no instance of the block.
	Foreign func(addr schema.Addr) (cty.Value, bool)
}

// VarArg is one -var NAME=VALUE (File empty) or -var-file=FILE argument.
type VarArg struct {
	Name  string
	Value string
	File  string
}

// evaluator holds the state of one Evaluate call.
type evaluator struct {
	ctx    context.Context
	l      *Loader
	cfg    *Config
	opts   Options
	funcs  map[string]function.Function
	diags  hcl.Diagnostics
	g      *graph.Graph[node]
	refs   map[node][]schema.Reference
	narrow map[node]map[schema.Addr][]string // see narrowUses

	vars      map[string]cty.Value // marked (sensitive)
	pending   map[string]rawValue  // raw values from every source
	locals    map[string]cty.Value
	blockVals map[schema.Addr]*blockValue
	providers map[string]*ProviderConfig
	decoders  map[*schema.Resource]*blockDecoder
	targets   map[schema.TypeName]map[string]bool // attributes some Ref names
	model     *Model
	linker    *linker
	// expansions caches for_each expansions of locals and variables.
	expansions map[string]expansion
	// allUnknown evaluates every variable as unknown, as Terraform's
	// validate walk does (see PlanFailure).
	allUnknown bool
	// checkRefs are the references of each check block's assertions.
	checkRefs map[*Check][]schema.Reference
	// defaulted names the variables that took their default in
	// ValidateMode (see openBlocks); fromDefaults memoises, per local,
	// whether its value derives from one.
	defaulted    map[string]bool
	fromDefaults map[string]bool

	// Module evaluation (module_eval.go). path is the module instance this
	// evaluator evaluates, "" for the root; parent and call are set for a
	// child. passed names the provider aliases the module's call passes.
	path   schema.ModulePath
	parent *evaluator
	call   *childCall
	passed map[string]bool
	// argRefs are the references of each module call's arguments; calls
	// the module calls once expanded.
	argRefs map[string]map[string][]schema.Reference
	calls   map[string]*callState
	// outputs holds the output values, marked, for a child's caller.
	outputs map[string]cty.Value
	// w is the whole configuration's graph and every module instance's
	// evaluator; checked the modules checkModuleBody checked.
	w       *whole
	checked map[*Config]bool
}

// Evaluate evaluates cfg in dependency order and links the result. The
// model is returned even when there are errors, holding what could be
// evaluated; callers must not plan from a model with errors.
func (l *Loader) Evaluate(ctx context.Context, cfg *Config, opts Options) (*Model, hcl.Diagnostics) {
	return l.evaluate(ctx, cfg, opts, false)
}

// PlanFailure tells how Terraform's plan reports the errors diags of an
// evaluation of cfg in PlanMode with opts. Terraform checks the values
// given for variables first, then validates the configuration with every
// variable unknown (its validate walk), and plans only when both pass;
// only errors of that last stage come with "Planning failed". PlanFailure
// returns the diagnostics Terraform shows and whether they are errors of
// its plan walk: diags when they include errors about the values given
// (Evaluate stopped there) or when the configuration validates with every
// variable unknown, else the diagnostics of that validation. It evaluates
// cfg once more, so it is meant for the failure path only.
func (l *Loader) PlanFailure(ctx context.Context, cfg *Config, opts Options, diags hcl.Diagnostics) (hcl.Diagnostics, bool) {
	for _, d := range diags {
		if _, ok := d.Extra.(inputError); ok && d.Severity == hcl.DiagError {
			return diags, false
		}
	}
	_, vdiags := l.evaluate(ctx, cfg, Options{
		Mode: ValidateMode, Vars: opts.Vars, Values: opts.Values, Env: opts.Env, Cwd: opts.Cwd,
		ReadFile: opts.ReadFile, Parallelism: opts.Parallelism,
	}, true)
	if vdiags.HasErrors() {
		return vdiags, false
	}
	return diags, true
}

// evaluate is Evaluate, with every variable unknown when allUnknown is
// set.
func (l *Loader) evaluate(ctx context.Context, cfg *Config, opts Options, allUnknown bool) (*Model, hcl.Diagnostics) {
	return l.evaluateAs(ctx, cfg, opts, allUnknown, nil)
}

// evaluateAs is evaluate for a module checked on its own (checkModuleBody):
// passed names the provider aliases its call passes it.
func (l *Loader) evaluateAs(ctx context.Context, cfg *Config, opts Options, allUnknown bool, passed map[string]bool) (*Model, hcl.Diagnostics) {
	if opts.ReadFile == nil {
		max := l.limits.FileSize
		opts.ReadFile = func(path string) ([]byte, error) { return inputfile.ReadFile(path, max) }
	}
	e := &evaluator{
		ctx:        ctx,
		l:          l,
		cfg:        cfg,
		opts:       opts,
		funcs:      functionTable(cfg, opts, l.limits),
		refs:       map[node][]schema.Reference{},
		narrow:     map[node]map[schema.Addr][]string{},
		vars:       map[string]cty.Value{},
		pending:    map[string]rawValue{},
		locals:     map[string]cty.Value{},
		blockVals:  map[schema.Addr]*blockValue{},
		providers:  map[string]*ProviderConfig{},
		decoders:   map[*schema.Resource]*blockDecoder{},
		expansions: map[string]expansion{},
		allUnknown: allUnknown,
		defaulted:  map[string]bool{},
		calls:      map[string]*callState{},
		outputs:    map[string]cty.Value{},
		checked:    map[*Config]bool{},
		passed:     passed,
		targets:    l.refTargets(),
		model: &Model{
			Config:    cfg,
			Variables: map[string]cty.Value{},
			byAddr:    map[schema.InstanceAddr]*Instance{},
			byType:    map[schema.TypeName][]*Instance{},
		},
	}
	e.model.Providers = e.providers
	// The diagnostics are pointers, so redacting them after the returns
	// below reaches what the caller gets.
	defer func() { redactFunctionErrors(e.diags, l.limits) }()
	e.linker = &linker{m: e.model, refs: map[*schema.Block]*blockRefs{}, index: map[schema.TypeName]map[litKey][]*Instance{}}
	// As Terraform does, an unsupported language version stops everything.
	if e.diags = CheckCoreVersion(cfg); e.diags.HasErrors() {
		return e.model, e.diags
	}
	if !e.buildWhole() {
		// As Terraform does: reference errors stop evaluation, since every
		// later error would repeat them.
		return e.model, e.diags
	}
	order, ok := e.wholeOrder()
	if !ok {
		return e.model, e.diags
	}
	moreDiags := e.collectVariableValues()
	e.diags = append(e.diags, moreDiags...)
	if moreDiags.HasErrors() && opts.Mode == PlanMode {
		// Terraform checks the values given before it evaluates anything.
		return e.model, e.diags
	}
	if !e.runWhole(order) {
		return e.model, e.diags
	}
	e.finishModel()
	e.link()
	return e.model, e.diags
}

// refTargets collects, per type, the attributes that some reference
// argument of the catalog names: those values carry owner marks.
func (l *Loader) refTargets() map[schema.TypeName]map[string]bool {
	out := map[schema.TypeName]map[string]bool{}
	var walk func(b *schema.Block)
	walk = func(b *schema.Block) {
		for _, a := range b.Attributes {
			for _, ref := range a.RefersTo {
				if out[ref.Type] == nil {
					out[ref.Type] = map[string]bool{}
				}
				out[ref.Type][ref.Attr] = true
			}
		}
		for _, nb := range b.Blocks {
			walk(&nb.Block)
		}
	}
	for _, r := range schema.Resources() {
		walk(&r.Block)
	}
	return out
}

// buildGraph finds every reference, reports undeclared ones, and connects
// the nodes.
func (e *evaluator) buildGraph() {
	e.g = graph.New[node](func(a, b node) bool { return a.less(b) })
	rc := &refCollector{cfg: e.cfg}
	connect := func(from node, refs []schema.Reference, inCount, inForEach bool) {
		e.g.Add(from)
		for _, ref := range refs {
			to, ok := rc.check(ref, inCount, inForEach)
			if !ok {
				continue
			}
			if to == from {
				e.selfReference(from, ref)
				continue
			}
			e.g.Connect(from, to)
		}
		e.refs[from] = refs
	}
	for _, v := range e.cfg.Variables {
		var travs []hcl.Traversal
		for _, val := range v.Validations {
			travs = append(travs, val.Condition.Variables()...)
			travs = append(travs, val.ErrorMessage.Variables()...)
		}
		n := node{kind: nodeVariable, name: v.Name}
		refs := rc.traversalRefs(travs, nil)
		// A validation refers to its own variable; that is no dependency.
		own := refs[:0]
		for _, r := range refs {
			if !(r.Kind == schema.RefVariable && r.Name == v.Name) {
				own = append(own, r)
			}
		}
		connect(n, own, false, false)
	}
	for _, lv := range e.cfg.Locals {
		connect(node{kind: nodeLocal, name: lv.Name}, rc.traversalRefs(lv.Expr.Variables(), nil), false, false)
	}
	for _, p := range e.cfg.Providers {
		var travs []hcl.Traversal
		for _, x := range []hcl.Expression{p.Region, p.AllowedAccountIDs, p.AssumeRoleARN} {
			if x != nil {
				travs = append(travs, x.Variables()...)
			}
		}
		connect(node{kind: nodeProvider, name: p.Alias}, rc.traversalRefs(travs, nil), false, false)
	}
	// The walks of the resources' bodies read nothing but the body: they
	// run on every core, and the graph is connected in order after them.
	travsOf := make([][]hcl.Traversal, len(e.cfg.Resources))
	narrowOf := make([]map[schema.Addr][]string, len(e.cfg.Resources))
	parallel.Workers(len(e.cfg.Resources), 0, 64, func(i int) {
		r := e.cfg.Resources[i]
		if r.Syntax != nil {
			travsOf[i] = bodyTraversals(r.Syntax, resourceSkipAttrs, resourceSkipBlocks)
		}
		narrowOf[i] = narrowUses(r.Syntax)
	})
	for i, r := range e.cfg.Resources {
		n := node{kind: nodeResource, addr: r.Addr}
		travs := append(travsOf[i], r.DependsOn...)
		connect(n, rc.traversalRefs(travs, nil), r.Count != nil, r.ForEach != nil)
		e.narrow[n] = narrowOf[i]
		if r.Provider != nil && r.Schema != nil {
			if r.Provider.Name != "aws" {
				rc.diags = append(rc.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid provider reference",
					Detail:   fmt.Sprintf("The %s type belongs to the aws provider, not %q.", r.Addr.Type, r.Provider.Name),
					Subject:  r.Provider.Range.Ptr(),
				})
			} else if e.cfg.byProvider[r.Provider.Alias] == nil && !e.passedProvider(r.Provider.Alias) {
				detail := fmt.Sprintf("There is no provider \"aws\" block with alias %q.", r.Provider.Alias)
				var aliases []string
				for _, p := range e.cfg.Providers {
					if p.Alias != "" {
						aliases = append(aliases, p.Alias)
					}
				}
				if s := suggest.Closest(r.Provider.Alias, aliases); s != "" {
					detail += fmt.Sprintf(" Did you mean aws.%s?", s)
				} else {
					detail += fmt.Sprintf(" Declare one with provider \"aws\" { alias = %q }.", r.Provider.Alias)
				}
				rc.diags = append(rc.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared provider configuration",
					Detail:   detail,
					Subject:  r.Provider.Range.Ptr(),
				})
			} else if e.cfg.byProvider[r.Provider.Alias] != nil {
				e.g.Connect(n, node{kind: nodeProvider, name: r.Provider.Alias})
			}
		} else if r.Schema != nil && e.cfg.byProvider[""] != nil {
			e.g.Connect(n, node{kind: nodeProvider, name: ""})
		}
	}
	e.argRefs = map[string]map[string][]schema.Reference{}
	for _, m := range e.cfg.Modules {
		n := node{kind: nodeModule, name: m.Name}
		// Each argument's references make the dependencies of the
		// module's variable it sets (see buildWhole); they are checked
		// here.
		e.argRefs[m.Name] = map[string][]schema.Reference{}
		for _, name := range sortedAttrNames(m.Args) {
			refs := rc.traversalRefs(m.Args[name].Expr.Variables(), nil)
			for _, ref := range refs {
				rc.check(ref, m.Count != nil, m.ForEach != nil)
			}
			e.argRefs[m.Name][name] = refs
		}
		var travs []hcl.Traversal
		for _, a := range []*hcl.Attribute{m.Count, m.ForEach} {
			if a != nil {
				travs = append(travs, a.Expr.Variables()...)
			}
		}
		travs = append(travs, m.DependsOn...)
		connect(n, rc.traversalRefs(travs, nil), m.Count != nil, m.ForEach != nil)
		e.connectProviderPasses(n, m, rc)
	}
	for _, o := range e.cfg.Outputs {
		travs := append(o.Expr.Variables(), o.DependsOn...)
		travs = append(travs, checkRuleTraversals(o.Preconditions)...)
		connect(node{kind: nodeOutput, name: o.Name}, rc.traversalRefs(travs, nil), false, false)
	}
	// Check blocks are evaluated after everything else (evalChecks); their
	// references are checked here all the same.
	e.checkRefs = make(map[*Check][]schema.Reference, len(e.cfg.Checks))
	for _, c := range e.cfg.Checks {
		refs := rc.traversalRefs(checkRuleTraversals(c.Asserts), nil)
		for _, ref := range refs {
			rc.check(ref, false, false)
		}
		e.checkRefs[c] = refs
	}
	e.diags = append(e.diags, rc.diags...)
}

// selfReference reports a reference of a block to itself with Terraform's
// errors. (Variables' references to themselves are left out before, and
// outputs cannot be referred to.)
func (e *evaluator) selfReference(n node, ref schema.Reference) {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Subject: ref.Range.Ptr()}
	switch n.kind {
	case nodeLocal:
		d.Summary = "Self-referencing local value"
		d.Detail = fmt.Sprintf("Local value %s cannot use its own result as part of its expression.", n)
		d.Context = e.cfg.byLocal[n.name].Expr.Range().Ptr()
	default:
		d.Summary = "Self-referential block"
		d.Detail = fmt.Sprintf("Configuration for %s may not refer to itself.", n)
	}
	e.diags = append(e.diags, d)
}

// cycleName is the name of a node's vertex in Terraform's graph, as its
// cycle errors print it.
func (e *evaluator) cycleName(n node) string {
	switch n.kind {
	case nodeVariable:
		return "var." + n.name + " (validation)" // only validations refer to anything
	case nodeLocal:
		return "local." + n.name + " (expand)"
	case nodeProvider:
		if n.name == "" {
			return `provider["registry.terraform.io/hashicorp/aws"]`
		}
		return `provider["registry.terraform.io/hashicorp/aws"].` + n.name
	case nodeOutput:
		return "output." + n.name + " (expand)"
	case nodeModule:
		return "module." + n.name + " (expand)"
	}
	return n.addr.String()
}

// scope builds the evaluation context for expressions with the given
// references: only what they name is put in, so the cost is linear in the
// references, not in the size of the configuration.
func (e *evaluator) scope(refs []schema.Reference) *hcl.EvalContext {
	return e.scopeNarrow(refs, nil)
}

// scopeNarrow is scope with what narrowUses found in the expressions.
func (e *evaluator) scopeNarrow(refs []schema.Reference, narrow map[schema.Addr][]string) *hcl.EvalContext {
	ctx := &hcl.EvalContext{Functions: e.funcs}
	if len(refs) == 0 {
		return ctx
	}
	// The maps are made on first use: most scopes name one or two things.
	var varObj, localObj, mods map[string]cty.Value
	var res, data map[schema.TypeName]map[string]cty.Value
	prefixed := false // some reference is written resource.TYPE.NAME
	vars := make(map[string]cty.Value, 4)
	named := func(m *map[string]cty.Value, name string, v cty.Value, ok bool) {
		if *m == nil {
			*m = map[string]cty.Value{}
		}
		if !ok {
			v = cty.DynamicVal
		}
		(*m)[name] = v
	}
	for _, ref := range refs {
		switch ref.Kind {
		case schema.RefVariable:
			v, ok := e.vars[ref.Name]
			named(&varObj, ref.Name, v, ok)
		case schema.RefLocal:
			v, ok := e.locals[ref.Name]
			named(&localObj, ref.Name, v, ok)
		case schema.RefResource:
			prefixed = prefixed || ref.Prefixed
			target := &res
			if ref.Resource.Mode == schema.DataMode {
				target = &data
			}
			if *target == nil {
				*target = map[schema.TypeName]map[string]cty.Value{}
			}
			byName := (*target)[ref.Resource.Type]
			if byName == nil {
				byName = map[string]cty.Value{}
				(*target)[ref.Resource.Type] = byName
			}
			if _, done := byName[ref.Resource.Name]; !done {
				byName[ref.Resource.Name] = e.refValue(ref.Resource, refAttrs(refs, ref.Resource, narrow))
			}
		case schema.RefModule:
			v, ok := e.moduleValue(ref.Name)
			named(&mods, ref.Name, v, ok)
		case schema.RefPath:
			vars["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(filepath.ToSlash(e.cfg.Dir)),
				"root":   cty.StringVal(filepath.ToSlash(e.cfg.RootDir)),
				"cwd":    cty.StringVal(filepath.ToSlash(e.opts.Cwd)),
			})
		case schema.RefTerraform:
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default"), "applying": cty.False})
		}
	}
	if varObj != nil {
		vars["var"] = cty.ObjectVal(varObj)
	}
	if localObj != nil {
		vars["local"] = cty.ObjectVal(localObj)
	}
	for t, names := range res {
		vars[string(t)] = cty.ObjectVal(names)
	}
	if prefixed {
		// resource.aws_vpc.main, Terraform's explicit form, names the
		// same objects.
		types := make(map[string]cty.Value, len(res))
		for t := range res {
			types[string(t)] = vars[string(t)]
		}
		vars["resource"] = cty.ObjectVal(types)
	}
	if data != nil {
		types := map[string]cty.Value{}
		for t, names := range data {
			types[string(t)] = cty.ObjectVal(names)
		}
		vars["data"] = cty.ObjectVal(types)
	}
	if mods != nil {
		vars["module"] = cty.ObjectVal(mods)
	}
	ctx.Variables = vars
	return ctx
}

// refAttrs returns the attributes that every reference to addr among refs
// reads directly (aws_vpc.main.id reads "id", aws_subnet.a[0].id and, by
// narrow, aws_subnet.a[each.key].id read "id"), or nil when some reference
// uses the whole object (as a for expression over it does). It is linear in
// refs, which are few per scope.
func refAttrs(refs []schema.Reference, addr schema.Addr, narrow map[schema.Addr][]string) []string {
	var attrs []string
	narrowed := false
	for _, r := range refs {
		if r.Kind != schema.RefResource || r.Resource != addr {
			continue
		}
		rest := r.Remaining
		if len(rest) > 0 {
			if _, ok := rest[0].(hcl.TraverseIndex); ok {
				rest = rest[1:]
			}
		}
		if len(rest) == 0 {
			// The whole block value: fine when every use of it only reads
			// attributes (narrowUses).
			n, ok := narrow[addr]
			if !ok || n == nil {
				return nil
			}
			if !narrowed {
				attrs = append(attrs, n...)
				narrowed = true
			}
			continue
		}
		a, ok := rest[0].(hcl.TraverseAttr)
		if !ok {
			return nil
		}
		attrs = append(attrs, a.Name)
	}
	return attrs
}

func (e *evaluator) evalLocal(lv *Local) {
	ctx := e.scope(e.refs[node{kind: nodeLocal, name: lv.Name}])
	v, diags := lv.Expr.Value(exprbound.Scope(ctx, lv.Expr, e.l.limits))
	if d := stringLengthBound(lv.Expr, "local."+lv.Name, v, e.l.limits.StringLength); d != nil {
		diags = append(diags, d)
	}
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		v = cty.DynamicVal
	}
	e.locals[lv.Name] = v
}

func (e *evaluator) evalOutput(name string) {
	var o *Output
	for _, x := range e.cfg.Outputs {
		if x.Name == name {
			o = x
		}
	}
	ctx := e.scope(e.refs[node{kind: nodeOutput, name: name}])
	// Failed preconditions prevent the evaluation of the value, as in
	// Terraform.
	for _, cr := range o.Preconditions {
		if !e.evalCheckRule(cr, ctx, "Module output value precondition", hcl.DiagError) {
			e.outputs[name] = sensitiveOutput(cty.DynamicVal, o)
			if e.parent == nil {
				e.model.Outputs = append(e.model.Outputs, &OutputValue{Output: o, Value: cty.DynamicVal, Sensitive: o.Sensitive})
			}
			return
		}
	}
	v, diags := o.Expr.Value(exprbound.Scope(ctx, o.Expr, e.l.limits))
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		v = cty.DynamicVal
	}
	e.outputs[name] = sensitiveOutput(v, o)
	unmarked, pvm := v.UnmarkDeepWithPaths()
	sensitive := o.Sensitive
	if hasSensitive(pvm) && !o.Sensitive {
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Output refers to sensitive values",
			Detail:   "To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, vpcplan requires that any root module output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n    sensitive = true",
			Subject:  o.DeclRange.Ptr(),
		})
	}
	if e.parent != nil {
		return
	}
	ext := !unmarked.IsWhollyKnown() && (len(externalPaths(pvm)) > 0 || (e.opts.Plan != nil && e.depsSettled(node{kind: nodeOutput, name: name})))
	e.model.Outputs = append(e.model.Outputs, &OutputValue{Output: o, Value: unmarked, Sensitive: sensitive, External: ext})
}

func hasSensitive(pvm []cty.PathValueMarks) bool {
	for _, p := range pvm {
		if p.Marks.Has(funcs.SensitiveMark) {
			return true
		}
	}
	return false
}

// hasDynamicBlocks reports whether a body uses `dynamic` blocks anywhere,
// so that the dynblock expansion is paid only where it is needed.
func hasDynamicBlocks(b *hclsyntax.Body) bool {
	if b == nil {
		return false
	}
	for _, blk := range b.Blocks {
		if blk.Type == "dynamic" || hasDynamicBlocks(blk.Body) {
			return true
		}
	}
	return false
}
