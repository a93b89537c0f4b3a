package graph

import (
	"fmt"
	"strings"
)

// CycleError is returned by TopoOrder and TransitiveReduction when the graph
// has a cycle. Cycles is exactly what Graph.Cycles returns: each cycle
// starts at its smallest vertex and the cycles are sorted.
type CycleError[K comparable] struct {
	Cycles [][]K
}

// Error lists every cycle as "a → b → a", separated by "; ".
func (e *CycleError[K]) Error() string {
	var b strings.Builder
	b.WriteString("dependency cycle: ")
	for i, c := range e.Cycles {
		if i > 0 {
			b.WriteString("; ")
		}
		for _, k := range c {
			fmt.Fprintf(&b, "%v → ", k)
		}
		fmt.Fprintf(&b, "%v", c[0])
	}
	return b.String()
}

// TopoOrder returns every vertex with dependencies before their dependents.
// Among the vertices whose dependencies are all listed, the smallest (by
// less) comes first, so the order is unique for a given graph. It runs in
// O((V+E) log V).
//
// If the graph has a cycle TopoOrder returns nil and a *CycleError[K].
func (g *Graph[K]) TopoOrder() ([]K, error) {
	ids, ok := g.topoIDs()
	if !ok {
		return nil, &CycleError[K]{Cycles: g.Cycles()}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	out := make([]K, len(ids))
	for i, id := range ids {
		out[i] = g.keys[id]
	}
	return out, nil
}

// topoIDs is Kahn's algorithm with a min-heap of ranks. ok is false if some
// vertices were never ready, which happens exactly when there is a cycle.
func (g *Graph[K]) topoIDs() (order []int32, ok bool) {
	rank, byRank := g.ranks()
	waiting := make([]int32, len(g.keys)) // unlisted dependencies per id
	var ready rankHeap
	for _, id := range byRank {
		waiting[id] = int32(len(g.deps[id]))
		if waiting[id] == 0 {
			ready = append(ready, rank[id]) // ascending: already a valid heap
		}
	}
	order = make([]int32, 0, len(g.keys))
	for len(ready) > 0 {
		id := byRank[ready.pop()]
		order = append(order, id)
		for _, d := range g.dependents[id] {
			waiting[d]--
			if waiting[d] == 0 {
				ready.push(rank[d])
			}
		}
	}
	return order, len(order) == len(g.keys)
}

// rankHeap is a binary min-heap of ranks. It avoids container/heap's
// interface conversions, which dominate on large graphs.
type rankHeap []int32

func (h *rankHeap) push(x int32) {
	s := append(*h, x)
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if s[p] <= s[i] {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
	*h = s
}

func (h *rankHeap) pop() int32 {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && s[r] < s[l] {
			m = r
		}
		if s[i] <= s[m] {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}
