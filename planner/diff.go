package planner

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Options tune Plan.
type Options struct {
	// Destroy plans to delete every managed instance of the prior state.
	Destroy bool
	// ToolVersion is recorded in a state made from scratch.
	ToolVersion string
	// Lineage is the lineage of a state made from scratch; "" means a fresh
	// random one. Tests set it, since apply derives ids from the lineage.
	Lineage string
}

// PriorIndex gives the prior state's instances by address, decoded with
// their schemas. Build it with IndexPrior, or with StartIndexPrior and
// Wait to decode while the configuration is evaluated; the evaluation
// takes Known from it, so that computed attributes of existing instances
// are known and literal ids in the configuration link.
type PriorIndex struct {
	byAddr map[schema.InstanceAddr]*priorInstance
	order  []schema.InstanceAddr
	all    []*priorInstance // in state order
	done   chan struct{}    // closed when every instance is decoded
	diags  hcl.Diagnostics  // of reading the instance keys
}

type priorInstance struct {
	resource *state.Resource
	instance *state.Instance
	schema   *schema.Resource
	ty       cty.Type
	addr     schema.InstanceAddr

	once      sync.Once
	diag      *hcl.Diagnostic // why the attributes do not decode, or nil
	value     cty.Value
	top       []cty.Value // value's fields in the order of schema.TopLevelNames
	sensitive []cty.Path
}

// load decodes the instance once, whoever asks first, and reports whether
// it decoded.
func (p *priorInstance) load() bool {
	p.once.Do(func() {
		v, top, err := decodeResourceAttributes(p.instance.Attributes, p.schema, p.ty)
		if err != nil {
			p.diag = stateDiag(fmt.Sprintf("The attributes of %s in the state do not match its schema: %s.", p.addr, err))
			return
		}
		p.value, p.top = v, top
		if len(p.instance.SensitiveAttributes) > 0 {
			p.sensitive, _ = decodePaths(p.instance.SensitiveAttributes)
		}
	})
	return p.diag == nil
}

// IndexPrior decodes the managed and data instances of the prior state whose
// types the catalog knows. Instances of other types are left alone: apply
// keeps them in the state untouched.
func IndexPrior(prior *state.State, catalog *schema.Catalog) (*PriorIndex, hcl.Diagnostics) {
	idx := StartIndexPrior(prior, catalog)
	return idx, idx.Wait()
}

// StartIndexPrior indexes the prior state's instances by address and
// starts decoding them in the background, so that decoding overlaps the
// evaluation of the configuration: Known and KnownTop decode an instance
// themselves when the background has not reached it yet. Wait must be
// called before NewPlan; it returns the diagnostics, and instances that do
// not decode are left out of the index from then on.
func StartIndexPrior(prior *state.State, catalog *schema.Catalog) *PriorIndex {
	idx := &PriorIndex{byAddr: map[schema.InstanceAddr]*priorInstance{}, done: make(chan struct{})}
	if prior == nil {
		close(idx.done)
		return idx
	}
	for _, r := range prior.Resources {
		if r.Module != "" {
			continue
		}
		mode := schema.ManagedMode
		if r.Mode == "data" {
			mode = schema.DataMode
		}
		sch := catalog.Lookup(mode, schema.TypeName(r.Type))
		if sch == nil {
			continue
		}
		ty := sch.Block.ImpliedType()
		for _, inst := range r.Instances {
			if inst.Deposed != "" {
				continue
			}
			key, err := decodeKey(inst.IndexKey)
			if err != nil {
				idx.diags = append(idx.diags, stateDiag(fmt.Sprintf("The instance key of %s.%s in the state is invalid: %s.", r.Type, r.Name, err)))
				continue
			}
			p := &priorInstance{resource: r, instance: inst, schema: sch, ty: ty, addr: schema.Addr{Mode: mode, Type: sch.Type, Name: r.Name}.Instance(key)}
			idx.byAddr[p.addr] = p
			idx.order = append(idx.order, p.addr)
			idx.all = append(idx.all, p)
		}
	}
	sort.Slice(idx.order, func(i, j int) bool { return idx.order[i].Less(idx.order[j]) })
	go func() {
		parallel.For(len(idx.all), func(i int) { idx.all[i].load() })
		close(idx.done)
	}()
	return idx
}

// Wait waits until every instance is decoded and returns the diagnostics
// of the state's instances, in state order. Instances that do not decode
// leave the index.
func (idx *PriorIndex) Wait() hcl.Diagnostics {
	<-idx.done
	diags := idx.diags
	failed := false
	for _, p := range idx.all {
		if p.diag != nil {
			diags = append(diags, p.diag)
			delete(idx.byAddr, p.addr)
			failed = true
		}
	}
	if failed {
		kept := idx.order[:0]
		for _, a := range idx.order {
			if idx.byAddr[a] != nil {
				kept = append(kept, a)
			}
		}
		idx.order = kept
	}
	idx.diags, idx.all = nil, nil
	return diags
}

// Known is the lookup config.Options.Known takes.
func (idx *PriorIndex) Known(addr schema.InstanceAddr) (cty.Value, bool) {
	p := idx.byAddr[addr]
	if p == nil || !p.load() {
		return cty.NilVal, false
	}
	return p.value, true
}

// KnownTop is the lookup config.Options.KnownTop takes: Known's value as
// its top-level fields in schema order.
func (idx *PriorIndex) KnownTop(addr schema.InstanceAddr) ([]cty.Value, bool) {
	p := idx.byAddr[addr]
	if p == nil || !p.load() || p.top == nil {
		return nil, false
	}
	return p.top, true
}

func stateDiag(detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid state", Detail: detail}
}

func decodeKey(raw json.RawMessage) (schema.InstanceKey, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return schema.NoKey, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return schema.StringKey(s), nil
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 {
		return schema.NoKey, fmt.Errorf("%s is neither a string nor a count index", raw)
	}
	return schema.IntKey(n), nil
}

// NewPlan diffs the model against the prior state. The model must come
// from an evaluation whose Options.Known was idx.Known, and must have no
// errors.
func NewPlan(ctx context.Context, m *config.Model, prior *state.State, idx *PriorIndex, opts Options) (*Plan, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	p := &Plan{Destroy: opts.Destroy, Prior: prior, PriorExisted: prior != nil, Model: m}
	if prior == nil {
		p.Prior = state.New(opts.ToolVersion)
		if opts.Lineage != "" {
			p.Prior.Lineage = opts.Lineage
		}
	}
	seen := make(map[schema.InstanceAddr]bool, len(m.Instances))
	deps := resourceDeps(m)
	// Each instance's change depends only on the instance and its prior
	// value, so they are computed in parallel and collected in order.
	changes := make([]*Change, len(m.Instances))
	changeDiags := make([]*hcl.Diagnostic, len(m.Instances))
	parallel.For(len(m.Instances), func(i int) {
		inst := m.Instances[i]
		if inst.Addr.Resource.Mode == schema.DataMode {
			return
		}
		pi := idx.byAddr[inst.Addr]
		c := &Change{
			Addr:                inst.Addr,
			Schema:              inst.Schema,
			Provider:            providerAddr(inst.Provider),
			Dependencies:        deps[inst.Addr.Resource],
			CreateBeforeDestroy: inst.Resource.Lifecycle.CreateBeforeDestroy,
			Account:             inst.Account,
			Region:              inst.Region,
			Partition:           inst.Provider.Partition,
			AfterSensitive:      withTagsAllSensitive(inst.SensitivePaths),
		}
		switch {
		case opts.Destroy && pi == nil:
			return
		case opts.Destroy:
			c.Action, c.Before, c.After = Delete, pi.value, cty.NullVal(pi.value.Type())
			c.BeforeSensitive, c.AfterSensitive = pi.sensitive, nil
		case pi == nil:
			c.Action, c.Before, c.After = Create, cty.NullVal(inst.Value.Type()), withTagsAll(inst.Value)
		default:
			c.Before, c.BeforeSensitive = pi.value, pi.sensitive
			diffExisting(c, inst, pi)
		}
		changes[i], changeDiags[i] = c, preventDestroy(c, inst.Resource)
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
	for _, addr := range idx.order {
		if seen[addr] || addr.Resource.Mode == schema.DataMode {
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
// without ignore_changes the planned value is the configuration's (whose
// tags_all already follows tags), so comparing the two values' top-level
// fields in schema order, as sameValue does, decides it. false means "not
// proven": diffExisting then takes the general path.
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
	if len(changedAttrs(&inst.Schema.Block, prior, planned)) == 0 {
		c.Action, c.After = NoOp, prior
		return
	}
	if paths := replacePaths(inst.Schema, prior, planned); len(paths) > 0 {
		c.Action, c.Reason, c.RequiresReplace = DeleteThenCreate, "replace_because_cannot_update", paths
		if inst.Resource.Lifecycle.CreateBeforeDestroy {
			c.Action = CreateThenDelete
		}
		c.After = unknownComputed(&inst.Schema.Block, planned, inst.Resource)
		return
	}
	c.Action, c.After = Update, deriveComputed(inst.Schema, prior, planned)
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
