package parallel

import (
	"sync/atomic"
	"testing"
)

// TestFor checks that every index is visited exactly once, for sizes
// around the chunk boundaries and the serial fallback.
func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, forChunk - 1, forChunk, forChunk + 1, 10*forChunk + 7} {
		counts := make([]atomic.Int32, n)
		For(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
}

// TestWorkers checks the same with the caller's worker count and chunk,
// including one item per grab and more workers than items.
func TestWorkers(t *testing.T) {
	for _, c := range []struct{ n, workers, chunk int }{{0, 4, 1}, {3, 8, 1}, {50, 2, 1}, {100, 3, 16}, {17, 0, 16}, {10, 1, 0}} {
		counts := make([]atomic.Int32, c.n)
		Workers(c.n, c.workers, c.chunk, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if got := counts[i].Load(); got != 1 {
				t.Fatalf("%+v: index %d visited %d times", c, i, got)
			}
		}
	}
}

func TestWorkersPanicReachesCaller(t *testing.T) {
	defer func() {
		r := recover()
		p, ok := r.(*workerPanic)
		if !ok || p.value != "boom" {
			t.Fatalf("recovered %#v, want the worker's panic", r)
		}
	}()
	Workers(100, 4, 1, func(i int) {
		if i == 37 {
			panic("boom")
		}
	})
	t.Fatal("Workers returned after a worker panicked")
}
