package config

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// fileCase is a configuration, as files, with what its evaluation gives:
// values (see values in eval_test.go), links, or exactly these
// diagnostics (see diagString).
type fileCase struct {
	files map[string]string
	opts  Options
	want  map[string]cty.Value
	links []string
	diags []string
}

func runFileCases(t *testing.T, tests map[string]fileCase) {
	t.Helper()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, tc.files, tc.opts)
			gotDiags := res.diagStrings()
			if len(gotDiags) == 0 {
				gotDiags = nil
			}
			if diff := cmp.Diff(tc.diags, gotDiags); diff != "" {
				t.Fatalf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, values(t, res.model, tc.want), ctyCmp); diff != "" {
					t.Errorf("values mismatch (-want +got):\n%s", diff)
				}
			}
			if tc.links != nil {
				if diff := cmp.Diff(tc.links, allLinks(res.model)); diff != "" {
					t.Errorf("links mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestLoadJSON reads Terraform's JSON syntax: blocks by the schema,
// strings as templates (references as Terraform reads them), dynamic
// blocks, and the errors Terraform gives for JSON it rejects.
func TestLoadJSON(t *testing.T) {
	runFileCases(t, map[string]fileCase{
		"resources, variables, references and meta-arguments": {
			files: map[string]string{"main.tf.json": `{
  "//": "comments are ignored",
  "variable": {
    "cidr": {"type": "string", "default": "10.0.0.0/16"},
    "azs": {"type": "list(string)", "default": ["eu-west-1a", "eu-west-1b"]}
  },
  "provider": {"aws": {"region": "eu-west-1"}},
  "resource": {
    "aws_vpc": {"main": {"cidr_block": "${var.cidr}", "tags": {"Name": "main-${var.cidr}"}}},
    "aws_subnet": {"a": {
      "count": "${length(var.azs)}",
      "vpc_id": "${aws_vpc.main.id}",
      "cidr_block": "${cidrsubnet(var.cidr, 8, count.index)}",
      "availability_zone": "${var.azs[count.index]}",
      "depends_on": ["aws_vpc.main"],
      "lifecycle": {"create_before_destroy": true, "ignore_changes": ["tags"]}
    }}
  },
  "output": {"subnets": {"value": "${aws_subnet.a[*].cidr_block}"}}
}`},
			want: map[string]cty.Value{
				"aws_vpc.main tags":                       strMap("Name", "main-10.0.0.0/16"),
				"aws_subnet.a[1] cidr_block":              cty.StringVal("10.0.1.0/24"),
				"aws_subnet.a[1] availability_zone":       cty.StringVal("eu-west-1b"),
				"output.subnets":                          cty.TupleVal([]cty.Value{cty.StringVal("10.0.0.0/24"), cty.StringVal("10.0.1.0/24")}),
				"aws_subnet.a[0] region":                  cty.StringVal("eu-west-1"),
				"aws_vpc.main enable_dns_support":         cty.True,
				"aws_subnet.a[0] map_public_ip_on_launch": cty.False,
			},
			links: []string{"aws_subnet.a[0].vpc_id -> aws_vpc.main", "aws_subnet.a[1].vpc_id -> aws_vpc.main"},
		},
		"nested and dynamic blocks": {
			files: map[string]string{"sg.tf.json": `{
  "resource": {"aws_security_group": {"web": {
    "name": "web",
    "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}],
    "dynamic": {"ingress": {
      "for_each": [443, 80],
      "iterator": "port",
      "content": {"from_port": "${port.value}", "to_port": "${port.value}", "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}
    }}
  }}}
}`},
			want: map[string]cty.Value{
				"aws_security_group.web name": cty.StringVal("web"),
			},
		},
		"a type outside the catalog is skipped in .tf.json as in .tf": {
			files: map[string]string{"main.tf.json": `{"resource": {"random_id": {"x": {"byte_length": 4}}, "aws_s3_bucket": {"b": {"bucket": "b-${random_id.x.hex}"}}}}`},
			want:  map[string]cty.Value{"aws_s3_bucket.b bucket": cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull("b-").NewValue()},
		},
		"invalid JSON": {
			files: map[string]string{"main.tf.json": `{"resource": }`},
			diags: []string{
				"main.tf.json:1,14-15: Missing JSON value; A JSON value must start with a brace, a bracket, a number, a string, or a keyword.",
				"main.tf.json:1,14-15: Incorrect JSON value type; Either a JSON object or JSON array of objects is required here, to specify type labels for this block.",
				"main.tf.json:1,14-15: Missing block label; At least one object property is required, whose name represents the resource block's type.",
			},
		},
		"root is not an object": {
			files: map[string]string{"main.tf.json": `"x"`},
			diags: []string{"main.tf.json:1,1-4: Root value must be object; The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects."},
		},
		"block given as a string": {
			files: map[string]string{"main.tf.json": `{"resource": {"aws_vpc": "x"}}`},
			diags: []string{
				"main.tf.json:1,26-29: Incorrect JSON value type; Either a JSON object or JSON array of objects is required here, to specify name labels for this block.",
				"main.tf.json:1,26-29: Missing block label; At least one object property is required, whose name represents the resource block's name.",
			},
		},
		"unknown top-level property": {
			files: map[string]string{"main.tf.json": `{"locals": {"a": 1}, "locals2": {}}`},
			diags: []string{`main.tf.json:1,22-31: Extraneous JSON object property; No argument or block type is named "locals2". Did you mean "locals"?`},
		},
		"unknown variable argument": {
			files: map[string]string{"main.tf.json": `{"variable": {"x": {"typ": "string"}}}`},
			diags: []string{`main.tf.json:1,21-26: Extraneous JSON object property; No argument or block type is named "typ". Did you mean "type"?`},
		},
		"unknown resource argument": {
			files: map[string]string{"main.tf.json": `{"resource": {"aws_vpc": {"main": {"cidr_blok": "10.0.0.0/16"}}}}`},
			diags: []string{`main.tf.json:1,36-47: Unsupported argument; An argument named "cidr_blok" is not expected here. Did you mean "cidr_block"?`},
		},
		"template syntax error": {
			files: map[string]string{"main.tf.json": `{"output": {"x": {"value": "${"}}}`},
			diags: []string{"main.tf.json:1,31-31: Missing expression; Expected the start of an expression, but found the end of the file."},
		},
		"bad type constraint": {
			files: map[string]string{"main.tf.json": `{"variable": {"x": {"type": "lisst(string)"}}}`},
			diags: []string{`main.tf.json:1,30-43: Invalid type specification; Keyword "lisst" is not a valid type constructor.`},
		},
		"duplicate object key in a value": {
			files: map[string]string{"main.tf.json": `{"locals": {"m": {"a": 1, "a": 2}}}`},
			diags: []string{`main.tf.json:1,27-30: Duplicate object attribute; An attribute named "a" was already defined at main.tf.json:1,19-22.`},
		},
	})
}

// TestLoadOverrides merges override files as Terraform does: by header,
// argument by argument, nested block types replaced, lifecycle merged,
// locals by name, in the order of the file names, native and JSON mixed.
func TestLoadOverrides(t *testing.T) {
	base := `
variable "v" {
  type    = string
  default = "a"
}
locals {
  x = "base"
  y = "keep"
}
resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Team = "a" }
  lifecycle {
    ignore_changes = [tags]
  }
}
output "o" {
  value = "${var.v}-${local.x}-${local.y}"
}
`
	runFileCases(t, map[string]fileCase{
		"arguments, nested blocks, locals, variables and outputs": {
			files: map[string]string{
				"main.tf": base,
				"override.tf": `
variable "v" {
  default = "b"
}
locals {
  x = "over"
}
resource "aws_security_group" "sg" {
  description = "overridden"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  lifecycle {
    create_before_destroy = true
  }
}
`,
				"z_override.tf.json": `{"locals": {"y": "json"}, "output": {"o": {"value": "${var.v}-${local.x}-${local.y}!"}}}`,
			},
			want: map[string]cty.Value{
				"aws_security_group.sg name":        cty.StringVal("sg"),
				"aws_security_group.sg description": cty.StringVal("overridden"),
				"aws_security_group.sg tags":        strMap("Team", "a"),
				"output.o":                          cty.StringVal("b-over-json!"),
			},
		},
		"later override files win": {
			files: map[string]string{
				"main.tf":       base,
				"a_override.tf": `locals { x = "a" }`,
				"b_override.tf": `locals { x = "b" }`,
			},
			want: map[string]cty.Value{"output.o": cty.StringVal("a-b-keep")},
		},
		"nothing to override": {
			files: map[string]string{
				"main.tf": base,
				"override.tf": `
resource "aws_vpc" "nope" {
  cidr_block = "10.0.0.0/16"
}
locals {
  zz = 1
}
variable "w" {}
output "q" { value = 1 }
moved {
  from = aws_vpc.a
  to   = aws_vpc.b
}
provider "aws" {
  alias = "west"
}
data "aws_region" "r" {}
module "m" { source = "./m" }
`,
			},
			diags: []string{
				`override.tf:2,1-26: Missing resource to override; There is no aws_vpc resource named "nope". An override file can only override a resource block defined in a primary configuration file.`,
				`override.tf:6,3-9: Missing base local value definition to override; There is no local value named "zz". An override file can only override a local value that was already defined in a primary configuration file.`,
				`override.tf:8,1-13: Missing base variable declaration to override; There is no variable named "w". An override file can only override a variable that was already declared in a primary configuration file.`,
				`override.tf:9,1-11: Missing base output definition to override; There is no output named "q". An override file can only override an output that was already defined in a primary configuration file.`,
				`override.tf:10,1-6: Cannot override 'moved' blocks; Records of moved objects can appear only in normal files, not in override files.`,
				`override.tf:14,1-15: Missing base provider configuration for override; There is no aws provider configuration with the alias "west". An override file can only override an aliased provider configuration that was already defined in a primary configuration file.`,
				`override.tf:17,1-22: Missing data resource to override; There is no aws_region data resource named "r". An override file can only override a data block defined in a primary configuration file.`,
				`override.tf:18,1-11: Missing module call to override; There is no module call named "m". An override file can only override a module call that was defined in a primary configuration file.`,
			},
		},
		"depends_on cannot be overridden": {
			files: map[string]string{
				"main.tf": base,
				"override.tf": `
resource "aws_security_group" "sg" {
  depends_on = [aws_security_group.sg]
}
output "o" {
  depends_on = [aws_security_group.sg]
}
`,
			},
			diags: []string{
				"override.tf:3,17-38: Unsupported override; The depends_on argument may not be overridden.",
				"override.tf:6,17-38: Unsupported override; The depends_on argument may not be overridden.",
			},
		},
		"an override file's own mistakes": {
			files: map[string]string{"main.tf": base, "override.tf": `resourc "aws_vpc" "x" {}`},
			diags: []string{`override.tf:1,1-8: Unsupported block type; Blocks of type "resourc" are not expected here. Did you mean "resource"?`},
		},
		"the default provider configuration may be added": {
			files: map[string]string{
				"main.tf":     `resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }`,
				"override.tf": `provider "aws" { region = "eu-central-1" }`,
			},
			want: map[string]cty.Value{"aws_vpc.main region": cty.StringVal("eu-central-1")},
		},
		"a provider configuration merges by alias": {
			files: map[string]string{
				"main.tf": `
provider "aws" {
  alias  = "west"
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  provider   = aws.west
  cidr_block = "10.0.0.0/16"
}`,
				"override.tf.json": `{"provider": {"aws": {"alias": "west", "region": "us-west-2"}}}`,
			},
			want: map[string]cty.Value{"aws_vpc.main region": cty.StringVal("us-west-2")},
		},
	})
}

// TestLoadOverrideLifecycle checks that a lifecycle block merges argument
// by argument.
func TestLoadOverrideLifecycle(t *testing.T) {
	res := evaluate(t, map[string]string{
		"main.tf": `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    ignore_changes = [tags]
  }
}`,
		"override.tf": `
resource "aws_vpc" "main" {
  lifecycle {
    create_before_destroy = true
  }
}`,
	}, Options{})
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	r := res.cfg.byAddr[schema.Addr{Mode: schema.ManagedMode, Type: "aws_vpc", Name: "main"}]
	if !r.Lifecycle.CreateBeforeDestroy || len(r.Lifecycle.IgnoreChanges) != 1 {
		t.Errorf("lifecycle = %+v, want create_before_destroy and ignore_changes = [tags]", r.Lifecycle)
	}
}

// TestConfigFileSet checks which files of a directory are configuration,
// and which override, as in Terraform.
func TestConfigFileSet(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf":                         `locals { a = 1 }`,
		"more.tf.json":                    `{"locals": {"b": 2}}`,
		"vpcplan.hcl":                     `locals { c = 3 }`,
		"vpcplan.hcl.json":                `{"locals": {"d": 4}}`,
		"override.tf":                     `locals { a = 10 }`,
		"x_override.tf.json":              `{"locals": {"b": 20}}`,
		"y_override.hcl":                  `locals { c = 30 }`,
		"main.tftest.hcl":                 `run "x" {}`,
		"main.tftest.json":                `{}`,
		"mock.tfmock.hcl":                 `mock_resource "aws_vpc" {}`,
		"q.tfquery.hcl":                   `list "x" "y" {}`,
		".terraform.lock.hcl":             `provider "x" {}`,
		".terraform/modules/m/main.tf":    `garbage`,
		"terraform.tfvars":                ``,
		"terraform.tfvars.json":           `{}`,
		"backup.tf~":                      `garbage`,
		"#main.tf#":                       `garbage`,
		"notes.json":                      `{}`,
		"sub/nested.tf":                   `garbage`,
		"my_override_not.tf":              `locals { e = 5 }`,
		"override.tf.json.orig":           `garbage`,
		"overrides/override.tf":           `garbage`,
		"terragrunt_override_example.txt": `garbage`,
	})
	files, _, diags := ConfigFiles([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	var got, overrides []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, rel)
		if isOverrideFile(filepath.Base(f)) {
			overrides = append(overrides, rel)
		}
	}
	want := []string{"main.tf", "more.tf.json", "my_override_not.tf", "override.tf", "vpcplan.hcl", "vpcplan.hcl.json", "x_override.tf.json", "y_override.hcl"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ConfigFiles mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"override.tf", "x_override.tf.json", "y_override.hcl"}, overrides); diff != "" {
		t.Errorf("override files mismatch (-want +got):\n%s", diff)
	}
	res := evaluateDir(t, dir, Options{})
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	var locals []string
	for _, l := range res.cfg.Locals {
		v, _ := l.Expr.Value(nil)
		locals = append(locals, l.Name+"="+v.AsBigFloat().String())
	}
	sort.Strings(locals)
	if diff := cmp.Diff([]string{"a=10", "b=20", "c=30", "d=4", "e=5"}, locals); diff != "" {
		t.Errorf("locals mismatch (-want +got):\n%s", diff)
	}
}

// TestVariableFilesJSON reads terraform.tfvars.json and *.auto.tfvars.json
// in Terraform's order (terraform.tfvars, terraform.tfvars.json, then the
// auto files by name), and -var-file with a JSON file; JSON strings are
// taken literally.
func TestVariableFilesJSON(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf": `
variable "a" {}
variable "b" {}
variable "c" {}
variable "d" {}
variable "e" { type = list(string) }
output "all" { value = [var.a, var.b, var.c, var.d] }
output "e" { value = var.e }`,
		"terraform.tfvars":      `a = "tfvars"` + "\n" + `b = "tfvars"` + "\n" + `c = "tfvars"` + "\n" + `d = "tfvars"`,
		"terraform.tfvars.json": `{"b": "tfvars.json", "c": "tfvars.json", "d": "tfvars.json", "e": ["x"]}`,
		"a.auto.tfvars.json":    `{"c": "a.auto.tfvars.json", "d": "${not.interpolated}"}`,
		"b.auto.tfvars":         `c = "b.auto.tfvars"`,
		"extra.json":            `{"e": ["from", "-var-file"]}`,
	})
	res := evaluateDir(t, dir, Options{Mode: PlanMode, Vars: []VarArg{{File: filepath.Join(dir, "extra.json")}}})
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	want := map[string]cty.Value{
		"output.all": cty.TupleVal([]cty.Value{cty.StringVal("tfvars"), cty.StringVal("tfvars.json"), cty.StringVal("b.auto.tfvars"), cty.StringVal("${not.interpolated}")}),
		"output.e":   cty.ListVal([]cty.Value{cty.StringVal("from"), cty.StringVal("-var-file")}),
	}
	if diff := cmp.Diff(want, values(t, res.model, want), ctyCmp); diff != "" {
		t.Errorf("values mismatch (-want +got):\n%s", diff)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.auto.tfvars.json"), []byte(`{"a": }`), 0o644); err != nil {
		t.Fatal(err)
	}
	res = evaluateDir(t, dir, Options{Mode: PlanMode})
	if diff := cmp.Diff([]string{"bad.auto.tfvars.json:1,7-8: Missing JSON value; A JSON value must start with a brace, a bracket, a number, a string, or a keyword."}, res.diagStrings()); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
}

// TestProviderFunctions covers provider::NAME::FUNCTION calls: Terraform's
// built-in provider's functions under the local name required_providers
// gives it, unknown (external) values for other providers' functions, and
// Terraform's error for a provider the configuration does not require.
func TestProviderFunctions(t *testing.T) {
	required := `
terraform {
  required_providers {
    tf  = { source = "terraform.io/builtin/terraform" }
    aws = { source = "hashicorp/aws" }
  }
}
`
	runFileCases(t, map[string]fileCase{
		"built-in functions": {
			files: map[string]string{"main.tf": required + `
output "expr"   { value = provider::tf::encode_expr({ a = [1, "x"] }) }
output "tfvars" { value = provider::tf::decode_tfvars("a = 1") }`},
			want: map[string]cty.Value{
				"output.expr":   cty.StringVal("{\n  a = [1, \"x\"]\n}"),
				"output.tfvars": cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1)}),
			},
		},
		"another provider's function is unknown": {
			files: map[string]string{"main.tf": required + `
output "arn" { value = provider::aws::arn_parse("arn:aws:s3:::b") }`},
			want: map[string]cty.Value{"output.arn": cty.DynamicVal},
		},
		"in a JSON file and an override": {
			files: map[string]string{
				"main.tf.json":     `{"output": {"x": {"value": "${provider::terraform::encode_expr(1)}"}}}`,
				"override.tf.json": `{"terraform": {"required_providers": {"terraform": {"source": "terraform.io/builtin/terraform"}}}}`,
			},
			want: map[string]cty.Value{"output.x": cty.StringVal("1")},
		},
		"not required": {
			files: map[string]string{"main.tf": required + `
output "a" { value = provider::terraform::encode_expr(1) }
output "b" { value = provider::tf::nope(1) }`},
			diags: []string{
				`main.tf:9,22-54: Unknown provider function; There is no function named "provider::terraform::encode_expr". Ensure that provider name "terraform" is declared in this module's required_providers block, and that this provider offers a function named "encode_expr".`,
				`main.tf:10,22-40: Unknown provider function; There is no function named "provider::tf::nope". Ensure that provider name "tf" is declared in this module's required_providers block, and that this provider offers a function named "nope".`,
			},
		},
		"impure functions are unknown, as in Terraform's plan": {
			files: map[string]string{"main.tf": `output "later" { value = [uuid(), timestamp(), plantimestamp(), bcrypt("x")] }`},
			want: map[string]cty.Value{"output.later": cty.TupleVal([]cty.Value{
				cty.UnknownVal(cty.String).RefineNotNull(),
				cty.UnknownVal(cty.String).RefineNotNull(),
				cty.UnknownVal(cty.String),
				cty.UnknownVal(cty.String).RefineNotNull(),
			})},
		},
		"plantimestamp is the plan's time": {
			files: map[string]string{"main.tf": `output "t" { value = plantimestamp() }`},
			opts:  Options{PlanTimestamp: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)},
			want:  map[string]cty.Value{"output.t": cty.StringVal("2026-11-28T12:00:00Z")},
		},
		"two required_providers blocks": {
			files: map[string]string{"a.tf": required, "b.tf": required},
			diags: []string{"b.tf:3,3-21: Duplicate required providers configuration; A module may have only one required providers configuration. The required providers were previously configured at a.tf:3,3-21."},
		},
	})
}
