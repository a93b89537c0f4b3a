package planner

import (
	"fmt"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/parallel"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

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
	catalogInstances(prior, catalog, func(r *state.Resource, inst *state.Instance, sch *schema.Resource, ty cty.Type) {
		key, err := state.DecodeKey(inst.IndexKey)
		if err != nil {
			idx.diags = append(idx.diags, stateDiag(fmt.Sprintf("The instance key of %s.%s in the state is invalid: %s.", r.Type, r.Name, err)))
			return
		}
		p := &priorInstance{resource: r, instance: inst, schema: sch, ty: ty, addr: schema.Addr{Module: r.Module, Mode: sch.Mode, Type: sch.Type, Name: r.Name}.Instance(key)}
		idx.byAddr[p.addr] = p
		idx.order = append(idx.order, p.addr)
		idx.all = append(idx.all, p)
	})
	sort.Slice(idx.order, func(i, j int) bool { return idx.order[i].Less(idx.order[j]) })
	go func() {
		parallel.For(len(idx.all), func(i int) { idx.all[i].load() })
		close(idx.done)
	}()
	return idx
}

// catalogInstances calls fn, in state order, for every current (not
// deposed) instance, of every module, whose type the catalog knows, with
// its schema and the schema's implied type. Instances of other types are
// vpcplan's to keep, not to decode.
func catalogInstances(prior *state.State, catalog *schema.Catalog, fn func(r *state.Resource, inst *state.Instance, sch *schema.Resource, ty cty.Type)) {
	for _, r := range prior.Resources {
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
			if inst.Deposed == "" {
				fn(r, inst, sch, ty)
			}
		}
	}
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
