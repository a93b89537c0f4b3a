package config

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vpcplan/vpcplan/schema"
)

// TestExamplesEvaluate loads and evaluates every example on its own: no
// diagnostics at all, and every block expanded.
func TestExamplesEvaluate(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 7 {
		t.Fatalf("got %d examples, want at least 7", len(files))
	}
	catalog := schema.NewCatalog()
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			l := NewLoader(catalog)
			cfg, diags := l.Load([]string{f})
			if !diags.HasErrors() {
				var m *Model
				m, diags = l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode})
				if len(m.Unexpanded) > 0 {
					t.Errorf("blocks not expanded: %v", m.Unexpanded)
				}
				if len(m.Instances) == 0 {
					t.Error("no instances")
				}
			}
			for _, d := range diags {
				t.Errorf("%s", d)
			}
		})
	}
}
