package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/vpcplan/vpcplan/planner/state"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"vpcplan": func() {
			os.Exit(guard(os.Stderr, func() int { return run(context.Background(), os.Args[1:], os.Stdout, os.Stderr) }))
		},
		// holdlock STATE DURATION takes the state lock as another process
		// would, and holds it for the duration.
		"holdlock": func() {
			d, err := time.ParseDuration(os.Args[2])
			if err != nil {
				os.Exit(2)
			}
			unlock, err := state.NewFileStore(os.Args[1]).Lock(context.Background(), state.LockInfo{ID: "11111111-2222-3333-4444-555555555555", Operation: "OperationTypeApply", Who: "holder@test", Version: "test", Created: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)})
			if err != nil {
				os.Exit(1)
			}
			os.WriteFile(os.Args[1]+".held", []byte("held"), 0o644)
			time.Sleep(d)
			unlock()
			os.Exit(0)
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script. Set VPCPLAN_UPDATE=1
// to rewrite their expected output from what vpcplan prints now.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("VPCPLAN_UPDATE") != "",
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"afterunknown": afterUnknown},
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			// The examples are copied in by the scripts that need them.
			examples, err := filepath.Abs("examples")
			if err != nil {
				return err
			}
			e.Setenv("EXAMPLES", examples)
			e.Setenv("VPCPLAN_VERSION", version)
			e.Setenv("PLATFORM", runtime.GOOS+"_"+runtime.GOARCH)
			return nil
		},
	})
}

// afterUnknown is the script command "afterunknown FILE ADDRESS ATTR": in
// the JSON plan FILE, the change of ADDRESS has after_unknown.ATTR = true
// (with !, it does not).
func afterUnknown(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: afterunknown FILE ADDRESS ATTR")
	}
	var p struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				AfterUnknown map[string]any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &p); err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	for _, rc := range p.ResourceChanges {
		if rc.Address != args[1] {
			continue
		}
		unknown := rc.Change.AfterUnknown[args[2]] == true
		if unknown == neg {
			ts.Fatalf("after_unknown.%s of %s is %v", args[2], args[1], rc.Change.AfterUnknown[args[2]])
		}
		return
	}
	ts.Fatalf("no change of %s in %s", args[1], args[0])
}

// TestExitCodes checks run's exact exit codes, which testscript only sees
// as zero or not.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	valid := write("valid.hcl", "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n")
	invalid := write("invalid.hcl", "resource \"aws_vpc\" \"main\" {\n  cidr_blok = \"10.0.0.0/16\"\n}\n")
	unformatted := write("unformatted.tf", "resource \"aws_vpc\" \"main\" {\ncidr_block = \"10.0.0.0/16\"\n}\n")
	broken := write("broken.tf", "resource \"aws_vpc\" \"main\" {\n")
	tests := map[string]struct {
		args []string
		want int
	}{
		"no arguments":           {nil, exitError},
		"help":                   {[]string{"-help"}, exitOK},
		"unknown command":        {[]string{"nope"}, exitError},
		"version":                {[]string{"version"}, exitOK},
		"validate valid":         {[]string{"validate", valid}, exitOK},
		"validate invalid":       {[]string{"validate", invalid}, exitError},
		"validate json invalid":  {[]string{"validate", "-json", invalid}, exitError},
		"validate bad flag":      {[]string{"validate", "-nope", valid}, exitError},
		"validate help":          {[]string{"validate", "-help"}, exitOK},
		"validate missing path":  {[]string{"validate", filepath.Join(dir, "missing")}, exitError},
		"fmt check formatted":    {[]string{"fmt", "-check", valid}, exitOK},
		"fmt check unformatted":  {[]string{"fmt", "-check", unformatted}, exitFmtCheck},
		"fmt parse error":        {[]string{"fmt", "-check", broken}, exitFmtParse},
		"graph":                  {[]string{"graph", valid}, exitOK},
		"graph invalid":          {[]string{"graph", invalid}, exitError},
		"double-dash flags work": {[]string{"validate", "--json", valid}, exitOK},

		"version json":                      {[]string{"version", "-json"}, exitOK},
		"version bad flag":                  {[]string{"version", "-nope"}, exitError},
		"help for a subcommand":             {[]string{"-help", "plan"}, exitOK},
		"flag before the subcommand":        {[]string{"-json", "validate", valid}, exitError},
		"no-color before the subcommand":    {[]string{"-no-color", "validate", valid}, exitOK},
		"no-color after the paths":          {[]string{"validate", valid, "-no-color"}, exitOK},
		"no-color for rules":                {[]string{"rules", "-no-color"}, exitOK},
		"no-color for version":              {[]string{"version", "-no-color"}, exitOK},
		"no-color for state list":           {[]string{"state", "list", "-no-color", "-state=" + filepath.Join(dir, "none.tfstate")}, exitOK},
		"no-color for fmt with errors":      {[]string{"fmt", "-no-color", "-check", broken}, exitFmtParse},
		"chdir":                             {[]string{"-chdir=" + dir, "validate", "valid.hcl"}, exitOK},
		"chdir after no-color":              {[]string{"-no-color", "-chdir=" + dir, "graph", "valid.hcl"}, exitOK},
		"chdir without a directory":         {[]string{"-chdir", "validate"}, exitError},
		"chdir with an empty directory":     {[]string{"-chdir=", "validate"}, exitError},
		"chdir to a missing directory":      {[]string{"-chdir=" + filepath.Join(dir, "missing"), "validate"}, exitError},
		"chdir after the subcommand":        {[]string{"validate", "-chdir=" + dir}, exitError},
		"output raw without a name":         {[]string{"output", "-raw"}, exitError},
		"output raw and json":               {[]string{"output", "-raw", "-json", "x"}, exitError},
		"output with two names":             {[]string{"output", "x", "y"}, exitError},
		"output without state has no names": {[]string{"output", "-state=" + filepath.Join(dir, "none.tfstate")}, exitOK},
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(context.Background(), tc.args, &stdout, &stderr); got != tc.want {
				t.Errorf("run(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.args, got, tc.want, stdout.String(), stderr.String())
			}
			if now, _ := os.Getwd(); now != wd {
				t.Fatalf("run(%q) left the working directory at %s, want %s", tc.args, now, wd)
			}
		})
	}
}

// TestExamplesValidate validates every example through the CLI, rules
// included: each must print only the success line.
func TestExamplesValidate(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("examples", "*.hcl"))
	if err != nil || len(files) < 7 {
		t.Fatalf("found %d examples (%v), want at least 7", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"validate", "-no-color", f}, &stdout, &stderr)
			if code != exitOK || stdout.String() != "Success! The configuration is valid.\n\n" || stderr.Len() > 0 {
				t.Errorf("validate %s = %d\nstdout:\n%s\nstderr:\n%s", f, code, stdout.String(), stderr.String())
			}
		})
	}
}

// TestCrashReport checks that a panic becomes exit code 1 and the crash
// report on stderr: the diagnostic, the panic value, then the stack.
func TestCrashReport(t *testing.T) {
	var stderr bytes.Buffer
	code := guard(&stderr, func() int {
		var s []int
		return s[0]
	})
	if code != exitError {
		t.Errorf("guard() = %d, want %d", code, exitError)
	}
	want := `
Error: vpcplan crashed

This is always a bug in vpcplan, not a problem with the configuration. The
state file holds what was saved before the crash.

Please report it at https://github.com/vpcplan/vpcplan/issues, with the
output of "vpcplan version", the command that crashed, and the panic message
and stack trace below.

panic: runtime error: index out of range [0] with length 0

goroutine `
	got, _, _ := strings.Cut(stderr.String(), "goroutine ")
	if got+"goroutine " != want {
		t.Errorf("crash report mismatch (-want +got):\n%s", cmp.Diff(want, got+"goroutine "))
	}
	if !strings.Contains(stderr.String(), "TestCrashReport") {
		t.Errorf("the stack trace does not name the panicking function:\n%s", stderr.String())
	}
	code = guard(&stderr, func() int { return exitFmtCheck })
	if code != exitFmtCheck {
		t.Errorf("guard() without a panic = %d, want %d", code, exitFmtCheck)
	}
}
