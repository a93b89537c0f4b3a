package validate

import (
	"context"
	"testing"

	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// benchModel loads and evaluates the core issue's shape (a) configuration
// of about n instances.
func benchModel(b *testing.B, n int) (*config.Loader, *config.Config) {
	benchgen.CollectLikeTheBinary(b)
	dir := b.TempDir()
	if _, err := benchgen.Expanded(dir, n); err != nil {
		b.Fatal(err)
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return l, cfg
}

// BenchmarkRules100k runs every rule over the evaluated shape (a) model
// of 100,000 instances: the cost rules add to validation. Compare with
// planner/config's BenchmarkValidateExpanded100k (validation without
// rules); the rules must stay within the same time again.
func BenchmarkRules100k(b *testing.B) { benchRules(b, 100_000) }

// BenchmarkRules10k is the same at a tenth of the size: the time per
// instance must not grow between the two (no rule may be quadratic).
func BenchmarkRules10k(b *testing.B) { benchRules(b, 10_000) }

func benchRules(b *testing.B, n int) {
	l, cfg := benchModel(b, n)
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	in := &Input{Model: m, Services: schema.NewServiceCatalog()}
	rules := DefaultRules()
	b.ReportAllocs()
	b.ResetTimer()
	var found int
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		found = len(Run(in, rules, Options{}))
	}
	b.StopTimer()
	// The generated VPCs hold 100 interface endpoints each, over the
	// default quota and with private DNS conflicts, so some rules fire:
	// their diagnostics are part of the cost.
	b.ReportMetric(float64(found), "diagnostics")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(m.Instances)), "ns/instance")
}

// BenchmarkRulesEach100k times each rule alone over the same model, so a
// rule that grows faster than the others shows by name.
func BenchmarkRulesEach100k(b *testing.B) {
	l, cfg := benchModel(b, 100_000)
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	in := &Input{Model: m, Services: schema.NewServiceCatalog()}
	for _, r := range DefaultRules() {
		b.Run(r.ID, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r.Check(in)
			}
		})
	}
}
