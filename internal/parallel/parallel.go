// Package parallel runs independent work on every core, with results
// that never depend on scheduling.
package parallel

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// forChunk is how many items For's workers take at a time: large enough
// that the shared counter costs nothing, small enough to balance.
const forChunk = 256

// For calls fn(i) for every i in [0, n), on up to GOMAXPROCS
// goroutines. fn must only write what belongs to item i; the caller then
// reads the results in order, so output never depends on scheduling.
func For(n int, fn func(i int)) { Workers(n, 0, forChunk, fn) }

// Workers is For with the number of goroutines (GOMAXPROCS when workers
// is 0 or less) and the items each takes at a time (at least 1) chosen by
// the caller. It runs fn on the calling goroutine alone when one worker
// would do: n items fill at most one chunk, or workers is 1.
func Workers(n, workers, chunk int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunk = max(chunk, 1)
	workers = min(workers, (n+chunk-1)/chunk)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Pointer[workerPanic]
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, &workerPanic{value: r, stack: debug.Stack()})
					next.Store(int64(n)) // the other workers stop at their next chunk
				}
			}()
			for {
				start := int(next.Add(int64(chunk))) - chunk
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
	if p := panicked.Load(); p != nil {
		// Raised again on the caller's goroutine, where the program's
		// crash handler can catch it; the worker's stack goes with it.
		panic(p)
	}
}

// workerPanic is a panic of fn on a worker goroutine, raised again by
// Workers on the caller's: value is what fn panicked with, stack where.
type workerPanic struct {
	value any
	stack []byte
}

func (p *workerPanic) String() string {
	return fmt.Sprintf("%v\n\nworker goroutine stack:\n%s", p.value, p.stack)
}
