package benchgen

import (
	"os"
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
