package config

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/schema"
)

// TestConcurrentEvaluationMatchesSequential evaluates every example, every
// configuration of the language corpus and a generated one of 1,000
// blocks twice, computing independent blocks at the same time and one at a
// time, and compares the diagnostics, the instances and their values.
func TestConcurrentEvaluationMatchesSequential(t *testing.T) {
	paths, err := filepath.Glob("../../examples/*.hcl")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("../../testdata/lang/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, dirs...)
	gen := t.TempDir()
	if err := benchgen.Blocks(gen, 1000); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, gen)
	if len(paths) < 100 {
		t.Fatalf("found %d configurations, want the examples and the language corpus", len(paths))
	}
	concurrent := 0
	for _, path := range paths {
		eval := func(sequential bool) (*Model, hcl.Diagnostics) {
			l := NewLoader(schema.NewCatalog())
			cfg, diags := l.Load([]string{path})
			if diags.HasErrors() {
				return nil, diags
			}
			m, moreDiags := l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode, sequential: sequential})
			return m, append(diags, moreDiags...)
		}
		m1, d1 := eval(false)
		m2, d2 := eval(true)
		if got, want := diagStrings(d1), diagStrings(d2); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: diagnostics differ:\nconcurrent %q\nsequential %q", path, got, want)
			continue
		}
		if (m1 == nil) != (m2 == nil) {
			t.Errorf("%s: one evaluation made no model", path)
			continue
		}
		if m1 == nil {
			continue
		}
		if len(m1.Instances) != len(m2.Instances) {
			t.Errorf("%s: %d instances concurrently, %d sequentially", path, len(m1.Instances), len(m2.Instances))
			continue
		}
		if len(m1.Instances) >= minConcurrent {
			concurrent++
		}
		for i, a := range m1.Instances {
			b := m2.Instances[i]
			if a.Addr.String() != b.Addr.String() || !a.Value.RawEquals(b.Value) || fmt.Sprint(a.SensitivePaths) != fmt.Sprint(b.SensitivePaths) {
				t.Errorf("%s: instance %d differs: %s = %#v, sequentially %s = %#v", path, i, a.Addr, a.Value, b.Addr, b.Value)
				break
			}
		}
		if fmt.Sprint(m1.Unexpanded) != fmt.Sprint(m2.Unexpanded) {
			t.Errorf("%s: unexpanded %v concurrently, %v sequentially", path, m1.Unexpanded, m2.Unexpanded)
		}
	}
	// The examples and the generated configuration have several blocks;
	// most cases of the language corpus have none or one.
	if concurrent < 8 {
		t.Errorf("only %d configurations have two or more instances, want 8", concurrent)
	}
}

// diagStrings returns the diagnostics as sorted text.
func diagStrings(diags hcl.Diagnostics) []string {
	out := make([]string, len(diags))
	for i, d := range diags {
		rng := ""
		if d.Subject != nil {
			rng = d.Subject.String()
		}
		out[i] = fmt.Sprintf("%d %s %s: %s", d.Severity, rng, d.Summary, d.Detail)
	}
	sort.Strings(out)
	return out
}
