package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestConvergence holds the plan invariant on every example and on every
// configuration of the CLI scripts that validates clean: after apply, a plan
// of the same configuration has no changes (plan -detailed-exitcode exits
// 0).
func TestConvergence(t *testing.T) {
	examples, err := filepath.Glob("examples/*.hcl")
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		src, err := os.ReadFile(ex)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(ex, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.hcl"), src)
			checkConverges(t, dir, true)
		})
	}
	scripts, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range scripts {
		ar, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(script, func(t *testing.T) {
			dir := t.TempDir()
			configs := 0
			for _, f := range ar.Files {
				name := filepath.FromSlash(f.Name)
				switch {
				case strings.HasSuffix(name, ".tfstate"), strings.HasPrefix(filepath.Base(name), "."):
					continue // a fixture state or a rule configuration
				case strings.HasSuffix(name, ".hcl"), strings.HasSuffix(name, ".tf"), strings.HasSuffix(name, ".tfvars"):
					if !strings.Contains(name, string(filepath.Separator)) && !strings.HasSuffix(name, ".tfvars") {
						configs++
					}
				}
				if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, name), f.Data)
			}
			if configs == 0 {
				t.Skip("no configuration at the top of the archive")
			}
			checkConverges(t, dir, false)
		})
	}
}

// checkConverges applies the configuration in dir on an empty state and
// plans it again. Unless mustValidate, a configuration that does not
// validate, plan or apply is no fixture of this invariant and is skipped.
func checkConverges(t *testing.T, dir string, mustValidate bool) {
	t.Helper()
	statePath := filepath.Join(dir, "converge.tfstate")
	var out bytes.Buffer
	cmd := func(args ...string) int {
		out.Reset()
		args = append(append(args, "-no-color", "-input=false", "-state="+statePath), dir)
		return run(context.Background(), args, &out, &out)
	}
	if code := cmd("apply", "-auto-approve"); code != exitOK {
		if mustValidate {
			t.Fatalf("apply exited %d:\n%s", code, out.String())
		}
		t.Skipf("the configuration does not apply (exit %d)", code)
	}
	if code := cmd("plan", "-detailed-exitcode"); code != exitOK {
		t.Errorf("plan after apply exited %d, want 0:\n%s", code, out.String())
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
