package parallel

import (
	"sync/atomic"
	"testing"
)

// TestFor checks that every index is visited exactly once, for sizes
// around the chunk boundaries and the serial fallback.
func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, chunk - 1, chunk, chunk + 1, 10*chunk + 7} {
		counts := make([]atomic.Int32, n)
		For(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
}
