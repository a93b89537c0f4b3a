package benchgen

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// BinaryGCPercent is the collector setting of the vpcplan binary (main.go):
// benchmarks run with it so that their figures are what users see.
const BinaryGCPercent = 200

// CollectLikeTheBinary sets the collector as the vpcplan binary does for
// the rest of the benchmark, unless the GOGC environment variable chooses
// (GOGC=100 gives the library's figures under Go's default).
func CollectLikeTheBinary(b *testing.B) {
	if os.Getenv("GOGC") != "" {
		return
	}
	old := debug.SetGCPercent(BinaryGCPercent)
	b.Cleanup(func() { debug.SetGCPercent(old) })
}

// FreshHeap collects the garbage of the previous iteration outside the
// timer: each vpcplan command runs once in a fresh process, so an
// iteration must not pay for the one before it.
func FreshHeap(b *testing.B) {
	b.StopTimer()
	runtime.GC()
	b.StartTimer()
}
