package format

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestSource(t *testing.T) {
	tests := map[string]struct {
		in, want string
	}{
		"indent and align": {
			in: `resource "aws_vpc" "main" {
cidr_block = "10.0.0.0/16"
      enable_dns_support = true
}
`,
			want: `resource "aws_vpc" "main" {
  cidr_block         = "10.0.0.0/16"
  enable_dns_support = true
}
`,
		},
		"nested blocks and comments": {
			in: `resource "aws_vpc_endpoint" "s3" {
vpc_id = aws_vpc.main.id # the VPC
tags = {
Name = "s3"
Environment = "prod"
}
  dns_options {
  dns_record_ip_type = "ipv4"
  }
}
`,
			want: `resource "aws_vpc_endpoint" "s3" {
  vpc_id = aws_vpc.main.id # the VPC
  tags = {
    Name        = "s3"
    Environment = "prod"
  }
  dns_options {
    dns_record_ip_type = "ipv4"
  }
}
`,
		},
		"interpolation-only strings unwrapped": {
			in: `locals {
  a = "${var.x}"
  b = "${f("${var.y}")}"
  c = "${
    var.z
  }"
}
`,
			want: `locals {
  a = var.x
  b = f("${var.y}")
  c = var.z
}
`,
		},
		"templates with more than one part kept": {
			in: `locals {
  a = "${var.x}-suffix"
  b = "prefix-${var.x}"
  c = "${var.x}${var.y}"
  d = "%{if var.x}y%{endif}"
  e = <<EOT
${var.x}
EOT
}
`,
			want: `locals {
  a = "${var.x}-suffix"
  b = "prefix-${var.x}"
  c = "${var.x}${var.y}"
  d = "%{if var.x}y%{endif}"
  e = <<EOT
${var.x}
EOT
}
`,
		},
		"multi-line interpolation parenthesised": {
			in: `locals {
  a = "${var.x
  ? 1 : 2}"
}
`,
			want: `locals {
  a = (var.x
  ? 1 : 2)
}
`,
		},
		"legacy variable types": {
			in: `variable "a" {
  type = "string"
}
variable "b" {
  type = "list"
}
variable "c" {
  type = "map"
}
variable "d" {
  type = set
}
variable "e" {
  type = list(number)
}
`,
			want: `variable "a" {
  type = string
}
variable "b" {
  type = list(string)
}
variable "c" {
  type = map(string)
}
variable "d" {
  type = set(any)
}
variable "e" {
  type = list(number)
}
`,
		},
		"type outside a variable block kept": {
			in: `locals {
  type = "string"
}
resource "aws_vpc" "main" {
  variable {
    type = "list"
  }
}
`,
			want: `locals {
  type = "string"
}
resource "aws_vpc" "main" {
  variable {
    type = "list"
  }
}
`,
		},
		"unquoted labels quoted": {
			in:   "resource aws_vpc main {\n  cidr_block = \"10.0.0.0/16\"\n}\n",
			want: "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n",
		},
		"tfvars": {
			in:   "region=\"eu-west-1\"\ncidr_blocks = [\"10.0.0.0/16\",\"10.1.0.0/16\"]\n",
			want: "region      = \"eu-west-1\"\ncidr_blocks = [\"10.0.0.0/16\", \"10.1.0.0/16\"]\n",
		},
		"formatted input unchanged": {
			in: `variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = var.cidr # comment
}
`,
			want: `variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = var.cidr # comment
}
`,
		},
		"empty file": {},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := Source([]byte(tt.in), "main.tf")
			if len(diags) != 0 {
				t.Fatalf("Source() diagnostics: %s", diags.Error())
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Source() mismatch (-want +got):\n%s", diff)
			}
			again, _ := Source(got, "main.tf")
			if diff := cmp.Diff(string(got), string(again)); diff != "" {
				t.Errorf("Source() is not idempotent (-first +second):\n%s", diff)
			}
		})
	}
}

func TestSourceSyntaxError(t *testing.T) {
	src := []byte("resource \"aws_vpc\" \"main\" {\n  cidr_block = \n}\n")
	got, diags := Source(src, "main.tf")
	if string(got) != string(src) {
		t.Errorf("Source() = %q, want the input unchanged", got)
	}
	if !diags.HasErrors() {
		t.Fatal("got no diagnostics, want a syntax error")
	}
	type where struct {
		Filename   string
		Line, Col  int
		HasSummary bool
	}
	d := diags[0]
	want := where{Filename: "main.tf", Line: 2, Col: 16, HasSummary: true} // the end of "cidr_block = "
	got2 := where{HasSummary: d.Summary != ""}
	if d.Subject != nil {
		got2.Filename, got2.Line, got2.Col = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
	}
	if diff := cmp.Diff(want, got2); diff != "" {
		t.Errorf("diagnostic %q mismatch (-want +got):\n%s", d.Summary, diff)
	}
	if d.Severity != hcl.DiagError {
		t.Errorf("got severity %v, want error", d.Severity)
	}
}
