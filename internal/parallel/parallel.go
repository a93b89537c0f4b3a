// Package parallel runs independent work on every core, with results
// that never depend on scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// chunk is how many items a worker takes at a time: large enough
// that the shared counter costs nothing, small enough to balance.
const chunk = 256

// For calls fn(i) for every i in [0, n), on up to GOMAXPROCS
// goroutines. fn must only write what belongs to item i; the caller then
// reads the results in order, so output never depends on scheduling.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}
