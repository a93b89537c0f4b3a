package config

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/schema"
)

func TestZZMem(t *testing.T) {
	if os.Getenv("ZZMEM") == "" {
		t.Skip()
	}
	dir := t.TempDir()
	n, _ := benchgen.Expanded(dir, 100_000)
	start := time.Now()
	l := NewLoader(schema.NewCatalog())
	cfg, _ := l.Load([]string{dir})
	t1 := time.Since(start)
	m, _ := l.Evaluate(context.Background(), cfg, Options{})
	t2 := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("instances", n, len(m.Instances), "load", t1, "total", t2, "heap MiB", ms.HeapInuse>>20, "sys MiB", ms.Sys>>20, "numGC", ms.NumGC)
}
