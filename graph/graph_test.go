package graph

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func strLess(a, b string) bool { return a < b }

// build returns a graph of string vertices. Each edge is "from>to", meaning
// from depends on to; a bare name just adds a vertex.
func build(items ...string) *Graph[string] {
	g := New(strLess)
	for _, it := range items {
		if from, to, ok := strings.Cut(it, ">"); ok {
			g.Connect(from, to)
		} else {
			g.Add(it)
		}
	}
	return g
}

// edges lists g's edges as "from>to", sorted.
func edges(g *Graph[string]) []string {
	var out []string
	for _, v := range g.Vertices() {
		for _, d := range g.Deps(v) {
			out = append(out, v+">"+d)
		}
	}
	return out
}

func TestConnectFromDependsOnTo(t *testing.T) {
	g := New(strLess)
	g.Connect("b", "a") // b depends on a
	g.Connect("c", "a")
	g.Connect("c", "b")
	g.Connect("c", "b") // duplicate: no-op

	type view struct {
		Len                   int
		Vertices              []string
		DepsA, DepsB, DepsC   []string
		DepsOfA, DependentsOf []string
		HasA, HasZ            bool
		DepsZ                 []string
	}
	got := view{
		Len:          g.Len(),
		Vertices:     g.Vertices(),
		DepsA:        g.Deps("a"),
		DepsB:        g.Deps("b"),
		DepsC:        g.Deps("c"),
		DependentsOf: g.Dependents("a"),
		HasA:         g.Has("a"),
		HasZ:         g.Has("z"),
		DepsZ:        g.Deps("z"),
	}
	want := view{
		Len:          3,
		Vertices:     []string{"a", "b", "c"},
		DepsB:        []string{"a"},
		DepsC:        []string{"a", "b"},
		DependentsOf: []string{"b", "c"},
		HasA:         true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("graph mismatch (-want +got):\n%s", diff)
	}
}

func TestTopoOrderDependenciesFirst(t *testing.T) {
	tests := map[string]struct {
		items []string
		want  []string
	}{
		"empty":  {},
		"single": {items: []string{"a"}, want: []string{"a"}},
		"chain c depends on b depends on a": {
			items: []string{"c>b", "b>a"},
			want:  []string{"a", "b", "c"},
		},
		"independent vertices sorted": {
			items: []string{"z", "m", "a"},
			want:  []string{"a", "m", "z"},
		},
		// A depth-first order would give c, a, b; the smallest ready vertex
		// must win instead.
		"smallest ready vertex first": {
			items: []string{"a>c", "b"},
			want:  []string{"b", "c", "a"},
		},
		"diamond d depends on b and c which depend on a": {
			items: []string{"d>c", "d>b", "c>a", "b>a"},
			want:  []string{"a", "b", "c", "d"},
		},
		"dependent released only after all dependencies": {
			items: []string{"b>a", "b>z", "c"},
			want:  []string{"a", "c", "z", "b"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := build(tt.items...).TopoOrder()
			if err != nil {
				t.Fatalf("TopoOrder() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("TopoOrder() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDeterministicAcrossInsertionOrder builds one graph from shuffled edge
// lists and requires every method to give identical results.
func TestDeterministicAcrossInsertionOrder(t *testing.T) {
	items := []string{"e>d", "d>c", "c>e", "b>a", "f>b", "f>a", "g", "h>h", "c>a", "x>y", "y>x"}
	type result struct {
		Vertices    []string
		Deps        [][]string
		Dependents  [][]string
		Components  [][]string
		Cycles      [][]string
		Reversed    []string
		DOT         string
		TopoOrderOK bool
	}
	run := func(items []string) result {
		g := build(items...)
		var r result
		r.Vertices = g.Vertices()
		for _, v := range r.Vertices {
			r.Deps = append(r.Deps, g.Deps(v))
			r.Dependents = append(r.Dependents, g.Dependents(v))
		}
		r.Components = g.StronglyConnected()
		r.Cycles = g.Cycles()
		r.Reversed = edges(g.Reverse())
		var b strings.Builder
		if err := g.DOT(&b, func(s string) string { return s }); err != nil {
			t.Fatal(err)
		}
		r.DOT = b.String()
		_, err := g.TopoOrder()
		r.TopoOrderOK = err == nil
		return r
	}
	want := run(items)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		shuffled := append([]string(nil), items...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(want, run(shuffled)); diff != "" {
			t.Fatalf("shuffle %d %v: results differ (-want +got):\n%s", i, shuffled, diff)
		}
	}
}

func TestTopoOrderCycle(t *testing.T) {
	g := build("b>c", "c>a", "a>b", "d>a", "e>e")
	order, err := g.TopoOrder()
	if order != nil {
		t.Errorf("TopoOrder() order = %v, want nil", order)
	}
	var ce *CycleError[string]
	if !errors.As(err, &ce) {
		t.Fatalf("TopoOrder() error = %v, want *CycleError", err)
	}
	want := [][]string{{"a", "b", "c"}, {"e"}}
	if diff := cmp.Diff(want, ce.Cycles); diff != "" {
		t.Errorf("CycleError.Cycles mismatch (-want +got):\n%s", diff)
	}
	if got, want := err.Error(), "dependency cycle: a → b → c → a; e → e"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestCycles(t *testing.T) {
	tests := map[string]struct {
		items []string
		want  [][]string
	}{
		"acyclic": {items: []string{"b>a", "c>b", "c>a"}},
		// Inserted starting at c; reported from a, following edges
		// a → b → c → a rather than sorted (which would also be a, b, c).
		"rotated to smallest vertex": {
			items: []string{"c>a", "a>b", "b>c"},
			want:  [][]string{{"a", "b", "c"}},
		},
		// Sorting would give a, b, c; the real path is a → c → b → a.
		"order follows edges not sort order": {
			items: []string{"a>c", "c>b", "b>a"},
			want:  [][]string{{"a", "c", "b"}},
		},
		"self-loop": {
			items: []string{"a>a", "b>a"},
			want:  [][]string{{"a"}},
		},
		"two cycles sorted by first vertex": {
			items: []string{"y>x", "x>y", "c>b", "b>c", "c>a"},
			want:  [][]string{{"b", "c"}, {"x", "y"}},
		},
		"chord takes smallest dependency first": {
			items: []string{"a>b", "b>c", "c>a", "a>c"},
			want:  [][]string{{"a", "b", "c"}},
		},
		"long cycle": {
			items: []string{"e>a", "a>d", "d>b", "b>c", "c>e"},
			want:  [][]string{{"a", "d", "b", "c", "e"}},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := build(tt.items...).Cycles()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Cycles() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStronglyConnected(t *testing.T) {
	tests := map[string]struct {
		items []string
		want  [][]string
	}{
		"empty": {},
		"acyclic gives singletons": {
			items: []string{"c>b", "b>a"},
			want:  [][]string{{"a"}, {"b"}, {"c"}},
		},
		"cycle and tail": {
			items: []string{"d>c", "c>b", "b>c", "a>d"},
			want:  [][]string{{"a"}, {"b", "c"}, {"d"}},
		},
		"two components sorted by first vertex": {
			items: []string{"z>c", "c>z", "y>b", "b>y", "a"},
			want:  [][]string{{"a"}, {"b", "y"}, {"c", "z"}},
		},
		"self-loop is a singleton component": {
			items: []string{"a>a"},
			want:  [][]string{{"a"}},
		},
		"nested cycles": {
			items: []string{"a>b", "b>c", "c>a", "c>d", "d>e", "e>d", "e>c"},
			want:  [][]string{{"a", "b", "c", "d", "e"}},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := build(tt.items...).StronglyConnected()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("StronglyConnected() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStronglyConnectedLongChain would overflow a recursive Tarjan with a
// small stack; it checks the iterative one on a 200,000-vertex cycle.
func TestStronglyConnectedLongChain(t *testing.T) {
	const n = 200_000
	g := New(func(a, b int) bool { return a < b })
	for i := range n {
		g.Connect(i, (i+1)%n) // i depends on i+1; the last closes the cycle
	}
	comps := g.StronglyConnected()
	if len(comps) != 1 || len(comps[0]) != n {
		t.Fatalf("got %d components, want 1 of %d vertices", len(comps), n)
	}
	cycles := g.Cycles()
	if len(cycles) != 1 || len(cycles[0]) != n || cycles[0][0] != 0 || cycles[0][1] != 1 || cycles[0][n-1] != n-1 {
		t.Fatalf("Cycles() did not return the single cycle 0 → 1 → … → %d", n-1)
	}
}

func TestReverse(t *testing.T) {
	g := build("b>a", "c>a", "c>b", "d")
	r := g.Reverse()
	if diff := cmp.Diff([]string{"a>b", "a>c", "b>c"}, edges(r)); diff != "" {
		t.Errorf("Reverse() edges mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d"}, r.Vertices()); diff != "" {
		t.Errorf("Reverse() vertices mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b>a", "c>a", "c>b"}, edges(g)); diff != "" {
		t.Errorf("Reverse() modified its receiver (-want +got):\n%s", diff)
	}
}

func TestTransitiveReduction(t *testing.T) {
	tests := map[string]struct {
		items []string
		want  []string
	}{
		"empty": {},
		"c depends on a directly and through b": {
			items: []string{"c>a", "c>b", "b>a"},
			want:  []string{"b>a", "c>b"},
		},
		"diamond keeps both branches": {
			items: []string{"d>b", "d>c", "b>a", "c>a", "d>a"},
			want:  []string{"b>a", "c>a", "d>b", "d>c"},
		},
		"long shortcut": {
			items: []string{"e>d", "d>c", "c>b", "b>a", "e>a", "e>b", "d>a"},
			want:  []string{"b>a", "c>b", "d>c", "e>d"},
		},
		"isolated vertices survive": {
			items: []string{"z", "b>a"},
			want:  []string{"b>a"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			g := build(tt.items...)
			before := edges(g)
			r, err := g.TransitiveReduction()
			if err != nil {
				t.Fatalf("TransitiveReduction() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, edges(r)); diff != "" {
				t.Errorf("TransitiveReduction() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(g.Vertices(), r.Vertices()); diff != "" {
				t.Errorf("TransitiveReduction() vertices mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, edges(g)); diff != "" {
				t.Errorf("TransitiveReduction() modified its receiver (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTransitiveReductionCycle(t *testing.T) {
	r, err := build("a>b", "b>a").TransitiveReduction()
	var ce *CycleError[string]
	if r != nil || !errors.As(err, &ce) {
		t.Fatalf("TransitiveReduction() = %v, %v; want nil, *CycleError", r, err)
	}
}

// TestTransitiveReductionRandom checks the reduction of random DAGs against
// a brute-force definition: reachability is unchanged and no kept edge is
// implied by a path through another dependency.
func TestTransitiveReductionRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for iter := range 20 {
		const n = 60
		g := New(func(a, b int) bool { return a < b })
		for i := range n {
			g.Add(i)
			for j := range i {
				if rng.IntN(8) == 0 {
					g.Connect(i, j) // higher depends on lower: acyclic
				}
			}
		}
		r, err := g.TransitiveReduction()
		if err != nil {
			t.Fatal(err)
		}
		gr, rr := reachAll(g, n), reachAll(r, n)
		if diff := cmp.Diff(gr, rr); diff != "" {
			t.Fatalf("iteration %d: reachability changed (-want +got):\n%s", iter, diff)
		}
		for u := range n {
			for _, v := range r.Deps(u) {
				for _, w := range r.Deps(u) {
					if w != v && rr[w][v] {
						t.Fatalf("iteration %d: kept edge %d>%d is implied through %d", iter, u, v, w)
					}
				}
			}
		}
	}
}

// reachAll returns reach[u][v] = u reaches v by a non-empty path.
func reachAll(g *Graph[int], n int) [][]bool {
	reach := make([][]bool, n)
	for u := range n {
		reach[u] = make([]bool, n)
		stack := g.Deps(u)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !reach[u][v] {
				reach[u][v] = true
				stack = append(stack, g.Deps(v)...)
			}
		}
	}
	return reach
}

func TestDOT(t *testing.T) {
	tests := map[string]struct {
		items []string
		want  string
	}{
		"empty": {
			want: `digraph G {
  rankdir = "RL";
  node [shape = rect, fontname = "sans-serif"];
}
`,
		},
		"edges from dependent to dependency, nodes then edges sorted": {
			items: []string{"vpc_endpoint.s3>vpc.main", "vpc_endpoint.s3>subnet.a", "subnet.a>vpc.main", "s3_access_point.ap"},
			want: `digraph G {
  rankdir = "RL";
  node [shape = rect, fontname = "sans-serif"];
  "s3_access_point.ap" [label="s3_access_point.ap"];
  "subnet.a" [label="subnet.a"];
  "vpc.main" [label="vpc.main"];
  "vpc_endpoint.s3" [label="vpc_endpoint.s3"];
  "subnet.a" -> "vpc.main";
  "vpc_endpoint.s3" -> "subnet.a";
  "vpc_endpoint.s3" -> "vpc.main";
}
`,
		},
		"quotes backslashes and newlines escaped": {
			items: []string{"a[\"k\"]>b\\c", "n\nl"},
			want: `digraph G {
  rankdir = "RL";
  node [shape = rect, fontname = "sans-serif"];
  "a[\"k\"]" [label="a[\"k\"]"];
  "b\\c" [label="b\\c"];
  "n\nl" [label="n\nl"];
  "a[\"k\"]" -> "b\\c";
}
`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			if err := build(tt.items...).DOT(&b, func(s string) string { return s }); err != nil {
				t.Fatalf("DOT() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("DOT() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestDOTWriteError(t *testing.T) {
	err := build("b>a").DOT(failWriter{}, func(s string) string { return s })
	if err == nil || err.Error() != "disk full" {
		t.Errorf("DOT() error = %v, want disk full", err)
	}
}
