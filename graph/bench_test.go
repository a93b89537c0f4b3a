package graph

import "testing"

// layered returns chains*length vertices: vertex c*length+i is link i of
// chain c. Each link depends on the previous link of its own chain and of
// the next chain, so the graph is layered rather than a set of lines.
func layered(chains, length int) *Graph[int] {
	g := New(func(a, b int) bool { return a < b })
	for c := range chains {
		for i := range length {
			v := c*length + i
			g.Add(v)
			if i > 0 {
				g.Connect(v, v-1)
				g.Connect(v, ((c+1)%chains)*length+i-1)
			}
		}
	}
	return g
}

func BenchmarkTopoOrder(b *testing.B) {
	g := layered(1_000, 100) // 100,000 vertices, ~198,000 edges
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.TopoOrder(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStronglyConnected(b *testing.B) {
	g := layered(1_000, 100)
	b.ReportAllocs()
	for b.Loop() {
		g.StronglyConnected()
	}
}

func BenchmarkTransitiveReduction(b *testing.B) {
	g := layered(100, 100) // 10,000 vertices
	// Shortcuts for the reduction to remove.
	for v := 2; v < g.Len(); v++ {
		if v%100 >= 2 {
			g.Connect(v, v-2)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.TransitiveReduction(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		layered(1_000, 100)
	}
}
