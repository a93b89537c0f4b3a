package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
)

// TestLoadDiagnostics feeds bad input through Load and Evaluate: each
// problem is one diagnostic with the tightest range, and nothing panics.
func TestLoadDiagnostics(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		opts  Options
		want  []string
	}{
		"syntax error": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = 
}`),
			want: []string{"main.hcl:3,16-4,1: Invalid expression; Expected the start of an expression, but found an invalid expression token."},
		},
		"unknown argument": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_blok = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,3-12: Unsupported argument; An argument named "cidr_blok" is not expected here. Did you mean "cidr_block"?`},
		},
		"computed attribute as an argument": {
			files: hcl1(`
resource "aws_vpc" "main" {
  arn = "x"
}`),
			want: []string{`main.hcl:3,3-6: Unsupported argument; An argument named "arn" is not expected here.`},
		},
		"unknown block": {
			files: hcl1(`
resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.us-east-1.s3"
  dns_option {
  }
}`),
			want: []string{`main.hcl:5,3-13: Unsupported block type; Blocks of type "dns_option" are not expected here. Did you mean "dns_options"?`},
		},
		"unknown meta-argument block": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    prevent_destroi = true
  }
}`),
			want: []string{`main.hcl:5,5-20: Unsupported argument; An argument named "prevent_destroi" is not expected here. Did you mean "prevent_destroy"?`},
		},
		"unknown block in lifecycle": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    precondtion {
      condition     = true
      error_message = "never"
    }
  }
}`),
			want: []string{`main.hcl:5,5-16: Unsupported block type; Blocks of type "precondtion" are not expected here. Did you mean "precondition"?`},
		},
		"lifecycle conditions and triggers are accepted": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [aws_vpc.other.id]
    precondition {
      condition     = var.ok
      error_message = "Not ok."
    }
    postcondition {
      condition     = self.cidr_block != ""
      error_message = "No CIDR block."
    }
  }
}`),
			want: []string{},
		},
		"lifecycle condition without an error message": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    postcondition {
      condition = self.cidr_block != ""
      message   = "No."
    }
  }
}`),
			want: []string{
				`main.hcl:5,19-19: Missing required argument; The argument "error_message" is required, but no definition was found.`,
				`main.hcl:7,7-14: Unsupported argument; An argument named "message" is not expected here.`,
			},
		},
		"duplicate lifecycle block": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    prevent_destroy = true
  }
  lifecycle {
    create_before_destroy = true
  }
}`),
			want: []string{`main.hcl:7,3-12: Duplicate lifecycle block; A resource may have only one lifecycle block; merge them.`},
		},
		"wrong value type": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block         = "10.0.0.0/16"
  enable_dns_support = "maybe"
}`),
			want: []string{`main.hcl:4,24-31: Incorrect attribute value type; Inappropriate value for attribute "enable_dns_support": a bool is required.`},
		},
		"wrong value type in a nested block": {
			files: hcl1(`
resource "aws_security_group" "sg" {
  ingress {
    from_port = "https"
    to_port   = 443
    protocol  = "tcp"
  }
}`),
			want: []string{`main.hcl:4,17-24: Incorrect attribute value type; Inappropriate value for attribute "from_port": a number is required.`},
		},
		"missing required argument": {
			files: hcl1(`
resource "aws_subnet" "a" {
  cidr_block = "10.0.1.0/24"
}`),
			want: []string{`main.hcl:2,27-27: Missing required argument; The argument "vpc_id" is required, but no definition was found.`},
		},
		"missing required block": {
			files: hcl1(`
resource "aws_s3control_multi_region_access_point" "m" {
}`),
			want: []string{`main.hcl:2,56-56: Insufficient details blocks; At least 1 "details" blocks are required.`},
		},
		"undeclared resource": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mian.id
  cidr_block = "10.0.1.0/24"
}`),
			want: []string{`main.hcl:6,16-28: Reference to undeclared resource; A managed resource "aws_vpc" "mian" has not been declared in the root module.`},
		},
		"undeclared resource without a suggestion": {
			files: hcl1(`
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}`),
			want: []string{`main.hcl:3,16-28: Reference to undeclared resource; A managed resource "aws_vpc" "main" has not been declared in the root module.`},
		},
		"undeclared data source": {
			files: hcl1(`
data "aws_region" "current" {}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.${data.aws_region.curent.name}.s3"
}`),
			want: []string{`main.hcl:5,35-57: Reference to undeclared resource; A data resource "aws_region" "curent" has not been declared in the root module.`},
		},
		"undeclared variable": {
			files: hcl1(`
variable "cidr" {
  default = "10.0.0.0/16"
}
resource "aws_vpc" "main" {
  cidr_block = var.cdir
}`),
			want: []string{`main.hcl:6,16-24: Reference to undeclared input variable; An input variable with the name "cdir" has not been declared. Did you mean "cidr"?`},
		},
		"undeclared variable without a suggestion": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = var.network
}`),
			want: []string{`main.hcl:3,16-27: Reference to undeclared input variable; An input variable with the name "network" has not been declared. This variable can be declared with a variable "network" {} block.`},
		},
		"undeclared local": {
			files: hcl1(`
locals {
  cidr = "10.0.0.0/16"
}
resource "aws_vpc" "main" {
  cidr_block = local.cird
}`),
			want: []string{`main.hcl:6,16-26: Reference to undeclared local value; A local value with the name "cird" has not been declared. Did you mean "cidr"?`},
		},
		"undeclared provider alias": {
			files: hcl1(`
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_vpc" "main" {
  provider   = aws.wset
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:7,16-24: Reference to undeclared provider configuration; There is no provider "aws" block with alias "wset". Did you mean aws.west?`},
		},
		"count.index without count": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.${count.index}.0.0/16"
}`),
			want: []string{`main.hcl:3,22-33: Reference to "count" in non-counted context; The "count" object can only be used in "module", "resource", and "data" blocks, and only when the "count" argument is set.`},
		},
		"each.key without for_each": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = each.key
}`),
			want: []string{`main.hcl:3,16-24: Reference to "each" in context without for_each; The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.`},
		},
		"dependency cycle between resources": {
			files: hcl1(`
resource "aws_vpc_endpoint" "a" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-east-1.s3"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { E = aws_vpc_endpoint.a.id }
}`),
			want: []string{"-: Cycle: aws_vpc.main, aws_vpc_endpoint.a; "},
		},
		"dependency cycle through locals": {
			files: hcl1(`
locals {
  b = local.a
  a = aws_vpc.main.id
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { B = local.b }
}`),
			want: []string{"-: Cycle: aws_vpc.main, local.a (expand), local.b (expand); "},
		},
		"count of the wrong type": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = "two"
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,16-21: Incorrect value type; Invalid expression value: a number is required.`},
		},
		"negative count": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = -1
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,16-18: Invalid count argument; The given "count" argument value is unsuitable: must be greater than or equal to zero.`},
		},
		"fractional count": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = 1.5
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,16-19: Invalid count argument; The given "count" argument value is unsuitable: value must be a whole number, between -9223372036854775808 and 9223372036854775807.`},
		},
		"null count": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = null
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,16-20: Invalid count argument; The given "count" argument value is null. An integer is required.`},
		},
		"count unknown at plan time": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = length(aws_vpc.main.arn)
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}`),
			opts: Options{Mode: PlanMode},
			want: []string{`main.hcl:6,16-40: Invalid count argument; The "count" value depends on values that cannot be determined until apply, so vpcplan cannot predict how many instances will be created. To work around this, use -var to set the values it depends on, or derive it from values known in the configuration.`},
		},
		"for_each over a list": {
			files: hcl1(`
resource "aws_vpc" "main" {
  for_each   = ["10.0.0.0/16"]
  cidr_block = each.key
}`),
			want: []string{`main.hcl:3,16-31: Invalid for_each argument; The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type tuple.`},
		},
		"for_each over a string": {
			files: hcl1(`
resource "aws_vpc" "main" {
  for_each   = "10.0.0.0/16"
  cidr_block = each.key
}`),
			want: []string{`main.hcl:3,16-29: Invalid for_each argument; The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type string.`},
		},
		"for_each unknown at plan time": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  for_each   = toset([aws_vpc.main.id])
  vpc_id     = each.key
  cidr_block = "10.0.1.0/24"
}`),
			opts: Options{Mode: PlanMode},
			want: []string{`main.hcl:6,16-40: Invalid for_each argument; The "for_each" set includes values that cannot be determined until apply, so vpcplan cannot predict how many instances will be created.`},
		},
		"for_each with duplicate keys from a for expression": {
			files: hcl1(`
resource "aws_subnet" "a" {
  for_each   = { for az in ["a", "b", "a"] : az => az }
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}`),
			want: []string{`main.hcl:3,46-48: Duplicate object key; Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`},
		},
		"count and for_each together": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = 1
  for_each   = toset(["a"])
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:4,3-11: Invalid combination of "count" and "for_each"; The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.`},
		},
		"duplicate resource": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}`),
			want: []string{`main.hcl:5,1-26: Duplicate resource "aws_vpc" configuration; A aws_vpc resource named "main" was already declared at main.hcl:2,1-26. Resource names must be unique per type in each module.`},
		},
		"unknown resource type in a .hcl file": {
			files: hcl1(`
resource "aws_vpc_endpiont" "e" {
  vpc_id = "vpc-1"
}`),
			want: []string{`main.hcl:2,10-28: Unsupported resource type; vpcplan does not know the resource type "aws_vpc_endpiont". Did you mean "aws_vpc_endpoint"?`},
		},
		"unknown aws type far from any in a .hcl file": {
			files: hcl1(`
resource "aws_instance" "web" {
  ami = "ami-1"
}`),
			want: []string{`main.hcl:2,10-24: Unsupported resource type; vpcplan does not know the resource type "aws_instance". See the resource catalog for the supported types; in a .tf file, unknown types are skipped.`},
		},
		"other provider's type in a .hcl file": {
			files: hcl1(`
resource "google_compute_network" "n" {
  name = "n"
}`),
			want: []string{`main.hcl:2,10-34: Unsupported resource type; vpcplan does not know the resource type "google_compute_network". Only the aws provider's types are checked; move other providers' resources to .tf files, where unknown types are skipped.`},
		},
		"unknown data source type in a .hcl file": {
			files: hcl1(`data "aws_vpc" "default" {}`),
			want:  []string{`main.hcl:1,6-15: Unsupported data source type; vpcplan does not know the data source type "aws_vpc". See the resource catalog for the supported types; in a .tf file, unknown types are skipped.`},
		},
		"unknown types and providers in a .tf file are skipped": {
			files: map[string]string{"main.tf": `
provider "google" {
  project = "p"
}
resource "aws_instance" "web" {
  ami = "ami-1"
}
data "aws_vpc" "default" {
  default = true
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = data.aws_vpc.default.id
  service_name = "com.amazonaws.us-east-1.s3"
  tags         = { Web = aws_instance.web.id }
}`},
			want: []string{},
		},
		"other provider in a .hcl file": {
			files: hcl1(`
provider "google" {
  project = "p"
}`),
			want: []string{`main.hcl:2,10-18: Unsupported provider; vpcplan checks only the aws provider, not "google". Move other providers' configuration to .tf files, where it is skipped.`},
		},
		"module blocks": {
			files: hcl1(`
module "network" {
  source = "terraform-aws-modules/vpc/aws"
}
module "dns" {
  source = "git::https://example.com/dns.git"
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = module.network.vpc_id
  service_name = "com.amazonaws.us-east-1.s3"
}`),
			want: []string{
				`warning: main.hcl:5,1-13: Module not installed; Module "dns" (source "git::https://example.com/dns.git") is not installed in .terraform/modules. vpcplan does not download modules: until "terraform init" installs it, the resources inside it are not checked and references to its outputs are unknown.`,
				`warning: main.hcl:2,1-17: Module not installed; Module "network" (source "terraform-aws-modules/vpc/aws") is not installed in .terraform/modules. vpcplan does not download modules: until "terraform init" installs it, the resources inside it are not checked and references to its outputs are unknown.`,
			},
		},
		"non-UTF-8 file": {
			files: hcl1("resource \"aws_vpc\" \"main\" {\n  tags = { Name = \"caf\xe9\" }\n}\n"),
			want:  []string{"main.hcl:2,23-24: Invalid character encoding; The file is not valid UTF-8. Configuration files must be UTF-8 encoded; convert it, for example with iconv."},
		},
		"invalid account ID in allowed_account_ids": {
			files: hcl1(`
provider "aws" {
  allowed_account_ids = ["1234"]
}`),
			want: []string{`main.hcl:3,25-33: Invalid account ID; "1234" is not an AWS account ID; an account ID is 12 digits.`},
		},
		"invalid provider reference": {
			files: hcl1(`
resource "aws_vpc" "main" {
  provider   = aws.west.x
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,16-26: Invalid provider configuration reference; The provider argument requires a provider type name, optionally followed by a period and then a configuration alias.`},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, tt.files, tt.opts)
			if diff := cmp.Diff(tt.want, res.diagStrings()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadUnreadable covers paths that cannot be read.
func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }`})
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken.hcl")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "dir.tf")); err != nil {
		t.Fatal(err)
	}
	res := evaluateDir(t, dir, Options{})
	want := []string{
		`-: Failed to read file; Cannot read "broken.hcl": no such file or directory.`,
		`-: Failed to read file; Cannot read "dir.tf": is a directory.`,
	}
	if diff := cmp.Diff(want, res.diagStrings()); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "main.hcl")}, res.cfg.FileNames); diff != "" {
		t.Errorf("FileNames mismatch (-want +got):\n%s", diff)
	}

	l := NewLoader(schema.NewCatalog())
	_, diags := l.Load([]string{filepath.Join(dir, "nope")})
	got := []string{}
	for _, d := range diags {
		got = append(got, diagString(dir, d))
	}
	if diff := cmp.Diff([]string{`-: Failed to read configuration; Cannot read "nope": no such file or directory. Pass a directory or a *.tf, *.tf.json, *.hcl or *.hcl.json file.`}, got); diff != "" {
		t.Errorf("missing path diagnostics mismatch (-want +got):\n%s", diff)
	}

	empty := t.TempDir()
	res = evaluateDir(t, empty, Options{})
	if got, want := res.diagStrings(), []string{`-: No configuration files; The directory "` + empty + `" holds no *.tf, *.tf.json, *.hcl or *.hcl.json files. Run vpcplan in a directory with configuration, or name the files.`}; !cmp.Equal(got, want) {
		t.Errorf("empty directory: got %q, want %q", got, want)
	}
}

// TestLoadFiles checks which files a directory contributes and the
// declarations Load records, sorted.
func TestLoadFiles(t *testing.T) {
	res := evaluate(t, map[string]string{
		"b.tf":             `variable "z" { default = 1 }`,
		"a.hcl":            "variable \"y\" {\n  default = 2\n}\noutput \"o\" {\n  value = var.y\n}",
		".hidden.hcl":      `this is not parsed`,
		"backup.hcl~":      `nor this`,
		"notes.txt":        `nor this`,
		"terraform.tfvars": `z = 3`,
		"sub/c.hcl":        `nor a subdirectory`,
	}, Options{})
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	var names []string
	for _, f := range res.cfg.FileNames {
		rel, _ := filepath.Rel(res.dir, f)
		names = append(names, rel)
	}
	if diff := cmp.Diff([]string{"a.hcl", "b.tf"}, names); diff != "" {
		t.Errorf("FileNames mismatch (-want +got):\n%s", diff)
	}
	var vars []string
	for _, v := range res.cfg.Variables {
		vars = append(vars, v.Name)
	}
	if diff := cmp.Diff([]string{"y", "z"}, vars); diff != "" {
		t.Errorf("Variables mismatch (-want +got):\n%s", diff)
	}
	if got := res.model.Variables["z"].GoString(); got != "cty.NumberIntVal(3)" {
		t.Errorf("var.z: got %s, want cty.NumberIntVal(3)", got)
	}
}

// TestLoadNoPanic runs fragments of broken input through Load and Evaluate:
// every one gives an error diagnostic and none panics.
func TestLoadNoPanic(t *testing.T) {
	inputs := []string{
		`resource`,
		`resource "aws_vpc" {}`,
		`resource "aws_vpc" "1bad" {}`,
		`variable "x" { type = nosuchtype }`,
		`variable "x" { type = string  default = }`,
		`locals { a = }`,
		`output "o" {}`,
		`resource "aws_vpc" "m" { cidr_block = aws_vpc }`,
		`resource "aws_vpc" "m" { cidr_block = data.aws_region }`,
		`resource "aws_vpc" "m" { depends_on = [var] }`,
		`resource "aws_vpc" "m" { lifecycle { ignore_changes = [1] } }`,
		`resource "aws_vpc" "m" { provider = aws.a.b }`,
		`resource "aws_vpc" "m" { cidr_block = self.id }`,
		`resource "aws_vpc" "m" { cidr_block = path.nope }`,
		`resource "aws_vpc" "m" { cidr_block = module.x.y }`,
		`resource "aws_vpc" "m" { count = 1 cidr_block = count.nope }`,
		`resource "aws_vpc" "m" { cidr_block = cidrsubnet("x", 1, 1) }`,
		`resource "aws_vpc" "m" { cidr_block = nosuchfunc() }`,
		`resource "aws_vpc" "m" { cidr_block = file("nope.txt") }`,
		`data "aws_iam_policy_document" "p" { statement { effect = "Maybe" } }`,
		`data "aws_iam_policy_document" "p" { source_policy_documents = ["{"] }`,
		`provider "aws" { region = 1 + "a" }`,
		`provider "aws" { assume_role { role_arn = [] } }`,
		"resource \"aws_vpc\" \"m\" {\n  dynamic \"x\" {\n    for_each = 1\n  }\n}",
	}
	for _, src := range inputs {
		t.Run(src, func(t *testing.T) {
			res := evaluate(t, map[string]string{"main.hcl": src}, Options{Mode: PlanMode})
			if !res.diags.HasErrors() {
				t.Errorf("got diagnostics %q, want an error", res.diagStrings())
			}
			for _, d := range res.diags {
				if d.Subject == nil && d.Summary != "No value for required variable" {
					t.Logf("no range: %s", diagString(res.dir, d))
				}
			}
		})
	}
}

// TestLoadDeclarations checks what Load records of variables, outputs,
// providers, modules and the backend.
func TestLoadDeclarations(t *testing.T) {
	res := evaluate(t, hcl1(`
terraform {
  backend "s3" {
    bucket = "state"
  }
}
variable "cidr" {
  type        = string
  description = "The VPC's CIDR block."
  sensitive   = true
  nullable    = false
  default     = "10.0.0.0/16"
  validation {
    condition     = can(cidrhost(var.cidr, 0))
    error_message = "Not a CIDR block."
  }
}
output "cidr" {
  value       = var.cidr
  description = "The CIDR block."
  sensitive   = true
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
module "net" {
  source = "app.terraform.io/acme/net/aws"
}`), Options{})
	type decl struct {
		VarDescription    string
		VarSensitive      bool
		VarNullable       bool
		VarValidations    int
		OutputDescription string
		OutputSensitive   bool
		ProviderAliases   []string
		Modules           []string
		Backend           string
	}
	got := decl{}
	if v := res.cfg.Variable("cidr"); v != nil {
		got.VarDescription, got.VarSensitive, got.VarNullable, got.VarValidations = v.Description, v.Sensitive, v.Nullable, len(v.Validations)
	}
	for _, o := range res.cfg.Outputs {
		got.OutputDescription, got.OutputSensitive = o.Description, o.Sensitive
	}
	for _, p := range res.cfg.Providers {
		got.ProviderAliases = append(got.ProviderAliases, p.Alias)
	}
	for _, m := range res.cfg.Modules {
		got.Modules = append(got.Modules, m.Name)
	}
	if res.cfg.Backend != nil {
		got.Backend = res.cfg.Backend.Type
	}
	want := decl{
		VarDescription:    "The VPC's CIDR block.",
		VarSensitive:      true,
		VarNullable:       false,
		VarValidations:    1,
		OutputDescription: "The CIDR block.",
		OutputSensitive:   true,
		ProviderAliases:   []string{"west"},
		Modules:           []string{"net"},
		Backend:           "s3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("declarations mismatch (-want +got):\n%s", diff)
	}
	wantDiags := []string{`warning: main.hcl:27,1-13: Module not installed; Module "net" (source "app.terraform.io/acme/net/aws") is not installed in .terraform/modules. vpcplan does not download modules: until "terraform init" installs it, the resources inside it are not checked and references to its outputs are unknown.`}
	if diff := cmp.Diff(wantDiags, res.diagStrings()); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
}
