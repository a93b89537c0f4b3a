package config

import (
	"sort"
	"strconv"

	"github.com/vpcplan/vpcplan/graph"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// finishModel sorts the instances, fills the indexes and derives the
// resource-level dependency graph.
func (e *evaluator) finishModel() {
	m := e.model
	sort.Slice(m.Instances, func(i, j int) bool { return m.Instances[i].Addr.Less(m.Instances[j].Addr) })
	for _, inst := range m.Instances {
		m.byAddr[inst.Addr] = inst
		if inst.Addr.Resource.Mode == schema.ManagedMode {
			m.byType[inst.Addr.Resource.Type] = append(m.byType[inst.Addr.Resource.Type], inst)
		}
	}
	sort.Slice(m.Unexpanded, func(i, j int) bool { return m.Unexpanded[i].Less(m.Unexpanded[j]) })
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Output.Name < m.Outputs[j].Output.Name })
	m.Graph = e.resourceGraph()
}

// resourceGraph collapses the evaluation graph onto resource blocks: a
// resource depends on every resource it reaches through variables, locals
// and providers. Reachable sets of the intermediate nodes are memoised, so
// each is computed once.
func (e *evaluator) resourceGraph() *graph.Graph[schema.Addr] {
	g := graph.New[schema.Addr](func(a, b schema.Addr) bool { return a.Less(b) })
	memo := map[node][]schema.Addr{}
	var reach func(n node) []schema.Addr
	reach = func(n node) []schema.Addr {
		if r, ok := memo[n]; ok {
			return r
		}
		memo[n] = nil // guards against cycles, which were reported already
		seen := map[schema.Addr]bool{}
		var out []schema.Addr
		for _, d := range e.g.Deps(n) {
			if d.kind == nodeResource {
				if !seen[d.addr] {
					seen[d.addr] = true
					out = append(out, d.addr)
				}
				continue
			}
			for _, a := range reach(d) {
				if !seen[a] {
					seen[a] = true
					out = append(out, a)
				}
			}
		}
		memo[n] = out
		return out
	}
	for _, r := range e.cfg.Resources {
		g.Add(r.Addr)
		n := node{kind: nodeResource, addr: r.Addr}
		for _, d := range e.g.Deps(n) {
			if d.kind == nodeResource {
				g.Connect(r.Addr, d.addr)
				continue
			}
			for _, a := range reach(d) {
				g.Connect(r.Addr, a)
			}
		}
	}
	return g
}

// litKey indexes known attribute values for linking literals.
type litKey struct {
	typ   schema.TypeName
	attr  string
	value string
}

// link resolves every reference argument of every instance (see
// Instance.Links). A value links to the instances whose owner marks it
// carries; failing that, a known literal links to the one instance whose
// attribute has that value. A single-valued argument that would link to
// two instances of the same type is ambiguous and links to none.
func (e *evaluator) link() {
	index := map[litKey][]*Instance{}
	for _, inst := range e.model.Instances {
		for attr := range e.targets[inst.Addr.Resource.Type] {
			if s, ok := inst.StringAttr(attr); ok {
				k := litKey{inst.Addr.Resource.Type, attr, s}
				index[k] = append(index[k], inst)
			}
		}
		for attr, s := range derivedIdentities(inst) {
			k := litKey{inst.Addr.Resource.Type, attr, s}
			index[k] = append(index[k], inst)
		}
	}
	l := &linker{m: e.model, index: index}
	for _, inst := range e.model.Instances {
		if inst.Addr.Resource.Mode != schema.ManagedMode {
			continue
		}
		l.from = inst
		l.block(&inst.Schema.Block, e.marked[inst], "", nil)
	}
	for _, inst := range e.model.Instances {
		sortLinks(inst.links, false)
		sortLinks(inst.inbound, true)
	}
}

// derivedIdentities returns identities AWS derives from configured values
// that are not yet known as attributes at plan time, so that literal ARNs
// written in the configuration still link: a bucket's ARN is
// arn:PARTITION:s3:::NAME.
func derivedIdentities(inst *Instance) map[string]string {
	switch inst.Addr.Resource.Type {
	case schema.TypeS3Bucket:
		name, ok := inst.StringAttr("bucket")
		if !ok || inst.Provider == nil || inst.Provider.Partition == "" {
			return nil
		}
		out := map[string]string{"arn": "arn:" + inst.Provider.Partition + ":s3:::" + name}
		if _, known := inst.StringAttr("id"); !known {
			out["id"] = name
		}
		return out
	}
	return nil
}

type linker struct {
	m     *Model
	index map[litKey][]*Instance
	from  *Instance
}

// block links the reference arguments of a block value. setMarks holds
// the marks a set of blocks hoisted from its elements (cty keeps no marks
// on set elements), which every element of that set inherits.
func (l *linker) block(b *schema.Block, v cty.Value, prefix string, setMarks cty.ValueMarks) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return
	}
	for _, name := range b.AttributeNames() {
		a := b.Attributes[name]
		if len(a.RefersTo) == 0 || !v.Type().HasAttribute(name) {
			continue
		}
		l.attr(a, v.GetAttr(name), prefix+name, setMarks)
	}
	for _, name := range b.BlockNames() {
		nb := b.Blocks[name]
		if !v.Type().HasAttribute(name) {
			continue
		}
		nv, nmarks := v.GetAttr(name).Unmark()
		if !nv.IsKnown() || nv.IsNull() {
			continue
		}
		switch {
		case nb.Nesting == schema.NestingSingle:
			l.block(&nb.Block, nv, prefix+name+".", setMarks)
		case nb.Nesting == schema.NestingSet:
			inner := mergeMarks(setMarks, nmarks)
			for it := nv.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				l.block(&nb.Block, ev, prefix+name+"[*].", inner)
			}
		default:
			i := 0
			for it := nv.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				l.block(&nb.Block, ev, prefix+name+"["+strconv.Itoa(i)+"].", setMarks)
				i++
			}
		}
	}
}

// attr links one reference argument: a string, or a collection of strings.
// Inside a set of blocks (setMarks not empty), or for a set of strings, the
// element a mark came from is lost: every owner of a type the argument may
// name is linked under the element-less path, which holds in aggregate.
func (l *linker) attr(a *schema.Attribute, v cty.Value, path string, setMarks cty.ValueMarks) {
	v, marks := v.Unmark()
	if v.IsNull() {
		return
	}
	if len(setMarks) > 0 && len(marks) == 0 {
		for _, t := range l.owners(a, setMarks) {
			l.add(path, t)
		}
	}
	if v.Type() == cty.String || !v.Type().IsCollectionType() {
		l.single(a, v, path, marks)
		return
	}
	if !v.IsKnown() || v.Type().IsSetType() {
		// Sets hoist their elements' marks onto themselves.
		for _, t := range l.owners(a, marks) {
			l.add(path, t)
		}
		if !v.IsKnown() {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if t := l.literal(a, ev); t != nil {
				l.add(path, t)
			}
		}
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		l.single(a, ev, path, marks)
	}
}

// single links a string value. Its own marks decide; two candidates of the
// argument's types make it ambiguous (say element() over a list of ids),
// and it links to none: never guess. Without marks, a known literal links
// to the one instance with that value.
func (l *linker) single(a *schema.Attribute, v cty.Value, path string, inherited cty.ValueMarks) {
	v, marks := v.Unmark()
	owners := l.owners(a, mergeMarks(inherited, marks))
	switch {
	case len(owners) == 1:
		l.add(path, owners[0])
	case len(owners) > 1:
	default:
		if t := l.literal(a, v); t != nil {
			l.add(path, t)
		}
	}
}

// owners returns the instances, of the types the argument may name, whose
// owner marks are in marks, sorted.
func (l *linker) owners(a *schema.Attribute, marks cty.ValueMarks) []*Instance {
	var out []*Instance
	for m := range marks {
		om, ok := m.(ownerMark)
		if !ok || om.addr == l.from.Addr {
			continue
		}
		for _, ref := range a.RefersTo {
			if ref.Type == om.addr.Resource.Type {
				if t := l.m.byAddr[om.addr]; t != nil && !containsInst(out, t) {
					out = append(out, t)
				}
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr.Less(out[j].Addr) })
	return out
}

// literal returns the one instance whose attribute equals a known string,
// or nil.
func (l *linker) literal(a *schema.Attribute, v cty.Value) *Instance {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return nil
	}
	var found *Instance
	for _, ref := range a.RefersTo {
		for _, t := range l.index[litKey{ref.Type, ref.Attr, v.AsString()}] {
			if t == l.from {
				continue
			}
			if found != nil && found != t {
				return nil
			}
			found = t
		}
	}
	return found
}

func (l *linker) add(path string, to *Instance) {
	for _, x := range l.from.links {
		if x.Path == path && x.To == to {
			return
		}
	}
	lk := Link{From: l.from, Path: path, To: to}
	l.from.links = append(l.from.links, lk)
	to.inbound = append(to.inbound, lk)
}

func containsInst(list []*Instance, x *Instance) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func mergeMarks(a, b cty.ValueMarks) cty.ValueMarks {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make(cty.ValueMarks, len(a)+len(b))
	for k := range a {
		out[k] = struct{}{}
	}
	for k := range b {
		out[k] = struct{}{}
	}
	return out
}
