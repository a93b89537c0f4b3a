package planner_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// benchPlan plans the configuration in dir against prior, as plan does:
// the prior state decodes while the configuration is evaluated.
func benchPlan(b *testing.B, catalog *schema.Catalog, dir string, prior *state.State) *planner.Plan {
	idx := planner.StartIndexPrior(prior, catalog)
	walk := planner.NewWalk(idx, planner.Options{ToolVersion: "bench", Lineage: "bench"})
	l := config.NewLoader(catalog)
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode}))
	diags = append(diags, idx.Wait()...)
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	p, diags := walk.Plan(context.Background(), m, prior)
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return p
}

// applied returns the state after applying the configuration in dir,
// without saving it anywhere.
func applied(b *testing.B, catalog *schema.Catalog, dir string) *state.State {
	p := benchPlan(b, catalog, dir, nil)
	st, _, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
		Catalog: catalog, ToolVersion: "bench",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			l := config.NewLoader(catalog)
			cfg, diags := l.Load([]string{dir})
			if diags.HasErrors() {
				return nil, diags
			}
			return l.Evaluate(ctx, cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize})
		},
	})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return st
}

// setup generates shape (a) with about n instances, with the collector
// set as the binary sets it.
func setup(b *testing.B, n int) (*schema.Catalog, string, int) {
	benchgen.CollectLikeTheBinary(b)
	dir := b.TempDir()
	got, err := benchgen.Expanded(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	return schema.NewCatalog(), dir, got
}

func perInstance(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/instance")
}

// BenchmarkPlanEmptyState100k plans shape (a) on an empty state.
func BenchmarkPlanEmptyState100k(b *testing.B) {
	catalog, dir, n := setup(b, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		if p := benchPlan(b, catalog, dir, nil); len(p.Changes) != n {
			b.Fatalf("got %d changes, want %d", len(p.Changes), n)
		}
	}
	b.StopTimer()
	perInstance(b, n)
}

// BenchmarkPlanNoOp100k plans shape (a) against the state of its own
// apply: every instance is a no-op.
func BenchmarkPlanNoOp100k(b *testing.B) {
	catalog, dir, n := setup(b, 100_000)
	st := applied(b, catalog, dir)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		if p := benchPlan(b, catalog, dir, st); p.HasChanges() {
			b.Fatal("no-op plan has changes")
		}
	}
	b.StopTimer()
	perInstance(b, n)
}

// BenchmarkPlanOnePercent100k plans shape (a) with 1% of the instances
// changed (the tags of every route table in one group of three).
func BenchmarkPlanOnePercent100k(b *testing.B) {
	catalog, dir, n := setup(b, 100_000)
	st := applied(b, catalog, dir)
	path := filepath.Join(dir, "main.tf")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	// Each group has 100 route tables; change those of n/100/100 groups.
	changed := string(src)
	groups := n / 100 / 100
	for g := 0; g < groups; g++ {
		old := fmt.Sprintf("resource \"aws_route_table\" \"rt%d\" {\n  for_each = local.keys\n  vpc_id   = aws_vpc.v%d.id\n  tags = {\n    Name = each.key\n", g, g)
		changed = strings.Replace(changed, old, old+"    Changed = \"yes\"\n", 1)
	}
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		p := benchPlan(b, catalog, dir, st)
		if _, change, _ := p.Counts(); change != groups*100 {
			b.Fatalf("got %d updates, want %d", change, groups*100)
		}
	}
	b.StopTimer()
	perInstance(b, n)
}

// BenchmarkStateWrite100k saves the state of shape (a) to a file.
func BenchmarkStateWrite100k(b *testing.B) {
	catalog, dir, n := setup(b, 100_000)
	st := applied(b, catalog, dir)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchgen.FreshHeap(b)
		st.Serial = 0
		path := filepath.Join(b.TempDir(), "vpcplan.tfstate")
		if err := state.NewFileStore(path).Save(st); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perInstance(b, n)
}
