package config

import (
	"slices"
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
		inst.final = true
		if inst.Addr.Resource.Mode == schema.ManagedMode {
			m.byType[inst.Addr.Resource.Type] = append(m.byType[inst.Addr.Resource.Type], inst)
		}
	}
	sort.Slice(m.Unexpanded, func(i, j int) bool { return m.Unexpanded[i].Less(m.Unexpanded[j]) })
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Output.Name < m.Outputs[j].Output.Name })
	m.Graph = e.resourceGraph()
}

// resourceGraph collapses the whole graph onto the resource blocks of
// every module instance: a block depends on every block it reaches through
// variables, locals, providers, outputs and module calls. A dependency on
// a block of its own module is on that block of the same instance; one on
// a block of another module is on that block in every instance of it.
func (e *evaluator) resourceGraph() *graph.Graph[schema.Addr] {
	g := graph.New[schema.Addr](func(a, b schema.Addr) bool { return a.Less(b) })
	for _, c := range e.configs() {
		for _, ev := range e.w.insts[c] {
			for _, r := range c.Resources {
				a := ev.abs(r.Addr)
				g.Add(a)
				for _, d := range e.w.resourceDeps(gnode{c, node{kind: nodeResource, addr: r.Addr}}) {
					for _, x := range ev.sameOr(d.cfg) {
						g.Connect(a, x.abs(d.n.addr))
					}
				}
			}
		}
	}
	return g
}

// sameOr returns the evaluators whose blocks of module c a node of this
// module instance depends on: this one for its own module, every instance
// of c otherwise.
func (e *evaluator) sameOr(c *Config) []*evaluator {
	if c == e.cfg {
		return []*evaluator{e}
	}
	return e.w.insts[c]
}

// resourceDeps returns the resource and data blocks n depends on, directly
// or through variables, locals, providers, outputs and module calls. Each
// node's set is computed once: the planner's depsSettled and
// resourceGraph both ask for every resource block's.
func (w *whole) resourceDeps(n gnode) []gnode {
	if r, ok := w.depsMemo[n]; ok {
		return r
	}
	w.depsMemo[n] = nil // guards against cycles, which were reported already
	var out []gnode
	seen := map[gnode]bool{}
	add := func(a gnode) {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	for _, d := range w.g.Deps(n) {
		if d.n.kind == nodeResource {
			add(d)
			continue
		}
		for _, a := range w.resourceDeps(d) {
			add(a)
		}
	}
	w.depsMemo[n] = out
	return out
}

// litKey indexes known attribute values for linking literals.
type litKey struct {
	typ   schema.TypeName
	attr  string
	value string
}

// addInstance records an evaluated instance and links its reference
// arguments through the owner marks its value carried. Evaluation runs in
// dependency order, so every instance a mark names is already recorded.
func (e *evaluator) addInstance(inst *Instance) {
	e.model.Instances = append(e.model.Instances, inst)
	e.model.byAddr[inst.Addr] = inst
	if inst.Addr.Resource.Mode == schema.ManagedMode {
		e.linker.marks(inst)
	}
}

// link links the reference arguments that no owner mark resolved: a known
// string links to the one instance whose attribute (or derived identity,
// see derivedIdentities) has that value. Then it sorts every instance's
// links.
func (e *evaluator) link() {
	l := e.linker
	l.buildIndex = func(t schema.TypeName) map[litKey][]*Instance {
		index := map[litKey][]*Instance{}
		for _, inst := range e.model.byType[t] {
			for attr := range e.targets[t] {
				if s, ok := inst.StringAttr(attr); ok {
					k := litKey{t, attr, s}
					index[k] = append(index[k], inst)
				}
			}
			for attr, s := range derivedIdentities(inst) {
				k := litKey{t, attr, s}
				index[k] = append(index[k], inst)
			}
		}
		return index
	}
	for _, inst := range e.model.Instances {
		if inst.Addr.Resource.Mode == schema.ManagedMode {
			l.from = inst
			l.literals(&inst.Schema.Block, inst.Value, "", false)
		}
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

// linker links reference arguments; see addInstance and link.
type linker struct {
	m    *Model
	from *Instance
	// index finds instances of a type by known attribute values;
	// buildIndex makes a type's index on its first literal lookup, as most
	// configurations link by reference only.
	index      map[schema.TypeName]map[litKey][]*Instance
	buildIndex func(schema.TypeName) map[litKey][]*Instance
	refs       map[*schema.Block]*blockRefs
	// seen indexes the links of instances with smallLinks or more, for
	// add and linked; see add.
	seen map[*Instance]map[linkKey]struct{}
}

// smallLinks is the number of links from which add indexes an instance's
// links instead of scanning them.
const smallLinks = 16

// linkKey is one link of the current instance; with a nil to, it stands
// for "path has a link".
type linkKey struct {
	path string
	to   *Instance
}

// blockRefs lists a block's reference arguments and the nested block types
// that hold some, sorted; nil when the block has none at any depth.
type blockRefs struct {
	attrs  []string
	blocks []string
}

// marks links the instance's reference arguments from the owner marks
// recorded on their paths. A single-valued argument whose marks name two
// candidates of its types (say element() over a list of ids) is ambiguous
// and links to none: never guess. A set keeps no marks on its elements,
// so owners found on a set (of strings or of blocks) are linked under the
// element-less path, which holds in aggregate.
func (l *linker) marks(inst *Instance) {
	l.from = inst
	for _, pm := range inst.marks {
		b := &inst.Schema.Block
		prefix := ""
		path := pm.Path
		for len(path) > 0 {
			step, ok := path[0].(cty.GetAttrStep)
			if !ok {
				break
			}
			path = path[1:]
			if a := b.Attributes[step.Name]; a != nil {
				if len(a.RefersTo) == 0 {
					break
				}
				owners := l.owners(a, pm.Marks)
				collection := !a.Type.IsPrimitiveType() && len(path) == 0
				if len(owners) == 1 || collection {
					for _, t := range owners {
						l.add(prefix+step.Name, t)
					}
				}
				break
			}
			nb := b.Blocks[step.Name]
			if nb == nil {
				break
			}
			b = &nb.Block
			switch {
			case nb.Nesting == schema.NestingSingle:
				prefix += step.Name + "."
			case nb.Nesting == schema.NestingSet || len(path) == 0:
				// Marks hoisted onto a set of blocks: they hold for the
				// reference arguments of every element.
				l.aggregate(b, prefix+step.Name+"[*].", pm.Marks)
				path = nil
			default:
				idx, ok := path[0].(cty.IndexStep)
				if !ok || idx.Key.Type() != cty.Number {
					path = nil
					break
				}
				i, _ := idx.Key.AsBigFloat().Int64()
				prefix += step.Name + "[" + strconv.FormatInt(i, 10) + "]."
				path = path[1:]
			}
		}
	}
}

// aggregate links every reference argument inside b to the owners in
// marks of the types it may name.
func (l *linker) aggregate(b *schema.Block, prefix string, marks cty.ValueMarks) {
	br := l.blockRefs(b)
	if br == nil {
		return
	}
	for _, name := range br.attrs {
		for _, t := range l.owners(b.Attributes[name], marks) {
			l.add(prefix+name, t)
		}
	}
	for _, name := range br.blocks {
		nb := b.Blocks[name]
		step := name + "[*]."
		switch {
		case nb.Nesting == schema.NestingSingle:
			step = name + "."
		case nb.Nesting == schema.NestingList && nb.MaxItems == 1:
			step = name + "[0]."
		}
		l.aggregate(&nb.Block, prefix+step, marks)
	}
}

// blockRefs returns where the block's reference arguments are, computed
// once per schema block.
func (l *linker) blockRefs(b *schema.Block) *blockRefs {
	if br, ok := l.refs[b]; ok {
		return br
	}
	br := &blockRefs{}
	for _, name := range b.AttributeNames() {
		if len(b.Attributes[name].RefersTo) > 0 {
			br.attrs = append(br.attrs, name)
		}
	}
	for _, name := range b.BlockNames() {
		if l.blockRefs(&b.Blocks[name].Block) != nil {
			br.blocks = append(br.blocks, name)
		}
	}
	if len(br.attrs) == 0 && len(br.blocks) == 0 {
		br = nil
	}
	l.refs[b] = br
	return br
}

// literals links the known string values of reference arguments that
// marks left unlinked. It works per value, not per path: a single-valued
// argument a reference already linked is skipped, but every element of a
// collection, and the argument of every element of a set of blocks (whose
// elements share one path, see Link.Path), is looked up on its own, so a
// literal written beside a reference still links. An element that came
// through a reference finds the instance its owner mark linked, which add
// ignores as a duplicate. agg says v is an element of a set of blocks.
func (l *linker) literals(b *schema.Block, v cty.Value, prefix string, agg bool) {
	br := l.blockRefs(b)
	if br == nil || !v.IsKnown() || v.IsNull() {
		return
	}
	for _, name := range br.attrs {
		a := b.Attributes[name]
		av := v.GetAttr(name)
		if !av.IsKnown() || av.IsNull() {
			continue
		}
		path := prefix + name
		if av.Type() == cty.String {
			if !agg && l.linked(path) {
				continue
			}
			if t := l.literal(a, av.AsString()); t != nil {
				l.add(path, t)
			}
			continue
		}
		if !av.CanIterateElements() {
			continue
		}
		if !agg && av.IsWhollyKnown() && l.linkCount(path) >= av.LengthInt() {
			// Every element came from a reference (each names its one
			// instance), so there is no literal to look up: the common
			// case once a state makes every id known.
			continue
		}
		for it := av.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if ev.IsKnown() && !ev.IsNull() && ev.Type() == cty.String {
				if t := l.literal(a, ev.AsString()); t != nil {
					l.add(path, t)
				}
			}
		}
	}
	for _, name := range br.blocks {
		nb := b.Blocks[name]
		nv := v.GetAttr(name)
		if !nv.IsKnown() || nv.IsNull() {
			continue
		}
		switch nb.Nesting {
		case schema.NestingSingle:
			l.literals(&nb.Block, nv, prefix+name+".", agg)
		case schema.NestingSet:
			for it := nv.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				l.literals(&nb.Block, ev, prefix+name+"[*].", true)
			}
		default:
			i := 0
			for it := nv.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				l.literals(&nb.Block, ev, prefix+name+"["+strconv.Itoa(i)+"].", agg)
				i++
			}
		}
	}
}

// owners returns the instances, of the types the argument may name, whose
// owner marks are in marks, sorted and without duplicates (an instance
// has one mark per attribute). Sorting first keeps this O(n log n) in the
// marks of a value gathered from a large for_each.
func (l *linker) owners(a *schema.Attribute, marks cty.ValueMarks) []*Instance {
	var out []*Instance
	for m := range marks {
		om, ok := m.(ownerMark)
		if !ok || om.addr == l.from.Addr {
			continue
		}
		for _, ref := range a.RefersTo {
			if ref.Type == om.addr.Resource.Type {
				if t := l.m.byAddr[om.addr]; t != nil {
					out = append(out, t)
				}
				break
			}
		}
	}
	if len(out) < 2 {
		return out
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr.Less(out[j].Addr) })
	return slices.Compact(out)
}

// literal returns the one instance, other than the current one, whose
// attribute named by one of the argument's Refs equals value, or nil.
func (l *linker) literal(a *schema.Attribute, value string) *Instance {
	var found *Instance
	for _, ref := range a.RefersTo {
		idx, ok := l.index[ref.Type]
		if !ok {
			idx = l.buildIndex(ref.Type)
			l.index[ref.Type] = idx
		}
		for _, t := range idx[litKey{ref.Type, ref.Attr, value}] {
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

// add links the current instance's argument at path to to, once.
// Most instances have a handful of links, which a scan checks fastest; an
// instance with many (a collection over a large for_each) gets a set, so
// that linking stays linear in the number of links.
func (l *linker) add(path string, to *Instance) {
	k := linkKey{path, to}
	set := l.seen[l.from]
	switch {
	case set != nil:
		if _, dup := set[k]; dup {
			return
		}
	case len(l.from.links) < smallLinks:
		for _, x := range l.from.links {
			if x.Path == path && x.To == to {
				return
			}
		}
	default:
		set = make(map[linkKey]struct{}, 2*len(l.from.links))
		for _, x := range l.from.links {
			set[linkKey{x.Path, x.To}] = struct{}{}
			set[linkKey{path: x.Path}] = struct{}{}
		}
		if _, dup := set[k]; dup {
			return
		}
		if l.seen == nil {
			l.seen = map[*Instance]map[linkKey]struct{}{}
		}
		l.seen[l.from] = set
	}
	if set != nil {
		set[k] = struct{}{}
		set[linkKey{path: path}] = struct{}{}
	}
	lk := Link{From: l.from, Path: path, To: to}
	l.from.links = append(l.from.links, lk)
	to.inbound = append(to.inbound, lk)
}

// linked reports whether the current instance's argument at path has a
// link.
// linkCount returns how many instances the argument at path links so far.
func (l *linker) linkCount(path string) int {
	n := 0
	for _, x := range l.from.links {
		if x.Path == path {
			n++
		}
	}
	return n
}

func (l *linker) linked(path string) bool {
	if set := l.seen[l.from]; set != nil {
		_, ok := set[linkKey{path: path}]
		return ok
	}
	for _, x := range l.from.links {
		if x.Path == path {
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
