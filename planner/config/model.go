package config

import (
	"sort"
	"strings"
	"sync"

	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Model is an evaluated and linked configuration: every resource instance
// with its value, account, Region and links. Rules and the planner read it;
// it is immutable once Evaluate returns.
type Model struct {
	Config *Config

	// Instances lists every expanded instance, managed and data, sorted by
	// address. Blocks whose count or for_each is unknown have none.
	Instances []*Instance
	// Outputs lists the root module outputs, sorted by name.
	Outputs []*OutputValue
	// Variables holds the value of every declared variable (unknown when
	// none was given at validate time).
	Variables map[string]cty.Value
	// Providers holds the evaluated provider configurations by alias.
	Providers map[string]*ProviderConfig

	// Graph is the dependency graph of resource blocks (managed and data),
	// with edges through locals, variables and outputs collapsed: from
	// depends on to.
	Graph *graph.Graph[schema.Addr]

	// Unexpanded lists the blocks whose instances could not be determined
	// (unknown count or for_each at validate time), sorted.
	Unexpanded []schema.Addr
	// Unevaluated lists the module calls vpcplan did not evaluate (remote
	// sources that are not installed), as the paths of their module
	// instances without the call's key: module.vpc, module.a["x"].module.b.
	// The planner keeps what the prior state records under them.
	Unevaluated []schema.ModulePath

	byAddr map[schema.InstanceAddr]*Instance
	byType map[schema.TypeName][]*Instance
}

// InUnevaluated reports whether addr lies inside a module call vpcplan did
// not evaluate (see Model.Unevaluated).
func (m *Model) InUnevaluated(addr schema.Addr) bool {
	for _, p := range m.Unevaluated {
		if addr.Module == p || strings.HasPrefix(addr.Module, p+".") || strings.HasPrefix(addr.Module, p+"[") {
			return true
		}
	}
	return false
}

// Instance is one resource or data source instance.
type Instance struct {
	Addr     schema.InstanceAddr
	Resource *Resource // the block that declares it
	Schema   *schema.Resource

	// Value is an object of Schema's implied type, with every attribute:
	// configured values, defaults, and unknown values for what AWS
	// computes. It carries no marks; see SensitivePaths.
	Value cty.Value
	// SensitivePaths lists the paths of Value that are sensitive.
	SensitivePaths []cty.Path
	// DepsSettled is set at plan time (Options.Plan) when every instance
	// this one depends on is Settled: an unknown value in this instance's
	// arguments then comes from outside vpcplan's model, even where no mark
	// says so (functions and for expressions drop the marks of unknown
	// values).
	DepsSettled bool
	// Settled is set at plan time when the instance's planned value holds
	// nothing vpcplan will only know after apply: a no-op, an update whose
	// planned value is wholly known but for external values, a data source
	// whose dependencies are settled. Options.Plan sets it for managed
	// instances.
	Settled bool
	// ExternalPaths lists the paths of Value that derive from values
	// outside vpcplan's model (module outputs, data sources it cannot
	// compute, other types' attributes); see externalMark.
	ExternalPaths []cty.Path

	// Provider is the configuration the instance uses.
	Provider *ProviderConfig
	// Account and Region are "" when unknown.
	Account string
	Region  string

	// keptBlocks: see BlockFromPrior.
	keptBlocks []string
	// content is the body the instance was decoded from, dynamic blocks
	// expanded; see Ranges.
	content *bodyContent
	// marks records where the value's marks were, for references.
	marks   []cty.PathValueMarks
	links   []Link
	inbound []Link

	// final is set when Evaluate finishes the model and Value is fixed.
	// top holds Value's top-level fields in the order of
	// Schema.TopLevelNames: set by the decoder when Value is its result,
	// otherwise built on the first Attr of the finished model.
	final   bool
	topOnce sync.Once
	top     []cty.Value
}

// Link records that the argument at Path of From names To.
type Link struct {
	From *Instance
	// Path is the argument's path: "vpc_id", "rule[0].destination[0].bucket",
	// or "route[*].vpc_endpoint_id" inside set-nested blocks, whose elements
	// have no stable index.
	Path string
	To   *Instance
}

// OutputValue is an evaluated output.
type OutputValue struct {
	Output    *Output
	Value     cty.Value // unmarked
	Sensitive bool
	// External is set when Value is not wholly known because it derives
	// from values outside vpcplan's model (see externalMark).
	External bool
}

// ProviderConfig is an evaluated provider "aws" block (or the implied
// default configuration when none is written).
type ProviderConfig struct {
	Alias   string
	Region  string // "" when unknown
	Account string // "" when unknown
	// Partition is "aws", "aws-cn" or "aws-us-gov", from the Region; ""
	// when the Region is unknown.
	Partition string
	Config    *Provider // nil for the implied default
}

// Instance returns the instance with the address, or nil.
func (m *Model) Instance(addr schema.InstanceAddr) *Instance { return m.byAddr[addr] }

// OfType returns the managed instances of one type, sorted by address. The
// slice must not be modified.
func (m *Model) OfType(t schema.TypeName) []*Instance { return m.byType[t] }

// Attr returns the value of a top-level attribute, or cty.NilVal when the
// schema has no such attribute.
//
// On the finished model, the first call indexes the value's fields, so
// later calls cost a lookup in the schema's index and a slice index rather
// than three lookups in the value's own maps.
func (i *Instance) Attr(name string) cty.Value {
	if i.final && i.Schema != nil {
		if idx, ok := i.Schema.TopLevelIndex(name); ok {
			i.topOnce.Do(i.indexTop)
			if i.top != nil {
				return i.top[idx]
			}
		}
	}
	return i.attrSlow(name)
}

// indexTop fills top from Value. It leaves top nil when Value is not an
// object, so Attr falls back to attrSlow.
func (i *Instance) indexTop() {
	if i.top != nil || i.Value == cty.NilVal || !i.Value.Type().IsObjectType() {
		return
	}
	names := i.Schema.TopLevelNames()
	top := make([]cty.Value, len(names))
	for k, n := range names {
		top[k] = i.attrSlow(n)
	}
	i.top = top
}

// TopLevel returns the value's top-level fields in the order of
// Schema.TopLevelNames, or nil when Value is not an object or, before the
// model is finished, when the decoder did not give them. The slice must not
// be modified.
func (i *Instance) TopLevel() []cty.Value {
	if i.top != nil && !i.final {
		return i.top // the decoder's, before the model is finished
	}
	if !i.final || i.Schema == nil {
		return nil
	}
	i.topOnce.Do(i.indexTop)
	return i.top
}

// attrSlow is Attr read straight from Value.
func (i *Instance) attrSlow(name string) cty.Value {
	if i.Value == cty.NilVal || !i.Value.Type().IsObjectType() || !i.Value.Type().HasAttribute(name) {
		return cty.NilVal
	}
	if !i.Value.IsKnown() {
		return cty.DynamicVal
	}
	if i.Value.IsNull() {
		return cty.NullVal(i.Value.Type().AttributeType(name))
	}
	return i.Value.GetAttr(name)
}

// BlockFromPrior reports whether the value of the top-level nested block
// type name is the prior one because the configuration writes none of it
// (a computed block left out, or dynamic blocks that generate none): such
// a value says what AWS reported, not what the configuration asks for.
func (i *Instance) BlockFromPrior(name string) bool {
	for _, n := range i.keptBlocks {
		if n == name {
			return true
		}
	}
	return false
}

// StringAttr returns a top-level string attribute and whether it is known
// and not null.
func (i *Instance) StringAttr(name string) (string, bool) {
	v := i.Attr(name)
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// Links returns the instances named by the argument at path (see
// Link.Path), sorted by address. Unresolved references give none.
func (i *Instance) Links(path string) []*Instance {
	var out []*Instance
	for _, l := range i.links {
		if l.Path == path {
			out = append(out, l.To)
		}
	}
	return out
}

// Link returns the single instance named by the argument at path, or nil
// when there is none or more than one.
func (i *Instance) Link(path string) *Instance {
	ls := i.Links(path)
	if len(ls) != 1 {
		return nil
	}
	return ls[0]
}

// AllLinks returns every outgoing link, sorted by path then target.
func (i *Instance) AllLinks() []Link { return i.links }

// Referrers returns the links of instances of type from that name i,
// sorted by source address then path. An empty from means any type.
func (i *Instance) Referrers(from schema.TypeName) []Link {
	var out []Link
	for _, l := range i.inbound {
		if from == "" || l.From.Addr.Resource.Type == from {
			out = append(out, l)
		}
	}
	return out
}

func sortLinks(ls []Link, byFrom bool) {
	sort.Slice(ls, func(a, b int) bool {
		x, y := ls[a], ls[b]
		if byFrom && x.From != y.From {
			return x.From.Addr.Less(y.From.Addr)
		}
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.To != y.To {
			return x.To.Addr.Less(y.To.Addr)
		}
		return x.From.Addr.Less(y.From.Addr)
	})
}
