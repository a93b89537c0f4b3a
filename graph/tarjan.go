package graph

import "slices"

// StronglyConnected returns the strongly connected components of g,
// including single vertices that are on no cycle. Each component is sorted
// and the components are sorted by their first (smallest) vertex.
//
// It is Tarjan's algorithm written iteratively, so a chain of any length
// uses heap memory rather than goroutine stack. It runs in O(V+E) plus the
// final sort.
func (g *Graph[K]) StronglyConnected() [][]K {
	rank, byRank := g.ranks()
	comps := g.sccIDs(byRank)
	return g.componentKeys(comps, rank)
}

// Cycles returns every cycle of g: each strongly connected component with
// more than one vertex, and each vertex with an edge to itself. Every cycle
// starts at its smallest vertex and the cycles are sorted by that vertex.
//
// Within a cycle each vertex is followed by one of its dependencies, found
// by a depth-first walk from the smallest vertex that takes the smallest
// unvisited dependency inside the component first. When the component is a
// simple cycle (the common case) this makes the list a real path: element i
// depends on element i+1 and the last depends on the first, so it can be
// printed as "a → b → c → a". For a component with chords the list is the
// depth-first preorder of the component, which still starts with a real
// path. A self-loop is the one-element cycle [a]. Cycles returns nil for an
// acyclic graph.
func (g *Graph[K]) Cycles() [][]K {
	rank, byRank := g.ranks()
	comps := g.sccIDs(byRank)

	comp := make([]int32, len(g.keys)) // id -> index into comps
	for i, c := range comps {
		for _, id := range c {
			comp[id] = int32(i)
		}
	}

	var cycles [][]int32
	for i, c := range comps {
		if len(c) == 1 {
			if _, self := g.edges[edge{c[0], c[0]}]; self {
				cycles = append(cycles, c)
			}
			continue
		}
		start := slices.MinFunc(c, func(a, b int32) int { return int(rank[a]) - int(rank[b]) })
		cycles = append(cycles, g.walkComponent(start, int32(i), comp, rank, len(c)))
	}
	if len(cycles) == 0 {
		return nil
	}
	slices.SortFunc(cycles, func(a, b []int32) int { return int(rank[a[0]]) - int(rank[b[0]]) })

	out := make([][]K, len(cycles))
	for i, c := range cycles {
		out[i] = make([]K, len(c))
		for j, id := range c {
			out[i][j] = g.keys[id]
		}
	}
	return out
}

// walkComponent returns the depth-first preorder of component ci from
// start, following dependencies in rank order.
func (g *Graph[K]) walkComponent(start, ci int32, comp, rank []int32, size int) []int32 {
	type frame struct {
		next []int32 // unexplored in-component dependencies, by rank
	}
	inComp := func(v int32) []int32 {
		var ns []int32
		for _, w := range g.deps[v] {
			if comp[w] == ci {
				ns = append(ns, w)
			}
		}
		sortByRank(ns, rank)
		return ns
	}
	seen := make(map[int32]bool, size)
	order := make([]int32, 0, size)
	seen[start] = true
	order = append(order, start)
	stack := []frame{{next: inComp(start)}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if len(f.next) == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		w := f.next[0]
		f.next = f.next[1:]
		if seen[w] {
			continue
		}
		seen[w] = true
		order = append(order, w)
		stack = append(stack, frame{next: inComp(w)})
	}
	return order
}

// sccIDs runs Tarjan's algorithm, starting new trees in byRank order. The
// components come out in reverse topological order, unsorted.
func (g *Graph[K]) sccIDs(byRank []int32) [][]int32 {
	n := len(g.keys)
	index := make([]int32, n) // 0 means unvisited; indices start at 1
	low := make([]int32, n)
	onStack := make([]bool, n)
	var stack []int32
	type frame struct {
		v    int32
		next int // position in g.deps[v] of the next edge to explore
	}
	var call []frame
	var comps [][]int32
	flat := make([]int32, 0, n) // backing array shared by all components
	counter := int32(0)

	visit := func(v int32) {
		counter++
		index[v], low[v] = counter, counter
		stack = append(stack, v)
		onStack[v] = true
		call = append(call, frame{v: v})
	}

	for _, root := range byRank {
		if index[root] != 0 {
			continue
		}
		visit(root)
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < len(g.deps[v]) {
				w := g.deps[v][f.next]
				f.next++
				switch {
				case index[w] == 0:
					visit(w) // f is invalid from here on
				case onStack[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			i := len(stack) - 1
			for stack[i] != v {
				i--
			}
			start := len(flat)
			flat = append(flat, stack[i:]...)
			c := flat[start:len(flat):len(flat)]
			for _, w := range c {
				onStack[w] = false
			}
			stack = stack[:i]
			comps = append(comps, c)
		}
	}
	return comps
}

// componentKeys sorts each component and the list of components by rank,
// then maps ids to vertices.
func (g *Graph[K]) componentKeys(comps [][]int32, rank []int32) [][]K {
	for _, c := range comps {
		sortByRank(c, rank)
	}
	if len(comps) == 0 {
		return nil
	}
	slices.SortFunc(comps, func(a, b []int32) int { return int(rank[a[0]]) - int(rank[b[0]]) })
	out := make([][]K, len(comps))
	flat := make([]K, 0, len(g.keys))
	for i, c := range comps {
		start := len(flat)
		for _, id := range c {
			flat = append(flat, g.keys[id])
		}
		out[i] = flat[start:len(flat):len(flat)]
	}
	return out
}
