package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/vpcplan/vpcplan/schema"
)

// addConfigSeeds adds every example and every testdata/lang case's main.tf
// (at most 64 KiB each) to the seed corpus.
func addConfigSeeds(f *testing.F) {
	root := filepath.Join("..", "..")
	examples, _ := filepath.Glob(filepath.Join(root, "examples", "*.hcl"))
	lang, _ := filepath.Glob(filepath.Join(root, "testdata", "lang", "*", "*.tf"))
	for _, name := range append(examples, lang...) {
		if data, err := os.ReadFile(name); err == nil && len(data) <= 64<<10 {
			f.Add(data)
		}
	}
}

// hugeLiteral matches number literals from 100,000 up, and exponents:
// counts and ranges that large are bounded work only once the instance and
// element bounds exist, so the harness leaves them to the limit tests.
var hugeLiteral = regexp.MustCompile(`[0-9]{6}|[0-9][eE][+0-9]`)

// errNoFiles is what the file functions and -var-file see while fuzzing:
// the harness must not read the machine's files.
var errNoFiles = errors.New("fuzzing reads no files")

// FuzzLoadEvaluate loads any text as a main.tf and evaluates it in
// ValidateMode, as vpcplan validate does: it must return diagnostics,
// never panic or hang.
func FuzzLoadEvaluate(f *testing.F) {
	addConfigSeeds(f)
	f.Add([]byte(`locals { x = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)] }`))
	f.Add([]byte("variable \"s\" {\n  sensitive = true\n  default = \"x\"\n}\nlocals { y = format(\"%5s\", var.s) }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 || hugeLiteral.Match(data) {
			t.Skip()
		}
		dir := t.TempDir()
		l := NewLoader(schema.NewCatalog())
		cfg, diags := l.LoadSources(map[string][]byte{"main.tf": data}, dir)
		if diags.HasErrors() || cfg == nil {
			return
		}
		_, _ = l.Evaluate(context.Background(), cfg, Options{
			Mode: ValidateMode, Cwd: dir, Parallelism: 1,
			ReadFile: func(string) ([]byte, error) { return nil, errNoFiles },
		})
	})
}

// fuzzVarsConfig declares a variable of each kind of type constraint, for
// FuzzVarFile's values.
const fuzzVarsConfig = `
variable "s" { type = string }
variable "n" { type = number }
variable "b" { type = bool }
variable "l" { type = list(string) }
variable "m" { type = map(number) }
variable "o" {
  type = object({ a = string, b = optional(list(number), [1]) })
}
variable "any" {}
variable "secret" {
  type      = string
  sensitive = true
}
`

// FuzzVarFile reads any text as a -var-file and as a -var value, in
// PlanMode: it must return diagnostics, never panic or hang.
func FuzzVarFile(f *testing.F) {
	f.Add([]byte(`s = "a"
n = 1.5
b = true
l = ["x", "y"]
m = { a = 1 }
o = { a = "x" }
any = [1, "a", { b = null }]
secret = "hunter2"
`), "s=x")
	f.Add([]byte(`{"s": "a", "n": 1, "l": ["x"]}`), `o={a="x",b=[2]}`)
	f.Add([]byte("n = \"x\"\n"), "n=1e2")
	f.Fuzz(func(t *testing.T, data []byte, arg string) {
		if len(data) > 64<<10 || hugeLiteral.Match(data) || hugeLiteral.MatchString(arg) {
			t.Skip()
		}
		dir := t.TempDir()
		l := NewLoader(schema.NewCatalog())
		cfg, diags := l.LoadSources(map[string][]byte{"main.tf": []byte(fuzzVarsConfig)}, dir)
		if diags.HasErrors() {
			t.Fatalf("the harness's configuration: %s", diags.Error())
		}
		name, value, _ := cutVar(arg)
		for _, file := range []string{"fuzz.tfvars", "fuzz.tfvars.json"} {
			_, _ = l.Evaluate(context.Background(), cfg, Options{
				Mode: PlanMode, Cwd: dir, Parallelism: 1,
				Vars: []VarArg{{File: file}, {Name: name, Value: value}},
				ReadFile: func(p string) ([]byte, error) {
					if p == file {
						return data, nil
					}
					return nil, errNoFiles
				},
				Prompt: func(*Variable) (string, bool) { return "", false },
			})
		}
	})
}

// cutVar splits NAME=VALUE as the CLI's -var does.
func cutVar(arg string) (string, string, bool) {
	for i := 0; i < len(arg); i++ {
		if arg[i] == '=' {
			return arg[:i], arg[i+1:], true
		}
	}
	return arg, "", false
}
