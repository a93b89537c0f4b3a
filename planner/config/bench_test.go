package config

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/schema"
)

func benchValidate(b *testing.B, dir string, instances int) {
	benchgen.CollectLikeTheBinary(b)
	catalog := schema.NewCatalog()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		l := NewLoader(catalog)
		cfg, diags := l.Load([]string{dir})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		m, diags := l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		if len(m.Instances) < instances {
			b.Fatalf("got %d instances, want %d", len(m.Instances), instances)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instances), "ns/instance")
}

func BenchmarkValidateExpanded10k(b *testing.B)  { benchExpanded(b, 10_000) }
func BenchmarkValidateExpanded100k(b *testing.B) { benchExpanded(b, 100_000) }

func benchExpanded(b *testing.B, n int) {
	dir := b.TempDir()
	got, err := benchgen.Expanded(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	benchValidate(b, dir, got)
}

func BenchmarkValidateBlocks10k(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Blocks(dir, 10_000); err != nil {
		b.Fatal(err)
	}
	benchValidate(b, dir, 10_000)
}

// BenchmarkParseBlocks10k is the floor for shape (b): hclparse alone on
// the same files.
func BenchmarkParseBlocks10k(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Blocks(dir, 10_000); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		b.Fatal(err)
	}
	benchgen.CollectLikeTheBinary(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		p := hclparse.NewParser()
		if _, diags := p.ParseHCL(src, "main.tf"); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/instance")
}

// BenchmarkValidateModules100 and ...1000 evaluate one local module called
// 100 and 1,000 times through for_each (shape (c)): the module's files are
// parsed once, and the cost per instance must stay flat.
func BenchmarkValidateModules100(b *testing.B)  { benchModules(b, 100) }
func BenchmarkValidateModules1000(b *testing.B) { benchModules(b, 1000) }

func benchModules(b *testing.B, calls int) {
	dir := b.TempDir()
	got, err := benchgen.Modules(dir, calls)
	if err != nil {
		b.Fatal(err)
	}
	benchValidate(b, dir, got)
}
