package state_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/planner/state"
)

// TestHostileStates: each damaged state in testdata/hostile is refused
// with a clear error, at once, and the file is left as it was.
func TestHostileStates(t *testing.T) {
	tests := map[string]string{
		"truncated.tfstate":          "the state is not valid JSON (unexpected end of JSON input at byte 120); it may be truncated or corrupt",
		"not-json.tfstate":           "the state is not valid JSON",
		"version3.tfstate":           "the state uses format version 3, which this version of vpcplan does not support (it reads version 4)",
		"duplicate-resource.tfstate": "the state records aws_vpc.a twice; it was edited or merged by hand: keep one of the two entries",
		"duplicate-instance.tfstate": "the state records aws_vpc.a[0] twice; it was edited or merged by hand: keep one of the two entries",
		"number-grammar.tfstate":     "the state is not valid JSON (invalid character '0' after object key:value pair",
		"deep.tfstate":               "the state is not valid JSON (invalid character '[' exceeded max depth",
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
			if err := os.WriteFile(path, src, 0o600); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			st, err := state.NewFileStore(path).Load()
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Load took %v", d)
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Load = %v, %v; want an error containing %q", st, err, want)
			}
			if after, _ := os.ReadFile(path); string(after) != string(src) {
				t.Error("the file changed")
			}
		})
	}
}
