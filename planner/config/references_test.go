package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/vpcplan/vpcplan/schema"
)

// quotedWarning is Terraform's warning for a quoted reference, as
// diagString renders it without its range.
const quotedWarning = "Quoted references are deprecated; In this context, references are expected literally rather than in quotes. Terraform 0.11 and earlier required quotes, but quoted references are now deprecated and will be removed in a future version of Terraform. Remove the quotes surrounding this reference to silence this warning."

// quotedKeywordWarning is Terraform's warning for a quoted keyword.
const quotedKeywordWarning = "Quoted keywords are deprecated; In this context, keywords are expected literally rather than in quotes. Terraform 0.11 and earlier required quotes, but quoted keywords are now deprecated and will be removed in a future version of Terraform. Remove the quotes surrounding this keyword to silence this warning."

// TestQuotedReferences checks that the quoted references of Terraform 0.11
// (provider = "aws.west", depends_on = ["aws_vpc.main"], ignore_changes =
// ["tags"]) mean what the unquoted ones mean, with Terraform's warning on
// each.
func TestQuotedReferences(t *testing.T) {
	res := evaluate(t, hcl1(`
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_vpc" "main" {
  provider   = "aws.west"
  cidr_block = "10.0.0.0/16"
  lifecycle {
    ignore_changes = ["tags", cidr_block, "tags_all[\"a\"]"]
  }
}
resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = ["aws_vpc.main"]
}
data "aws_region" "r" {
  provider   = "aws"
  depends_on = ["aws_s3_bucket.b"]
}
output "o" {
  value      = 1
  depends_on = ["aws_vpc.main"]
}`), Options{Mode: ValidateMode})
	want := []string{
		"warning: main.hcl:10,16-26: " + quotedWarning,
		"warning: main.hcl:13,23-29: " + quotedWarning,
		"warning: main.hcl:13,43-60: " + quotedWarning,
		"warning: main.hcl:18,17-31: " + quotedWarning,
		"warning: main.hcl:21,16-21: " + quotedWarning,
		"warning: main.hcl:22,17-34: " + quotedWarning,
		"warning: main.hcl:26,17-31: " + quotedWarning,
	}
	if diff := cmp.Diff(want, res.diagStrings()); diff != "" {
		t.Fatalf("diagnostics mismatch (-want +got):\n%s", diff)
	}
	if got := inst(t, res.model, "aws_vpc.main").Region; got != "us-west-2" {
		t.Errorf("aws_vpc.main Region: got %q, want us-west-2 (provider aws.west)", got)
	}
	vpc := res.cfg.Resource(schema.Addr{Type: schema.TypeVPC, Name: "main"})
	var ignored []string
	for _, tr := range vpc.Lifecycle.IgnoreChanges {
		ignored = append(ignored, tr.RootName())
	}
	if diff := cmp.Diff([]string{"tags", "cidr_block", "tags_all"}, ignored); diff != "" {
		t.Errorf("ignore_changes mismatch (-want +got):\n%s", diff)
	}
	b := schema.Addr{Type: schema.TypeS3Bucket, Name: "b"}
	if diff := cmp.Diff([]schema.Addr{vpc.Addr}, res.model.Graph.Deps(b)); diff != "" {
		t.Errorf("graph deps of aws_s3_bucket.b mismatch (-want +got):\n%s", diff)
	}
	r := schema.Addr{Mode: schema.DataMode, Type: "aws_region", Name: "r"}
	if diff := cmp.Diff([]schema.Addr{b}, res.model.Graph.Deps(r)); diff != "" {
		t.Errorf("graph deps of data.aws_region.r mismatch (-want +got):\n%s", diff)
	}
}

// TestReferenceDiagnostics checks the forms Terraform rejects, with its
// messages and ranges, and that the JSON syntax, where references are
// strings, gets no warning.
func TestReferenceDiagnostics(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		want  []string
	}{
		"a quoted reference that is not a valid traversal": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = ["aws_vpc.main[", "aws_vpc main"]
}`),
			want: []string{
				"main.hcl:7,31-31: Index value required; Index brackets must contain either a literal number or a literal string.",
				"warning: main.hcl:7,17-32: " + quotedWarning,
				"main.hcl:7,43-47: Invalid character; Expected an attribute access or an index operator.",
				"warning: main.hcl:7,34-48: " + quotedWarning,
			},
		},
		"an interpolation is not a reference": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = ["${aws_vpc.main.id}"]
}`),
			want: []string{"main.hcl:7,17-37: Invalid expression; A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here."},
		},
		"depends_on is a list": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = "aws_vpc.main"
}`),
			want: []string{"main.hcl:7,17-29: Invalid expression; A static list expression is required."},
		},
		"quoted provider reference with too many parts": {
			files: hcl1(`
resource "aws_vpc" "main" {
  provider   = "aws.west.x"
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{
				"warning: main.hcl:3,16-28: " + quotedWarning,
				"main.hcl:3,16-28: Invalid provider configuration reference; The provider argument requires a provider type name, optionally followed by a period and then a configuration alias.",
			},
		},
		"provider reference in a template": {
			files: hcl1(`
variable "alias" {
  type    = string
  default = "west"
}
resource "aws_vpc" "main" {
  provider   = "aws.${var.alias}"
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{"main.hcl:7,16-34: Invalid provider configuration reference; A provider configuration reference must not be given in quotes."},
		},
		"provider alias by index": {
			files: hcl1(`
resource "aws_vpc" "main" {
  provider   = aws["west"]
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{`main.hcl:3,19-27: Invalid provider configuration reference; Provider name must either stand alone or be followed by a period and then a configuration alias.`},
		},
		"provider name not normalized": {
			files: hcl1(`
resource "aws_vpc" "main" {
  provider   = "AWS"
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "other" {
  provider   = aws_x
  cidr_block = "10.0.0.0/16"
}`),
			want: []string{
				"warning: main.hcl:3,16-21: " + quotedWarning,
				`main.hcl:3,17-20: Invalid provider local name; Provider names must be normalized. Replace "AWS" with "aws" to fix this error.`,
				"main.hcl:7,16-21: Invalid provider local name; aws_x is an invalid provider local name: must contain only letters, digits, and dashes, and may not use leading or trailing dashes",
			},
		},
		"ignore_changes wildcards": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    ignore_changes = ["*"]
  }
}
resource "aws_vpc" "other" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    ignore_changes = ["*", tags]
  }
}
resource "aws_vpc" "third" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    ignore_changes = "all"
  }
}`),
			want: []string{
				`main.hcl:5,22-27: Invalid ignore_changes wildcard; The ["*"] form of ignore_changes wildcard is was deprecated and is now invalid. Use "ignore_changes = all" to ignore changes to all attributes.`,
				`main.hcl:11,22-33: Invalid ignore_changes wildcard; The ["*"] form of ignore_changes wildcard is was deprecated and is now invalid. Use "ignore_changes = all" to ignore changes to all attributes.`,
				`main.hcl:11,23-26: Invalid ignore_changes ruleset; Cannot mix wildcard string "*" with non-wildcard references.`,
				"main.hcl:17,23-26: Invalid expression; A static list expression is required.",
			},
		},
		"provisioner keywords": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  provisioner "local-exec" {
    when       = "destroy"
    on_failure = continue
    command    = "true"
  }
  provisioner "local-exec" {
    when       = later
    on_failure = "ignore"
    command    = "true"
  }
}`),
			want: []string{
				"warning: main.hcl:5,18-27: " + quotedKeywordWarning,
				"main.hcl:10,18-23: Invalid \"when\" keyword; The \"when\" argument requires one of the following keywords: create or destroy.",
				"warning: main.hcl:11,18-26: " + quotedKeywordWarning,
				"main.hcl:11,18-26: Invalid \"on_failure\" keyword; The \"on_failure\" argument requires one of the following keywords: continue or fail.",
			},
		},
		"JSON strings are references": {
			files: map[string]string{"main.tf.json": `{
  "provider": {"aws": [{"alias": "west", "region": "us-west-2"}]},
  "resource": {
    "aws_vpc": {"main": {
      "provider": "aws.west",
      "cidr_block": "10.0.0.0/16",
      "lifecycle": {"ignore_changes": ["tags"]}
    }},
    "aws_s3_bucket": {"b": {"bucket": "b", "depends_on": ["aws_vpc.main"]}}
  }
}`},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, tt.files, Options{Mode: ValidateMode})
			if diff := cmp.Diff(tt.want, res.diagStrings(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
