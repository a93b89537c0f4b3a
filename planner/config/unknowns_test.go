package config

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zclconf/go-cty/cty"
)

// TestDynamicUnknownForEach checks dynamic blocks whose for_each is
// unknown, as hcl's dynblock and hcldec treat them (and Terraform with
// them): the block type's value is unknown, of its list, set or object
// type, with no minimum or maximum count checked, while the content is
// still checked against the schema.
func TestDynamicUnknownForEach(t *testing.T) {
	const replication = `
variable "rules" {
  type = list(object({ id = string, dst = string }))
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "src"
  role   = "arn:aws:iam::111111111111:role/r"
%s}
`
	tests := map[string]struct {
		src string
		// unknown lists the attributes of the instance "inst" whose value
		// must be wholly unknown, of the schema's type.
		inst    string
		unknown []string
		want    []string
	}{
		"list type: unknown rules, no minimum": {
			src: fmt.Sprintf(replication, `  dynamic "rule" {
    for_each = var.rules
    content {
      id     = rule.value.id
      status = "Enabled"
      destination {
        bucket = rule.value.dst
      }
    }
  }
`),
			inst:    "aws_s3_bucket_replication_configuration.r",
			unknown: []string{"rule"},
		},
		"a static block with an unknown dynamic one: no maximum": {
			src: `
variable "opts" {
  type = list(string)
}
resource "aws_vpc_endpoint" "e" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
  dns_options {
    dns_record_ip_type = "ipv4"
  }
  dynamic "dns_options" {
    for_each = var.opts
    content {
      dns_record_ip_type = dns_options.value
    }
  }
}`,
			inst:    "aws_vpc_endpoint.e",
			unknown: []string{"dns_options"},
		},
		"set type": {
			src: `
variable "ports" {
  type = set(number)
}
resource "aws_security_group" "sg" {
  vpc_id = "vpc-1"
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}`,
			inst:    "aws_security_group.sg",
			unknown: []string{"ingress"},
		},
		"single type": {
			src: `
variable "t" {
  type = map(string)
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.eu-west-1.s3"
  dynamic "timeouts" {
    for_each = var.t
    content {
      create = timeouts.value
    }
  }
}`,
			inst:    "aws_vpc_endpoint.e",
			unknown: []string{"timeouts"},
		},
		"a known empty for_each is counted": {
			src: fmt.Sprintf(replication, `  dynamic "rule" {
    for_each = []
    content {
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::dst"
      }
    }
  }
`),
			want: []string{`main.hcl:5,56-56: Insufficient rule blocks; At least 1 "rule" blocks are required.`},
		},
		"the content is checked against the schema": {
			src: fmt.Sprintf(replication, `  dynamic "rule" {
    for_each = var.rules
    content {
      status = "Enabled"
      bogus  = 1
    }
  }
`),
			want: []string{
				`main.hcl:12,7-12: Unsupported argument; An argument named "bogus" is not expected here.`,
				`main.hcl:10,13-13: Insufficient destination blocks; At least 1 "destination" blocks are required.`,
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, hcl1(tt.src), Options{Mode: ValidateMode})
			if diff := cmp.Diff(tt.want, res.diagStrings(), cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			if tt.inst == "" {
				return
			}
			i := inst(t, res.model, tt.inst)
			for _, name := range tt.unknown {
				want := cty.UnknownVal(i.Value.Type().AttributeType(name))
				if got := i.Attr(name); !got.RawEquals(want) {
					t.Errorf("%s: got %#v, want %#v", name, got, want)
				}
			}
		})
	}
}

// TestCheckBodyWithoutInstances checks that a block with no instance to
// check its body through (count = 0, for_each = {}, an unknown or an
// invalid count or for_each) still has its body checked against the
// schema, dynamic blocks included, as terraform validate checks it: once,
// with count.index, each.key and each.value unknown.
func TestCheckBodyWithoutInstances(t *testing.T) {
	tests := map[string]struct {
		src  string
		want []string
	}{
		"count = 0 with a value of the wrong type": {
			src: `
resource "aws_vpc_endpoint" "e" {
  count        = 0
  vpc_id       = "vpc-${count.index}"
  service_name = []
}`,
			want: []string{`main.hcl:5,18-20: Incorrect attribute value type; Inappropriate value for attribute "service_name": string required, but have tuple.`},
		},
		"count = 0 with an unsupported argument": {
			src: `
resource "aws_vpc_endpoint" "e" {
  count            = 0
  vpc_id           = "vpc-1"
  service_name     = "com.amazonaws.eu-west-1.s3"
  vpc_endpont_type = "Gateway"
}`,
			want: []string{`main.hcl:6,3-19: Unsupported argument; An argument named "vpc_endpont_type" is not expected here. Did you mean "vpc_endpoint_type"?`},
		},
		"for_each = {} with a missing required argument": {
			src: `
resource "aws_vpc_endpoint" "e" {
  for_each     = {}
  service_name = each.value.service
}`,
			want: []string{`main.hcl:2,33-33: Missing required argument; The argument "vpc_id" is required, but no definition was found.`},
		},
		"for_each = {} with dynamic blocks": {
			src: `
resource "aws_vpc_endpoint" "e" {
  for_each     = {}
  vpc_id       = each.key
  service_name = each.value.service
  dynamic "dns_options" {
    for_each = each.value.dns
    content {
      dns_record_ip_type = dns_options.value
      bogus              = true
    }
  }
  dynamic "subnet_configuration" {
    for_each = ["a"]
    content {
      ipv4 = [subnet_configuration.value]
    }
  }
}`,
			want: []string{
				`main.hcl:10,7-12: Unsupported argument; An argument named "bogus" is not expected here.`,
				`main.hcl:16,14-42: Incorrect attribute value type; Inappropriate value for attribute "ipv4": string required, but have tuple.`,
			},
		},
		"unknown count": {
			src: `
variable "n" {
  type = number
}
resource "aws_subnet" "s" {
  count             = var.n
  vpc_id            = "vpc-1"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  map_public_ip_on_launch = "maybe"
}`,
			want: []string{`main.hcl:9,29-36: Incorrect attribute value type; Inappropriate value for attribute "map_public_ip_on_launch": a bool is required.`},
		},
		"unknown for_each": {
			src: `
variable "subnets" {
  type = map(object({ cidr = string }))
}
resource "aws_subnet" "s" {
  for_each   = var.subnets
  vpc_id     = "vpc-1"
  cidr_block = each.value.cidr
  cidr_blok  = each.key
}`,
			want: []string{`main.hcl:9,3-12: Unsupported argument; An argument named "cidr_blok" is not expected here.`},
		},
		"invalid count": {
			src: `
resource "aws_subnet" "s" {
  count      = -1
  vpc_id     = "vpc-1"
  cidr_block = 1 + "a"
}`,
			want: []string{
				`main.hcl:3,16-18: Invalid count argument; The given "count" argument value is unsuitable: must be greater than or equal to zero.`,
				`main.hcl:5,20-23: Invalid operand; Unsuitable value for right operand: a number is required.`,
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, hcl1(tt.src), Options{Mode: ValidateMode})
			if diff := cmp.Diff(tt.want, res.diagStrings()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
