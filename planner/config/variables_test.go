package config

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zclconf/go-cty/cty"
)

// varDecls declares the variables the precedence tests assign.
const varDecls = `
variable "name" {
  type    = string
  default = "from-default"
}
variable "azs" {
  type    = list(string)
  default = []
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "n" {
  type    = number
  default = 0
}
variable "anything" {
  default = null
}
`

// TestVariableValues covers the sources of variable values and Terraform's
// precedence: environment < terraform.tfvars < *.auto.tfvars (lexical) <
// -var and -var-file in command-line order.
func TestVariableValues(t *testing.T) {
	tests := map[string]struct {
		files map[string]string // besides main.hcl with varDecls
		// opts builds the options given the configuration directory.
		opts func(dir string) Options
		want map[string]cty.Value
	}{
		"default": {
			want: map[string]cty.Value{"name": cty.StringVal("from-default"), "azs": cty.ListValEmpty(cty.String)},
		},
		"environment beats default": {
			opts: func(string) Options {
				return Options{Env: []string{"HOME=/x", "TF_VAR_name=from-env", "TF_VAR_undeclared=1", "TF_VAR_n=3"}}
			},
			want: map[string]cty.Value{"name": cty.StringVal("from-env"), "n": cty.NumberIntVal(3)},
		},
		"terraform.tfvars beats environment": {
			files: map[string]string{"terraform.tfvars": `name = "from-tfvars"`},
			opts:  func(string) Options { return Options{Env: []string{"TF_VAR_name=from-env"}} },
			want:  map[string]cty.Value{"name": cty.StringVal("from-tfvars")},
		},
		"auto.tfvars beat terraform.tfvars, later files win": {
			files: map[string]string{
				"terraform.tfvars": "name = \"from-tfvars\"\nn = 1\nazs = [\"t\"]",
				"a.auto.tfvars":    "name = \"from-a\"\nn = 2",
				"b.auto.tfvars":    `name = "from-b"`,
			},
			want: map[string]cty.Value{
				"name": cty.StringVal("from-b"),
				"n":    cty.NumberIntVal(2),
				"azs":  cty.ListVal([]cty.Value{cty.StringVal("t")}),
			},
		},
		"-var beats auto.tfvars": {
			files: map[string]string{"x.auto.tfvars": `name = "from-auto"`},
			opts:  func(string) Options { return Options{Vars: []VarArg{{Name: "name", Value: "from-var"}}} },
			want:  map[string]cty.Value{"name": cty.StringVal("from-var")},
		},
		"-var then -var-file: the file wins": {
			files: map[string]string{"extra.tfvars": `name = "from-file"`},
			opts: func(dir string) Options {
				return Options{Vars: []VarArg{{Name: "name", Value: "from-var"}, {File: filepath.Join(dir, "extra.tfvars")}}}
			},
			want: map[string]cty.Value{"name": cty.StringVal("from-file")},
		},
		"-var-file then -var: the -var wins": {
			files: map[string]string{"extra.tfvars": `name = "from-file"`},
			opts: func(dir string) Options {
				return Options{Vars: []VarArg{{File: filepath.Join(dir, "extra.tfvars")}, {Name: "name", Value: "from-var"}}}
			},
			want: map[string]cty.Value{"name": cty.StringVal("from-var")},
		},
		"complex -var values are HCL": {
			opts: func(string) Options {
				return Options{Vars: []VarArg{
					{Name: "azs", Value: `["us-east-1a", "us-east-1b"]`},
					{Name: "tags", Value: `{ Team = "net", Cost = 12 }`},
				}}
			},
			want: map[string]cty.Value{
				"azs":  cty.ListVal([]cty.Value{cty.StringVal("us-east-1a"), cty.StringVal("us-east-1b")}),
				"tags": cty.MapVal(map[string]cty.Value{"Team": cty.StringVal("net"), "Cost": cty.StringVal("12")}),
			},
		},
		"complex environment values are HCL": {
			opts: func(string) Options { return Options{Env: []string{`TF_VAR_tags={ a = "b" }`}} },
			want: map[string]cty.Value{"tags": cty.MapVal(map[string]cty.Value{"a": cty.StringVal("b")})},
		},
		"primitive and untyped -var values are literal strings": {
			opts: func(string) Options {
				return Options{Vars: []VarArg{{Name: "name", Value: `["x"]`}, {Name: "anything", Value: `{ a = 1 }`}}}
			},
			want: map[string]cty.Value{"name": cty.StringVal(`["x"]`), "anything": cty.StringVal(`{ a = 1 }`)},
		},
		"saved values beat everything": {
			files: map[string]string{"terraform.tfvars": `name = "from-tfvars"`},
			opts: func(string) Options {
				return Options{
					Vars:   []VarArg{{Name: "name", Value: "from-var"}},
					Values: map[string]cty.Value{"name": cty.StringVal("saved")},
				}
			},
			want: map[string]cty.Value{"name": cty.StringVal("saved")},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"main.hcl": varDecls}
			for k, v := range tt.files {
				files[k] = v
			}
			writeFiles(t, dir, files)
			var opts Options
			if tt.opts != nil {
				opts = tt.opts(dir)
			}
			res := evaluateDir(t, dir, opts)
			if len(res.diags) > 0 {
				t.Fatalf("got diagnostics %q, want none", res.diagStrings())
			}
			got := map[string]cty.Value{}
			for k := range tt.want {
				got[k] = res.model.Variables[k]
			}
			if diff := cmp.Diff(tt.want, got, ctyCmp); diff != "" {
				t.Errorf("variables mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVariablePlanMode covers variables without a value at plan time: an
// answer from Prompt, or an error on the declaration, after which nothing
// is evaluated (as in Terraform, which checks the values before planning).
func TestVariablePlanMode(t *testing.T) {
	src := `
variable "cidr" {
  type = string
}
variable "azs" {
  type = list(string)
}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags       = { AZ = var.azs[0] }
}`
	prompt := func(v *Variable) (string, bool) {
		switch v.Name {
		case "cidr":
			return "10.9.0.0/16", true
		case "azs":
			return `["us-east-1c"]`, true
		}
		return "", false
	}
	noInput := func(*Variable) (string, bool) { return "", false }
	required := func(line int, name string, endCol int) string {
		return "main.hcl:" + strconv.Itoa(line) + ",1-" + strconv.Itoa(endCol) + `: No value for required variable; The root module input variable "` + name +
			`" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.`
	}
	tests := map[string]struct {
		opts      Options
		wantDiags []string
		wantCIDR  cty.Value
		wantTags  cty.Value
	}{
		"prompt answers": {
			opts:      Options{Mode: PlanMode, Prompt: prompt},
			wantDiags: []string{},
			wantCIDR:  cty.StringVal("10.9.0.0/16"),
			wantTags:  cty.MapVal(map[string]cty.Value{"AZ": cty.StringVal("us-east-1c")}),
		},
		"no prompt": {
			opts:      Options{Mode: PlanMode},
			wantDiags: []string{required(5, "azs", 15), required(2, "cidr", 16)},
		},
		"prompt without input": {
			opts:      Options{Mode: PlanMode, Prompt: noInput},
			wantDiags: []string{required(5, "azs", 15), required(2, "cidr", 16)},
		},
		"prompt is not used in validate mode": {
			opts:      Options{Mode: ValidateMode, Prompt: prompt},
			wantDiags: []string{},
			wantCIDR:  cty.UnknownVal(cty.String),
			wantTags:  cty.MapVal(map[string]cty.Value{"AZ": cty.UnknownVal(cty.String)}),
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, hcl1(src), tt.opts)
			if diff := cmp.Diff(tt.wantDiags, res.diagStrings()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			if tt.wantCIDR == cty.NilVal {
				if n := len(res.model.OfType("aws_vpc")); n != 0 {
					t.Errorf("got %d instances, want none", n)
				}
				return
			}
			vpc := inst(t, res.model, "aws_vpc.main")
			if got := vpc.Attr("cidr_block"); !got.RawEquals(tt.wantCIDR) {
				t.Errorf("cidr_block: got %#v, want %#v", got, tt.wantCIDR)
			}
			if tt.wantTags != cty.NilVal {
				if got := vpc.Attr("tags"); !got.RawEquals(tt.wantTags) {
					t.Errorf("tags: got %#v, want %#v", got, tt.wantTags)
				}
			}
		})
	}
}

// TestVariableDiagnostics covers values that fail their type, nullable or
// validation, and assignments to undeclared variables.
func TestVariableDiagnostics(t *testing.T) {
	validated := `
variable "cidr" {
  type    = string
  default = "10.0.0.0/8"
  validation {
    condition     = endswith(var.cidr, "/16")
    error_message = "The cidr must be a /16 block."
  }
}
`
	const silence = "To silence these warnings, use TF_VAR_... environment variables to provide certain \"global\" settings to all configurations in your organization. To reduce the verbosity of these warnings, use the -compact-warnings option."
	const failed = `Invalid value for variable; The cidr must be a /16 block.

This was checked by the validation rule at main.hcl:5,3-13.`
	tests := map[string]struct {
		files map[string]string
		opts  func(dir string) Options
		want  []string
	}{
		"validation fails on the default": {
			files: hcl1(validated),
			want:  []string{"main.hcl:2,1-16: " + failed},
		},
		"validation fails on a tfvars value": {
			files: map[string]string{"main.hcl": validated, "terraform.tfvars": `cidr = "10.0.0.0/24"`},
			want:  []string{"terraform.tfvars:1,8-21: " + failed},
		},
		"validation fails on a -var value": {
			files: hcl1(validated),
			opts:  func(string) Options { return Options{Vars: []VarArg{{Name: "cidr", Value: "10.0.0.0/12"}}} },
			want:  []string{"main.hcl:2,1-16: " + failed},
		},
		"validation passes": {
			files: hcl1(validated),
			opts:  func(string) Options { return Options{Vars: []VarArg{{Name: "cidr", Value: "10.1.0.0/16"}}} },
			want:  []string{},
		},
		"validation with an unknown value passes in validate mode": {
			files: hcl1(`
variable "cidr" {
  type = string
  validation {
    condition     = endswith(var.cidr, "/16")
    error_message = "The cidr must be a /16 block."
  }
}`),
			want: []string{},
		},
		"validation condition that is not a bool": {
			files: hcl1(`
variable "cidr" {
  default = "x"
  validation {
    condition     = var.cidr
    error_message = "never"
  }
}`),
			want: []string{"main.hcl:5,21-29: Invalid variable validation result; Invalid validation condition result value: a bool is required."},
		},
		"default of the wrong type": {
			files: hcl1(`
variable "n" {
  type    = number
  default = "many"
}`),
			want: []string{"main.hcl:4,13-19: Invalid default value for variable; This default value is not compatible with the variable's type constraint: a number is required."},
		},
		"-var of the wrong type": {
			files: hcl1(`
variable "n" {
  type = number
}`),
			opts: func(string) Options { return Options{Vars: []VarArg{{Name: "n", Value: "many"}}} },
			want: []string{`main.hcl:2,1-13: Invalid value for input variable; Unsuitable value for var.n set using -var="n=...": a number is required.`},
		},
		"tfvars value of the wrong type": {
			files: map[string]string{
				"main.hcl": `
variable "azs" {
  type = list(string)
}`,
				"terraform.tfvars": `azs = "us-east-1a"`,
			},
			want: []string{"terraform.tfvars:1,7-19: Invalid value for input variable; The given value is not suitable for var.azs declared at main.hcl:2,1-15: list of string required, but have string."},
		},
		"invalid complex -var syntax": {
			files: hcl1(`
variable "azs" {
  type = list(string)
}`),
			opts: func(string) Options { return Options{Vars: []VarArg{{Name: "azs", Value: `["a", `}}} },
			want: []string{`<value for var.azs>:1,7-7: Missing expression; Expected the start of an expression, but found the end of the file.`},
		},
		"nullable = false with null": {
			files: hcl1(`
variable "name" {
  type     = string
  nullable = false
  default  = null
}`),
			want: []string{"main.hcl:5,14-18: Invalid default value for variable; A null default value is not valid when nullable=false."},
		},
		"nullable = false: a null value takes the default": {
			files: map[string]string{
				"main.hcl": `
variable "name" {
  type     = string
  nullable = false
  default  = "d"
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}`,
				"terraform.tfvars": "name = null",
			},
			want: []string{},
		},
		"-var for an undeclared variable": {
			files: hcl1(`
variable "name" {
  default = "x"
}`),
			opts: func(string) Options { return Options{Vars: []VarArg{{Name: "nmae", Value: "y"}}} },
			want: []string{`-: Value for undeclared variable; A variable named "nmae" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.`},
		},
		"tfvars assignment to an undeclared variable is a warning": {
			files: map[string]string{"main.hcl": `variable "name" { default = "x" }`, "terraform.tfvars": `other = 1`},
			want:  []string{"warning: -: Value for undeclared variable; The root module does not declare a variable named \"other\" but a value was found in file \"terraform.tfvars\". If you meant to use this value, add a \"variable\" block to the configuration.\n\n" + silence},
		},
		"-var-file assignment to an undeclared variable is a warning too": {
			files: map[string]string{"main.hcl": `variable "name" { default = "x" }`, "x.tfvars": `nam = 1`},
			opts:  func(dir string) Options { return Options{Vars: []VarArg{{File: filepath.Join(dir, "x.tfvars")}}} },
			want:  []string{"warning: -: Value for undeclared variable; The root module does not declare a variable named \"nam\" but a value was found in file \"x.tfvars\". If you meant to use this value, add a \"variable\" block to the configuration.\n\n" + silence},
		},
		"three undeclared values in files: two warnings and a count": {
			files: map[string]string{"main.hcl": `variable "name" { default = "x" }`, "terraform.tfvars": "a = 1\nb = 2\nc = 3"},
			want: []string{
				"warning: -: Value for undeclared variable; The root module does not declare a variable named \"a\" but a value was found in file \"terraform.tfvars\". If you meant to use this value, add a \"variable\" block to the configuration.\n\n" + silence,
				"warning: -: Value for undeclared variable; The root module does not declare a variable named \"b\" but a value was found in file \"terraform.tfvars\". If you meant to use this value, add a \"variable\" block to the configuration.\n\n" + silence,
				"warning: -: Values for undeclared variables; In addition to the other similar warnings shown, 1 other variable(s) defined without being declared.",
			},
		},
		"missing -var-file": {
			files: map[string]string{"main.hcl": `variable "name" { default = "x" }`},
			opts:  func(dir string) Options { return Options{Vars: []VarArg{{File: filepath.Join(dir, "missing.tfvars")}}} },
			want:  []string{`-: Failed to read variables file; Cannot read "missing.tfvars": no such file or directory.`},
		},
		"tfvars syntax error": {
			files: map[string]string{"main.hcl": `variable "name" { default = "x" }`, "terraform.tfvars": `name = `},
			want:  []string{"terraform.tfvars:1,8-8: Missing expression; Expected the start of an expression, but found the end of the file."},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			var opts Options
			if tt.opts != nil {
				opts = tt.opts(dir)
			}
			res := evaluateDir(t, dir, opts)
			if diff := cmp.Diff(tt.want, res.diagStrings()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVariableSensitive covers sensitive variables and attributes: the
// paths they reach are in SensitivePaths, and an output of one must be
// marked sensitive.
func TestVariableSensitive(t *testing.T) {
	src := `
variable "token" {
  type      = string
  sensitive = true
  default   = "s3cr3t"
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "src"
  role   = "arn:aws:iam::111122223333:role/r"
  token  = "plain"
  rule {
    status = "Enabled"
    destination {
      bucket        = "arn:aws:s3:::dst"
      storage_class = var.token
    }
  }
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { Token = var.token, Name = "x" }
}
`
	pathCmp := cmp.Options{
		cmp.Comparer(func(a, b cty.Path) bool { return a.Equals(b) }),
		cmpopts.SortSlices(func(a, b cty.Path) bool { return fmt.Sprintf("%#v", a) < fmt.Sprintf("%#v", b) }),
	}
	t.Run("paths", func(t *testing.T) {
		m := mustEvaluate(t, hcl1(src+`
output "token" {
  value     = var.token
  sensitive = true
}`), Options{})
		tests := map[string][]cty.Path{
			"aws_s3_bucket.b": {cty.GetAttrPath("tags").Index(cty.StringVal("Token"))},
			"aws_s3_bucket_replication_configuration.r": {
				cty.GetAttrPath("rule").Index(cty.NumberIntVal(0)).GetAttr("destination").Index(cty.NumberIntVal(0)).GetAttr("storage_class"),
				cty.GetAttrPath("token"),
			},
		}
		for addr, want := range tests {
			got := inst(t, m, addr).SensitivePaths
			if diff := cmp.Diff(want, got, pathCmp); diff != "" {
				t.Errorf("%s SensitivePaths mismatch (-want +got):\n%s", addr, diff)
			}
		}
		b := inst(t, m, "aws_s3_bucket.b")
		if got, want := b.Attr("tags"), cty.MapVal(map[string]cty.Value{"Token": cty.StringVal("s3cr3t"), "Name": cty.StringVal("x")}); !got.RawEquals(want) {
			t.Errorf("tags: got %#v, want %#v (unmarked)", got, want)
		}
		if got := m.Variables["token"]; !got.RawEquals(cty.StringVal("s3cr3t")) {
			t.Errorf("Variables[token]: got %#v, want unmarked \"s3cr3t\"", got)
		}
		if len(m.Outputs) != 1 || !m.Outputs[0].Sensitive || !m.Outputs[0].Value.RawEquals(cty.StringVal("s3cr3t")) {
			t.Errorf("outputs: got %+v, want one sensitive output with the unmarked value", m.Outputs)
		}
	})
	t.Run("output not marked sensitive", func(t *testing.T) {
		res := evaluate(t, hcl1(src+`
output "token" {
  value = "t-${var.token}"
}`), Options{})
		want := []string{"main.hcl:24,1-15: Output refers to sensitive values; To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, vpcplan requires that any root module output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n    sensitive = true"}
		if diff := cmp.Diff(want, res.diagStrings()); diff != "" {
			t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
		}
	})
}
