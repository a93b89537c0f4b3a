package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// TestAttributesAsBlocks checks that the types the provider declares in
// "attributes as blocks" mode decode alike from blocks and from an
// argument holding objects: the same value (defaults included) and the
// same links.
func TestAttributesAsBlocks(t *testing.T) {
	blocks := `
resource "aws_security_group" "peer" {
  name = "peer"
}
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.peer.id]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_route_table" "rt" {
  vpc_id = "vpc-1"
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = "nat-1"
  }
}
`
	arguments := `
resource "aws_security_group" "peer" {
  name = "peer"
}
resource "aws_security_group" "web" {
  name = "web"
  ingress = [{
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    security_groups  = [aws_security_group.peer.id]
    cidr_blocks      = null
    ipv6_cidr_blocks = null
    prefix_list_ids  = null
    self             = null
    description      = null
  }]
  egress = [
    for cidr in ["0.0.0.0/0"] : {
      from_port        = 0
      to_port          = 0
      protocol         = "-1"
      cidr_blocks      = [cidr]
      ipv6_cidr_blocks = null
      prefix_list_ids  = null
      security_groups  = null
      self             = null
      description      = null
    }
  ]
}
resource "aws_route_table" "rt" {
  vpc_id = "vpc-1"
  route = [{
    cidr_block                 = "0.0.0.0/0"
    nat_gateway_id             = "nat-1"
    ipv6_cidr_block            = null
    destination_prefix_list_id = null
    carrier_gateway_id         = null
    core_network_arn           = null
    egress_only_gateway_id     = null
    gateway_id                 = null
    local_gateway_id           = null
    network_interface_id       = null
    transit_gateway_id         = null
    vpc_endpoint_id            = null
    vpc_peering_connection_id  = null
  }]
}
`
	mb := mustEvaluate(t, map[string]string{"main.tf": blocks}, Options{})
	ma := mustEvaluate(t, map[string]string{"main.tf": arguments}, Options{})
	for _, c := range []struct{ addr, attr string }{
		{"aws_security_group.web", "ingress"},
		{"aws_security_group.web", "egress"},
		{"aws_route_table.rt", "route"},
	} {
		want, got := inst(t, mb, c.addr).Attr(c.attr), inst(t, ma, c.addr).Attr(c.attr)
		if !got.RawEquals(want) {
			t.Errorf("%s.%s: argument form gives %#v, blocks give %#v", c.addr, c.attr, got, want)
		}
	}
	if diff := cmp.Diff(allLinks(mb), allLinks(ma)); diff != "" {
		t.Errorf("links mismatch (-blocks +argument):\n%s", diff)
	}
	if links := allLinks(ma); len(links) == 0 {
		t.Error("got no links from the argument form, want the ingress rule's security group")
	}
}

// TestAttributesAsBlocksEmpty checks what an empty argument says: no
// elements, where leaving the type out keeps what AWS has (the prior
// value), and where null is the same as leaving it out.
func TestAttributesAsBlocksEmpty(t *testing.T) {
	rule := cty.ObjectVal(map[string]cty.Value{
		"from_port":        cty.NumberIntVal(0),
		"to_port":          cty.NumberIntVal(0),
		"protocol":         cty.StringVal("-1"),
		"cidr_blocks":      cty.ListVal([]cty.Value{cty.StringVal("0.0.0.0/0")}),
		"ipv6_cidr_blocks": cty.NullVal(cty.List(cty.String)),
		"prefix_list_ids":  cty.NullVal(cty.List(cty.String)),
		"security_groups":  cty.NullVal(cty.Set(cty.String)),
		"self":             cty.False,
		"description":      cty.NullVal(cty.String),
	})
	prior := cty.SetVal([]cty.Value{rule})
	known := knownValues(t, map[string]map[string]cty.Value{
		"aws_security_group.empty":   {"egress": prior},
		"aws_security_group.omitted": {"egress": prior},
		"aws_security_group.null":    {"egress": prior},
	})
	m := mustEvaluate(t, hcl1(`
resource "aws_security_group" "empty" {
  egress = []
}
resource "aws_security_group" "omitted" {
}
resource "aws_security_group" "null" {
  egress = null
}
`), Options{Known: known})
	for addr, want := range map[string]cty.Value{
		"aws_security_group.empty":   cty.SetValEmpty(rule.Type()),
		"aws_security_group.omitted": prior,
		"aws_security_group.null":    prior,
	} {
		if got := inst(t, m, addr).Attr("egress"); !got.RawEquals(want) {
			t.Errorf("%s: got egress %#v, want %#v", addr, got, want)
		}
	}
}

// TestAttributesAsBlocksDiagnostics checks the argument form's wrong
// shapes: every attribute of the objects must be given, as Terraform
// requires, and one type is written in one form.
func TestAttributesAsBlocksDiagnostics(t *testing.T) {
	tests := map[string]struct {
		src  string
		want []string
	}{
		"missing attributes": {
			src: `resource "aws_security_group" "sg" {
  ingress = [{
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
  }]
}`,
			want: []string{`main.hcl:2,13-6,5: Incorrect attribute value type; Inappropriate value for attribute "ingress": element 0: attributes "cidr_blocks", "description", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", and "self" are required.`},
		},
		"not a list": {
			src: `resource "aws_route_table" "rt" {
  vpc_id = "vpc-1"
  route  = "0.0.0.0/0"
}`,
			want: []string{`main.hcl:3,12-23: Incorrect attribute value type; Inappropriate value for attribute "route": set of object required, but have string.`},
		},
		"null element": {
			src: `resource "aws_security_group" "sg" {
  egress = [null]
}`,
			want: []string{`main.hcl:2,12-18: Incorrect attribute value type; Inappropriate value for attribute "egress": element 0: a null value is not allowed.`},
		},
		"both forms": {
			src: `resource "aws_security_group" "sg" {
  egress = []
  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
}`,
			want: []string{`main.hcl:2,3-9: Argument and blocks of one type; "egress" is written both as an argument and as blocks (the first at main.hcl:3,3-9). Use one form: blocks, or one argument holding a list of objects.`},
		},
		"unknown value": {
			src: `variable "rules" {
  type = list(any)
}
resource "aws_security_group" "sg" {
  ingress = var.rules
}`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, hcl1(tt.src), Options{})
			got := res.diagStrings()
			if tt.want == nil {
				tt.want = []string{}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
