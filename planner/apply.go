package planner

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Op is the kind of work an apply event reports.
type Op int

const (
	OpCreate Op = iota
	OpModify
	OpDestroy
	OpRead
	// OpSave reports a save of the state that is not right after each
	// change: see Event.
	OpSave
)

// Event reports the progress of an apply: Done is false when an operation
// starts and true when it is complete.
//
// While saves are cheap, Apply saves the state after every change, before
// the next event, and reports no save. Once a save takes long enough for
// Apply to space saves out (see Apply), changes reported as complete may
// not be in the state yet; from then on, every save is reported, as an
// event with Op OpSave, Done true, no Addr, and Saved, Total and Serial
// set: the state on disk holds at least the first Saved changes of this
// apply. The first such event comes at the save that starts the spacing,
// so no completion goes unsaved before a save event says so.
type Event struct {
	Addr    schema.InstanceAddr
	Op      Op
	Done    bool
	ID      string // the instance's id, when it has one
	Deposed string // the deposed object's key, for the old object of a create_before_destroy replacement
	Elapsed time.Duration
	// Saved is how many of the plan's Total changes the saved state
	// records, and Serial its serial (OpSave only).
	Saved, Total int
	Serial       uint64
}

// ApplyOptions are the inputs of Apply besides the plan.
type ApplyOptions struct {
	// Store receives the state after every change (see Apply).
	Store state.Store
	// Progress, when set, receives every event, in order.
	Progress func(Event)
	// Evaluate evaluates the plan's configuration again with the given
	// Known and Finalize hooks (config.Options), with the same variable
	// values the plan used.
	Evaluate func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics)
	// Catalog decodes the prior state.
	Catalog *schema.Catalog
	// ToolVersion is recorded in the state.
	ToolVersion string
}

// applier holds one Apply's working state.
type applier struct {
	ctx     context.Context
	p       *Plan
	opts    ApplyOptions
	st      *state.State
	changes map[schema.InstanceAddr]*Change
	res     map[schema.Addr]*state.Resource
	done    int
	total   int // the plan's changes other than NoOp
	// lastSave is when the last save ended and saveCost what it took;
	// spaced is set once a save took long enough to space saves out, and
	// from then on every save is reported (Event).
	lastSave time.Time
	saveCost time.Duration
	spaced   bool
	diags    hcl.Diagnostics
	applied  [3]int // added, changed, destroyed
	saveErrs int
	// byID holds the final value of every managed instance finalized so
	// far, by type and id: the filler's lookup (a subnet's VPC block, an
	// endpoint's subnets). Finalize is called in dependency order, so what
	// an instance refers to is there before it.
	byID map[schema.TypeName]map[string]cty.Value
}

// Apply carries out the plan: deletes in reverse dependency order, then
// creates, updates and replacements in dependency order, filling the
// computed attributes as AWS would. It saves the state after every
// resource, and whenever it stops, so an interrupted apply leaves a state
// that records exactly what was done; when saving gets expensive (over
// 5 ms: a state of 100,000 instances takes over a second to write), it
// waits ten times as long as the last save took before the next, so saving
// never takes more than about a tenth of the apply. It returns the new state and
// the counts Terraform's summary prints.
func Apply(ctx context.Context, p *Plan, opts ApplyOptions) (*state.State, [3]int, hcl.Diagnostics) {
	a := &applier{ctx: ctx, p: p, opts: opts, st: p.Prior.DeepCopy(), changes: map[schema.InstanceAddr]*Change{}, res: map[schema.Addr]*state.Resource{}}
	if a.st.TerraformVersion == "" {
		// A state Terraform wrote keeps its version: the state is still
		// Terraform's to read and write, and vpcplan's own version would
		// mean nothing to it.
		a.st.TerraformVersion = opts.ToolVersion
	}
	for _, c := range p.Changes {
		a.changes[c.Addr] = c
	}
	for _, c := range p.Changes {
		if c.Action != NoOp {
			a.total++
		}
	}
	for _, r := range a.st.Resources {
		mode := schema.ManagedMode
		if r.Mode == "data" {
			mode = schema.DataMode
		}
		a.res[schema.Addr{Module: r.Module, Mode: mode, Type: schema.TypeName(r.Type), Name: r.Name}] = r
	}
	a.deletes()
	if !a.diags.HasErrors() && !p.Destroy && ctx.Err() == nil {
		idx, diags := IndexPrior(p.Prior, opts.Catalog)
		a.diags = append(a.diags, diags...)
		m, diags := opts.Evaluate(ctx, idx.Known, a.finalize)
		a.diags = append(a.diags, diags...)
		if m != nil && !a.diags.HasErrors() {
			a.outputs(m)
		}
	}
	if p.Destroy {
		a.st.Outputs = map[string]*state.OutputState{}
	}
	if ctx.Err() != nil {
		a.diags = append(a.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Apply interrupted", Detail: "The apply stopped before it was complete; the state records what was done. Run plan again to see what is left."})
	}
	a.save(true)
	return a.st, a.applied, a.diags
}

// deletes removes the instances the plan deletes, dependents first.
func (a *applier) deletes() {
	var dels []*Change
	for _, c := range a.p.Changes {
		if c.Action == Delete {
			dels = append(dels, c)
		}
	}
	g := graph.New[schema.Addr](func(x, y schema.Addr) bool { return x.Less(y) })
	byRes := map[schema.Addr][]*Change{}
	for _, c := range dels {
		g.Add(c.Addr.Resource)
		byRes[c.Addr.Resource] = append(byRes[c.Addr.Resource], c)
	}
	for _, c := range dels {
		for _, d := range c.Dependencies {
			if g.Has(d) {
				g.Connect(c.Addr.Resource, d)
			}
		}
	}
	order, err := g.Reverse().TopoOrder()
	if err != nil {
		order = g.Vertices()
	}
	for _, r := range order {
		cs := byRes[r]
		for i := len(cs) - 1; i >= 0; i-- {
			if a.ctx.Err() != nil {
				return
			}
			c := cs[i]
			start := time.Now()
			id := stringAttr(c.Before, "id")
			a.event(Event{Addr: c.Addr, Op: OpDestroy, ID: id})
			a.remove(c.Addr)
			a.event(Event{Addr: c.Addr, Op: OpDestroy, Done: true, Elapsed: time.Since(start)})
			a.applied[2]++
			a.step()
		}
	}
}

// finalize applies one instance's change while the configuration is
// evaluated again, and returns its final value, which dependents see.
func (a *applier) finalize(inst *config.Instance) (cty.Value, hcl.Diagnostics) {
	if a.ctx.Err() != nil {
		return inst.Value, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Apply interrupted", Detail: "The apply was interrupted; this instance was not applied."}}
	}
	if inst.Addr.Resource.Mode == schema.DataMode {
		f := &filler{lineage: a.st.Lineage, addr: inst.Addr, account: inst.Account}
		if inst.Provider != nil {
			f.region, f.partition = inst.Provider.Region, inst.Provider.Partition
			if f.account == "" {
				f.account = inst.Provider.Account
			}
		}
		if f.account == "" {
			f.account = AssumedAccount(a.st.Lineage)
		}
		v := nullUnknowns(f.fillData(inst.Addr.Resource.Type, inst.Value))
		a.put(inst.Addr, v, &Change{Addr: inst.Addr, Provider: providerAddr(inst.Provider), AfterSensitive: inst.SensitivePaths}, nil)
		return v, nil
	}
	c := a.changes[inst.Addr]
	if c == nil {
		return inst.Value, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Instance not in the plan",
			Detail:   fmt.Sprintf("%s is in the configuration but not in the plan being applied. Make a new plan.", inst.Addr),
		}}
	}
	if c.Action == NoOp {
		a.remember(inst.Addr.Resource.Type, c.Before)
		return c.Before, nil
	}
	account := c.Account
	if account == "" {
		account = AssumedAccount(a.st.Lineage)
	}
	f := &filler{lineage: a.st.Lineage, addr: inst.Addr, account: account, region: c.Region, partition: c.Partition, lookup: a.lookup}
	external := appliedExternal(c, inst)
	planned := plannedAtApply(c, inst, external)
	start := time.Now()
	var v cty.Value
	switch c.Action {
	case Create:
		a.event(Event{Addr: c.Addr, Op: OpCreate})
		v = f.fill(c.Schema, planned)
		a.applied[0]++
	case Update:
		a.event(Event{Addr: c.Addr, Op: OpModify, ID: stringAttr(c.Before, "id")})
		v = f.fill(c.Schema, planned)
		a.applied[1]++
	case DeleteThenCreate, CreateThenDelete:
		oldID := stringAttr(c.Before, "id")
		f.generation = oldID
		if c.Action == DeleteThenCreate {
			a.event(Event{Addr: c.Addr, Op: OpDestroy, ID: oldID})
			a.event(Event{Addr: c.Addr, Op: OpDestroy, Done: true, Elapsed: time.Since(start)})
			a.event(Event{Addr: c.Addr, Op: OpCreate})
			v = f.fill(c.Schema, planned)
		} else {
			a.event(Event{Addr: c.Addr, Op: OpCreate})
			v = f.fill(c.Schema, planned)
			a.event(Event{Addr: c.Addr, Op: OpCreate, Done: true, ID: stringAttr(v, "id"), Elapsed: time.Since(start)})
			deposed := f.hex("deposed", 8)
			a.event(Event{Addr: c.Addr, Op: OpDestroy, ID: oldID, Deposed: deposed})
			a.event(Event{Addr: c.Addr, Op: OpDestroy, Done: true, Deposed: deposed, Elapsed: time.Since(start)})
		}
		a.applied[0]++
		a.applied[2]++
	default:
		return c.Before, nil
	}
	a.put(inst.Addr, v, c, external)
	switch c.Action {
	case Create, DeleteThenCreate:
		a.event(Event{Addr: c.Addr, Op: OpCreate, Done: true, ID: stringAttr(v, "id"), Elapsed: time.Since(start)})
	case Update:
		a.event(Event{Addr: c.Addr, Op: OpModify, Done: true, ID: stringAttr(v, "id"), Elapsed: time.Since(start)})
	}
	a.step()
	a.remember(inst.Addr.Resource.Type, v)
	return v, nil
}

// remember records an instance's final value for lookup.
func (a *applier) remember(t schema.TypeName, v cty.Value) {
	id := stringAttr(v, "id")
	if id == "" {
		return
	}
	if a.byID == nil {
		a.byID = map[schema.TypeName]map[string]cty.Value{}
	}
	if a.byID[t] == nil {
		a.byID[t] = map[string]cty.Value{}
	}
	a.byID[t][id] = v
}

// lookup returns the final value of the instance of type t with the id,
// when this apply has finalized it.
func (a *applier) lookup(t schema.TypeName, id string) (cty.Value, bool) {
	v, ok := a.byID[t][id]
	return v, ok
}

// plannedAtApply is the value of an instance to apply: its evaluation at
// apply time (now with the applied values of what it depends on), as the
// plan planned it for the action the plan chose, with every value AWS
// computes unknown, for fill. external is appliedExternal's.
func plannedAtApply(c *Change, inst *config.Instance, external []cty.Path) cty.Value {
	planned := withTagsAll(applyIgnoreChanges(inst, c.Before))
	planned, _ = keepExternal(external, c.Before, planned)
	switch {
	case c.Action == Update:
		return recomputed(c.Schema, c.Before, planned)
	case c.Action.IsReplace():
		return unknownComputed(c.Schema, planned, inst)
	}
	return planned
}

// appliedExternal is what apply takes as external values of an instance:
// the paths the plan kept (Change.External) and those the evaluation's
// marks find now.
func appliedExternal(c *Change, inst *config.Instance) []cty.Path {
	if len(c.External) == 0 {
		return inst.ExternalPaths
	}
	return append(append([]cty.Path(nil), c.External...), inst.ExternalPaths...)
}

// outputs records the outputs of the configuration as applied; outputs
// the configuration no longer has leave the state, as in Terraform. An
// output whose value vpcplan cannot know (it derives from a value outside
// its model that the state does not record) keeps the value the state
// has, since nothing vpcplan did changed it; a new one records its unknown
// parts as null.
func (a *applier) outputs(m *config.Model) {
	out := map[string]*state.OutputState{}
	for _, o := range m.Outputs {
		if prior, ok := a.st.Outputs[o.Output.Name]; ok && !o.Value.IsWhollyKnown() {
			out[o.Output.Name] = &state.OutputState{Value: prior.Value, Type: prior.Type, Sensitive: o.Sensitive}
			continue
		}
		v := nullUnknowns(o.Value)
		ty := v.Type()
		val, err := ctyjson.Marshal(v, ty)
		if err != nil {
			continue
		}
		tj, err := ctyjson.MarshalType(ty)
		if err != nil {
			continue
		}
		out[o.Output.Name] = &state.OutputState{Value: val, Type: tj, Sensitive: o.Sensitive}
	}
	a.st.Outputs = out
}

func (a *applier) event(e Event) {
	if a.opts.Progress != nil {
		a.opts.Progress(e)
	}
}

// cheapSave is a save too quick to be worth skipping: about 400
// instances' worth. Above it, saving after every resource would cost time
// quadratic in the state's size.
const cheapSave = 5 * time.Millisecond

// step counts a finished change and saves the state when it is time.
func (a *applier) step() {
	a.done++
	if a.saveCost < cheapSave || time.Since(a.lastSave) >= 10*a.saveCost {
		a.save(false)
	}
}

func (a *applier) save(final bool) {
	a.compact()
	if a.opts.Store == nil {
		return
	}
	start := time.Now()
	err := a.opts.Store.Save(a.st)
	a.lastSave, a.saveCost = time.Now(), time.Since(start)
	if a.saveCost >= cheapSave {
		a.spaced = true
	}
	if err == nil && a.spaced {
		a.event(Event{Op: OpSave, Done: true, Saved: a.done, Total: a.total, Serial: a.st.Serial})
	}
	if err != nil {
		a.saveErrs++
		if a.saveErrs == 1 || final {
			a.diags = append(a.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Failed to save state",
				Detail:   fmt.Sprintf("Error saving state: %s. The previous state is unchanged; fix the problem and run apply again.", err),
			})
		}
	}
}

// put writes one instance's object into the state, recording in its
// private data which paths derived from external values.
func (a *applier) put(addr schema.InstanceAddr, v cty.Value, c *Change, external []cty.Path) {
	attrs, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		a.diags = append(a.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Failed to record an instance", Detail: fmt.Sprintf("%s cannot be written to the state: %s.", addr, err)})
		return
	}
	inst := &state.Instance{
		IndexKey:            state.EncodeKey(addr.Key),
		Attributes:          attrs,
		SensitiveAttributes: EncodePaths(c.AfterSensitive),
		CreateBeforeDestroy: c.CreateBeforeDestroy,
	}
	for _, d := range c.Dependencies {
		inst.Dependencies = append(inst.Dependencies, d.String())
	}
	sort.Strings(inst.Dependencies)
	r := a.res[addr.Resource]
	if r == nil {
		mode := "managed"
		if addr.Resource.Mode == schema.DataMode {
			mode = "data"
		}
		r = &state.Resource{Module: addr.Resource.Module, Mode: mode, Type: string(addr.Resource.Type), Name: addr.Resource.Name, Provider: c.Provider}
		a.res[addr.Resource] = r
		a.st.Resources = append(a.st.Resources, r)
	}
	key := string(inst.IndexKey)
	for i, x := range r.Instances {
		if string(x.IndexKey) == key && x.Deposed == "" {
			inst.Private = withExternalPaths(x.Private, external)
			inst.SchemaVersion = x.SchemaVersion // the provider's, which vpcplan does not know
			r.Instances[i] = inst
			return
		}
	}
	inst.Private = withExternalPaths("", external)
	r.Instances = append(r.Instances, inst)
}

// remove deletes one instance from the state, and its resource when it was
// the last.
func (a *applier) remove(addr schema.InstanceAddr) {
	r := a.res[addr.Resource]
	if r == nil {
		return
	}
	key := string(state.EncodeKey(addr.Key))
	kept := r.Instances[:0]
	for _, x := range r.Instances {
		if string(x.IndexKey) != key {
			kept = append(kept, x)
		}
	}
	r.Instances = kept
	if len(kept) == 0 {
		// The empty resource leaves the state at the next save (compact).
		delete(a.res, addr.Resource)
	}
}

// compact drops resources left without instances.
func (a *applier) compact() {
	rs := a.st.Resources[:0]
	for _, r := range a.st.Resources {
		if len(r.Instances) > 0 {
			rs = append(rs, r)
		}
	}
	a.st.Resources = rs
}

func stringAttr(v cty.Value, name string) string {
	if !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(name) {
		return ""
	}
	x := v.GetAttr(name)
	if !x.IsKnown() || x.IsNull() || x.Type() != cty.String {
		return ""
	}
	return x.AsString()
}
