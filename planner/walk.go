package planner

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Options tune a plan.
type Options struct {
	// Destroy plans to delete every managed instance of the prior state.
	Destroy bool
	// ToolVersion is recorded in a state made from scratch.
	ToolVersion string
	// Lineage is the lineage of a state made from scratch; "" means a fresh
	// random one. Tests set it, since apply derives ids from the lineage.
	Lineage string
	// Timestamp is when the plan was made (plantimestamp()); a saved plan
	// carries it to apply.
	Timestamp time.Time
	// Moves are the moves ApplyMoves made to the prior state the walk
	// plans against: the changes of moved instances say where they were.
	Moves Moves
}

// Walk makes a plan the way Terraform's plan walk does: each instance is
// diffed as soon as the evaluation reaches it, in dependency order, and
// what its dependents see is its planned new value: the prior value of a
// no-op, the planned value of an update (ids and ARNs known), unknown
// computed attributes for a create or a replacement. So a replacement makes
// its dependents' derived values unknown, and an unknown ForceNew argument
// replaces them in turn. Instances of blocks nothing depends on are diffed
// after the evaluation, in parallel; each instance is diffed once.
//
// Use it as: w := NewWalk(idx, opts); evaluate with w.EvalOptions(o);
// idx.Wait(); then w.Plan.
type Walk struct {
	idx  *PriorIndex
	opts Options

	mu      sync.Mutex
	planned map[schema.InstanceAddr]plannedChange
}

type plannedChange struct {
	change *Change
	diag   *hcl.Diagnostic
}

// NewWalk returns a walk over the prior state idx indexes.
func NewWalk(idx *PriorIndex, opts Options) *Walk {
	return &Walk{idx: idx, opts: opts, planned: map[schema.InstanceAddr]plannedChange{}}
}

// EvalOptions returns o with the hooks the walk needs set: Known and
// KnownTop from the prior state, and Plan.
func (w *Walk) EvalOptions(o config.Options) config.Options {
	o.Known, o.KnownTop, o.Plan = w.idx.Known, w.idx.KnownTop, w.instance
	return o
}

// instance is config.Options.Plan: it plans one instance and returns the
// value its dependents see. A no-op keeps the evaluated value, which
// already holds the prior values of what AWS computed.
func (w *Walk) instance(inst *config.Instance) (cty.Value, bool) {
	if w.opts.Destroy {
		return cty.NilVal, false
	}
	c, d := w.change(inst)
	inst.Settled = c.Action == NoOp || (c.Action == Update && c.After.IsWhollyKnown())
	if c.Action == Create {
		// Planned again after the evaluation at no cost (there is no
		// prior value to compare), and its planned value is the evaluated
		// one, whose tags_all the evaluator already set.
		return cty.NilVal, false
	}
	w.mu.Lock()
	w.planned[inst.Addr] = plannedChange{change: c, diag: d}
	w.mu.Unlock()
	if c.Action == NoOp {
		return cty.NilVal, false
	}
	return c.After, true
}

// prior returns the decoded prior instance at addr, or nil.
func (w *Walk) prior(addr schema.InstanceAddr) *priorInstance {
	pi := w.idx.byAddr[addr]
	if pi == nil || !pi.load() {
		return nil
	}
	return pi
}

// change plans one managed instance of the configuration: nil when a
// destroy plan has nothing to delete for it.
func (w *Walk) change(inst *config.Instance) (*Change, *hcl.Diagnostic) {
	pi := w.prior(inst.Addr)
	c := &Change{
		Addr:                inst.Addr,
		Schema:              inst.Schema,
		Provider:            providerAddr(inst.Provider),
		CreateBeforeDestroy: inst.Resource.Lifecycle.CreateBeforeDestroy,
		Account:             inst.Account,
		Region:              inst.Region,
		Partition:           inst.Provider.Partition,
		AfterSensitive:      withTagsAllSensitive(inst.SensitivePaths),
	}
	switch {
	case w.opts.Destroy && pi == nil:
		return nil, nil
	case w.opts.Destroy:
		c.Action, c.Before, c.After = Delete, pi.value, cty.NullVal(pi.value.Type())
		c.BeforeSensitive, c.AfterSensitive = pi.sensitive, nil
	case pi == nil:
		c.Action, c.Before, c.After = Create, cty.NullVal(inst.Value.Type()), withTagsAll(inst.Value)
	default:
		c.Before, c.BeforeSensitive = pi.value, pi.sensitive
		diffExisting(c, inst, pi)
	}
	return c, preventDestroy(c, inst.Resource)
}

// Plan finishes the plan of the evaluated model m: it diffs the instances
// the evaluation did not, and deletes what the prior state has that the
// configuration does not. The model must come from an evaluation with
// EvalOptions, must have no errors, and idx.Wait must have returned.
func (w *Walk) Plan(ctx context.Context, m *config.Model, prior *state.State) (*Plan, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	opts, idx := w.opts, w.idx
	p := &Plan{Destroy: opts.Destroy, Prior: prior, PriorExisted: prior != nil, Model: m, Timestamp: opts.Timestamp}
	if prior == nil {
		p.Prior = state.New(opts.ToolVersion)
		if opts.Lineage != "" {
			p.Prior.Lineage = opts.Lineage
		}
	}
	seen := make(map[schema.InstanceAddr]bool, len(m.Instances))
	deps := resourceDeps(m)
	changes := make([]*Change, len(m.Instances))
	changeDiags := make([]*hcl.Diagnostic, len(m.Instances))
	parallel.For(len(m.Instances), func(i int) {
		inst := m.Instances[i]
		if inst.Addr.Resource.Mode == schema.DataMode {
			return
		}
		pc, ok := w.planned[inst.Addr] // written before Evaluate returned
		if !ok {
			pc.change, pc.diag = w.change(inst)
		}
		if pc.change != nil {
			pc.change.Dependencies = deps[inst.Addr.Resource]
			if from, ok := w.opts.Moves[inst.Addr]; ok {
				pc.change.PreviousAddr, pc.change.Moved = from, true
			}
		}
		changes[i], changeDiags[i] = pc.change, pc.diag
	})
	if ctx.Err() != nil {
		return p, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Planning interrupted", Detail: ctx.Err().Error() + "."})
	}
	for i, inst := range m.Instances {
		seen[inst.Addr] = true
		if changeDiags[i] != nil {
			diags = append(diags, changeDiags[i])
		}
		if changes[i] != nil {
			p.Changes = append(p.Changes, changes[i])
		}
	}
	// Blocks whose instances are unknown (their count depends on values
	// from outside vpcplan's model) keep what the state records.
	unexpanded := make(map[schema.Addr]bool, len(m.Unexpanded))
	for _, a := range m.Unexpanded {
		unexpanded[a] = true
	}
	for _, addr := range idx.order {
		if seen[addr] || addr.Resource.Mode == schema.DataMode || m.InUnevaluated(addr.Resource) || unexpanded[addr.Resource] {
			continue
		}
		pi := idx.byAddr[addr]
		c := &Change{
			Addr:            addr,
			Schema:          pi.schema,
			Action:          Delete,
			Reason:          deleteReason(m, addr),
			Before:          pi.value,
			After:           cty.NullVal(pi.value.Type()),
			BeforeSensitive: pi.sensitive,
			Provider:        pi.resource.Provider,
		}
		if from, ok := w.opts.Moves[addr]; ok {
			c.PreviousAddr, c.Moved = from, true
		}
		for _, d := range pi.instance.Dependencies {
			if a, dd := schema.ParseInstanceAddr(d); !dd.HasErrors() {
				c.Dependencies = append(c.Dependencies, a.Resource)
			}
		}
		if r := m.Config.Resource(addr.Resource); r != nil {
			if d := preventDestroy(c, r); d != nil {
				diags = append(diags, d)
			}
		}
		p.Changes = append(p.Changes, c)
	}
	sort.Slice(p.Changes, func(i, j int) bool { return p.Changes[i].Addr.Less(p.Changes[j].Addr) })
	p.Outputs = planOutputs(m, p.Prior, opts.Destroy)
	return p, diags
}

// unchanged is the quick answer to "is this a no-op?" for the common case:
// without ignore_changes and external values the planned value is the
// configuration's (whose tags_all already follows tags), so comparing the
// two values' top-level fields in schema order, as sameValue does, decides
// it. false means "not proven": diffExisting then takes the general path.
func unchanged(inst *config.Instance, pi *priorInstance) bool {
	lc := inst.Resource.Lifecycle
	if lc.IgnoreAllChanges || len(lc.IgnoreChanges) > 0 || pi.top == nil {
		return false
	}
	top := inst.TopLevel()
	if len(top) != len(pi.top) {
		return false
	}
	for i := range top {
		if !sameValue(pi.top[i], top[i]) {
			return false
		}
	}
	return true
}

// diffExisting decides the action for an instance in both the
// configuration and the prior state, and its planned value.
func diffExisting(c *Change, inst *config.Instance, pi *priorInstance) {
	prior := pi.value
	if unchanged(inst, pi) {
		c.Action, c.After = NoOp, prior
		return
	}
	planned := withTagsAll(applyIgnoreChanges(inst, prior))
	planned, c.External = keepExternal(externalPaths(inst, planned), prior, planned)
	if len(changedAttrs(&inst.Schema.Block, prior, planned)) == 0 {
		c.Action, c.After = NoOp, prior
		return
	}
	if paths := replacePaths(inst.Schema, prior, planned, inst.Provider.Region); len(paths) > 0 {
		c.Action, c.Reason, c.RequiresReplace = DeleteThenCreate, "replace_because_cannot_update", paths
		if inst.Resource.Lifecycle.CreateBeforeDestroy {
			c.Action = CreateThenDelete
		}
		c.After = unknownComputed(inst.Schema, planned, inst)
		return
	}
	c.Action, c.After = Update, recomputed(inst.Schema, prior, planned)
}

// preventDestroy turns a planned destroy of a resource with
// lifecycle.prevent_destroy into an error, as Terraform does.
func preventDestroy(c *Change, r *config.Resource) *hcl.Diagnostic {
	if !r.Lifecycle.PreventDestroy || (c.Action != Delete && !c.Action.IsReplace()) {
		return nil
	}
	subject := r.Lifecycle.Range
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Instance cannot be destroyed",
		Detail:   fmt.Sprintf("Resource %s has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or change the configuration so that the resource is kept.", c.Addr),
		Subject:  subject.Ptr(),
	}
}

// deleteReason explains why an instance in the state but not in the
// configuration is deleted, as Terraform's plan comments do.
func deleteReason(m *config.Model, addr schema.InstanceAddr) string {
	r := m.Config.Resource(addr.Resource)
	switch {
	case r == nil:
		return "delete_because_no_resource_config"
	case addr.Key.Kind == schema.IntKeyKind && r.Count != nil:
		return "delete_because_count_index"
	case addr.Key.Kind == schema.StringKeyKind && r.ForEach != nil:
		return "delete_because_each_key"
	}
	return "delete_because_wrong_repetition"
}

// providerAddr is the provider address state records.
func providerAddr(p *config.ProviderConfig) string {
	base := `provider["registry.terraform.io/hashicorp/aws"]`
	if p != nil && p.Alias != "" {
		return base + "." + p.Alias
	}
	return base
}

// resourceDeps returns each resource block's dependencies, sorted.
func resourceDeps(m *config.Model) map[schema.Addr][]schema.Addr {
	out := map[schema.Addr][]schema.Addr{}
	if m.Graph == nil {
		return out
	}
	for _, a := range m.Graph.Vertices() {
		out[a] = m.Graph.Deps(a)
	}
	return out
}
