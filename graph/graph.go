package graph

import (
	"cmp"
	"slices"
)

// Graph is a directed graph over vertices of type K. Edges mean "depends
// on": see Connect. The zero value is not usable; call New.
type Graph[K comparable] struct {
	less func(a, b K) bool

	ids        map[K]int32 // vertex -> id; ids are dense and in insertion order
	keys       []K         // id -> vertex
	deps       [][]int32   // id -> ids it depends on, in insertion order
	dependents [][]int32   // id -> ids depending on it, in insertion order
	edges      map[edge]struct{}
}

type edge struct{ from, to int32 }

// New returns an empty graph whose vertices are ordered by less. less must
// be a strict weak order; it is the only source of ordering in every result.
// New panics if less is nil.
func New[K comparable](less func(a, b K) bool) *Graph[K] {
	if less == nil {
		panic("graph.New: nil less function")
	}
	return &Graph[K]{
		less:  less,
		ids:   make(map[K]int32),
		edges: make(map[edge]struct{}),
	}
}

// Add adds k as a vertex. Adding an existing vertex is a no-op.
func (g *Graph[K]) Add(k K) {
	g.id(k)
}

func (g *Graph[K]) id(k K) int32 {
	if id, ok := g.ids[k]; ok {
		return id
	}
	id := int32(len(g.keys))
	g.ids[k] = id
	g.keys = append(g.keys, k)
	g.deps = append(g.deps, nil)
	g.dependents = append(g.dependents, nil)
	return id
}

// Connect records that from depends on to, adding either vertex if absent.
// The edge points from the dependent to the dependency, so to comes before
// from in TopoOrder. Connecting the same pair twice is a no-op;
// Connect(k, k) is a self-loop, which Cycles reports.
func (g *Graph[K]) Connect(from, to K) {
	f, t := g.id(from), g.id(to)
	e := edge{f, t}
	if _, ok := g.edges[e]; ok {
		return
	}
	g.edges[e] = struct{}{}
	g.deps[f] = append(g.deps[f], t)
	g.dependents[t] = append(g.dependents[t], f)
}

// Has reports whether k is a vertex of g.
func (g *Graph[K]) Has(k K) bool {
	_, ok := g.ids[k]
	return ok
}

// Len returns the number of vertices.
func (g *Graph[K]) Len() int { return len(g.keys) }

// Vertices returns every vertex, sorted.
func (g *Graph[K]) Vertices() []K {
	out := slices.Clone(g.keys)
	slices.SortStableFunc(out, g.compare)
	return out
}

// Deps returns the direct dependencies of k (the vertices k was connected
// to), sorted. It returns nil if k has none or is not in the graph.
func (g *Graph[K]) Deps(k K) []K {
	id, ok := g.ids[k]
	if !ok {
		return nil
	}
	return g.sortedKeys(g.deps[id])
}

// Dependents returns the vertices that directly depend on k, sorted. It
// returns nil if there are none or k is not in the graph.
func (g *Graph[K]) Dependents(k K) []K {
	id, ok := g.ids[k]
	if !ok {
		return nil
	}
	return g.sortedKeys(g.dependents[id])
}

// Reverse returns a new graph with the same vertices and every edge
// flipped: if a depends on b in g, b depends on a in the result.
func (g *Graph[K]) Reverse() *Graph[K] {
	r := g.emptyCopy()
	for f, ts := range g.deps {
		for _, t := range ts {
			r.connectIDs(t, int32(f))
		}
	}
	return r
}

// emptyCopy returns a graph with g's vertices (same ids) and no edges.
func (g *Graph[K]) emptyCopy() *Graph[K] {
	r := &Graph[K]{
		less:       g.less,
		ids:        make(map[K]int32, len(g.keys)),
		keys:       slices.Clone(g.keys),
		deps:       make([][]int32, len(g.keys)),
		dependents: make([][]int32, len(g.keys)),
		edges:      make(map[edge]struct{}),
	}
	for id, k := range g.keys {
		r.ids[k] = int32(id)
	}
	return r
}

func (g *Graph[K]) connectIDs(f, t int32) {
	e := edge{f, t}
	if _, ok := g.edges[e]; ok {
		return
	}
	g.edges[e] = struct{}{}
	g.deps[f] = append(g.deps[f], t)
	g.dependents[t] = append(g.dependents[t], f)
}

func (g *Graph[K]) compare(a, b K) int {
	switch {
	case g.less(a, b):
		return -1
	case g.less(b, a):
		return 1
	}
	return 0
}

func (g *Graph[K]) sortedKeys(ids []int32) []K {
	if len(ids) == 0 {
		return nil
	}
	out := make([]K, len(ids))
	for i, id := range ids {
		out[i] = g.keys[id]
	}
	slices.SortStableFunc(out, g.compare)
	return out
}

// ranks returns, for every id, its position in sorted vertex order, and the
// ids in that order. Algorithms compare ranks (plain ints) instead of
// calling less, which keeps them deterministic and fast.
func (g *Graph[K]) ranks() (rank []int32, order []int32) {
	order = make([]int32, len(g.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return g.compare(g.keys[a], g.keys[b]) })
	rank = make([]int32, len(g.keys))
	for r, id := range order {
		rank[id] = int32(r)
	}
	return rank, order
}

// sortByRank sorts ids in place by rank.
func sortByRank(ids []int32, rank []int32) {
	slices.SortFunc(ids, func(a, b int32) int { return cmp.Compare(rank[a], rank[b]) })
}
