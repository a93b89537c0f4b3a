package network

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
)

// TestExplainPrivateDNSNeedsVPCAttributes: an interface endpoint's private
// DNS works only when its VPC has enable_dns_support and
// enable_dns_hostnames (the rule aws_vpc_endpoint_private_dns_vpc_attributes
// flags the others). Without them the subnet's route table decides (here
// the NAT gateway), and on-premises clients have no private path; while a
// value is not known, the verdict is unknown.
func TestExplainPrivateDNSNeedsVPCAttributes(t *testing.T) {
	src := func(attrs string) string {
		return `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
variable "hostnames" {
  type = bool
}
resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
` + attrs + `
}
resource "aws_subnet" "v" {
  vpc_id            = aws_vpc.v.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.v.id
}
resource "aws_route_table" "v" {
  vpc_id = aws_vpc.v.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n.id
  }
}
resource "aws_route_table_association" "v" {
  subnet_id      = aws_subnet.v.id
  route_table_id = aws_route_table.v.id
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.v.id
  }
  ip_address {
    subnet_id = aws_subnet.v.id
    ip        = "10.0.1.10"
  }
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id              = aws_vpc.v.id
  service_name        = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.v.id]
  private_dns_enabled = true
}
`
	}
	tests := map[string]struct {
		attrs string
		want  []string
	}{
		"both on": {
			attrs: "  enable_dns_support   = true\n  enable_dns_hostnames = true",
			want: []string{
				"aws_subnet.v sts interface-endpoint: sts default name -> aws_vpc_endpoint.sts",
				"on-premises sts interface-endpoint: aws_route53_resolver_endpoint.in -> aws_vpc_endpoint.sts",
			},
		},
		"hostnames left at their default (false)": {
			want: []string{
				"aws_subnet.v sts nat-gateway: aws_route_table.v -> aws_nat_gateway.n",
				"  note: private DNS of aws_vpc_endpoint.sts cannot work: its VPC aws_vpc.v has enable_dns_hostnames false, and interface endpoint private DNS needs enable_dns_support and enable_dns_hostnames",
				"on-premises sts none: ",
				"  note: private DNS of aws_vpc_endpoint.sts cannot work: its VPC aws_vpc.v has enable_dns_hostnames false, and interface endpoint private DNS needs enable_dns_support and enable_dns_hostnames",
				"  note: no interface endpoint for sts in aws_vpc.v: gateway endpoints do not carry on-premises traffic, so requests use public addresses",
			},
		},
		"both off": {
			attrs: "  enable_dns_support   = false\n  enable_dns_hostnames = false",
			want: []string{
				"aws_subnet.v sts nat-gateway: aws_route_table.v -> aws_nat_gateway.n",
				"  note: private DNS of aws_vpc_endpoint.sts cannot work: its VPC aws_vpc.v has enable_dns_support and enable_dns_hostnames false, and interface endpoint private DNS needs enable_dns_support and enable_dns_hostnames",
				"on-premises sts none: ",
				"  note: private DNS of aws_vpc_endpoint.sts cannot work: its VPC aws_vpc.v has enable_dns_support and enable_dns_hostnames false, and interface endpoint private DNS needs enable_dns_support and enable_dns_hostnames",
				"  note: no interface endpoint for sts in aws_vpc.v: gateway endpoints do not carry on-premises traffic, so requests use public addresses",
			},
		},
		"hostnames not known yet": {
			attrs: "  enable_dns_support   = true\n  enable_dns_hostnames = var.hostnames",
			want: []string{
				"aws_subnet.v sts unknown: ",
				"  note: the DNS attributes of aws_vpc.v, which private DNS of aws_vpc_endpoint.sts needs, are not known yet",
				"on-premises sts unknown: ",
				"  note: the DNS attributes of aws_vpc.v, which private DNS of aws_vpc_endpoint.sts needs, are not known yet",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := loadFiles(t, map[string]string{"main.hcl": src(tc.attrs)})
			var got []string
			for _, p := range Explain(m, schema.NewServiceCatalog(), Options{Service: "sts"}).Paths {
				var hops []string
				for _, h := range p.Hops {
					hops = append(hops, h.Addr)
				}
				got = append(got, fmt.Sprintf("%s %s %s: %s", p.From, p.Service, p.Verdict, strings.Join(hops, " -> ")))
				for _, n := range p.Notes {
					got = append(got, "  note: "+n)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Explain() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExplainPrivateDNSSeparateResource: private DNS enabled by an
// aws_vpc_endpoint_private_dns (AWS provider v6) instead of the endpoint's
// own private_dns_enabled is the path of in-VPC and on-premises clients, as
// when the endpoint enables it; disabled there, clients must use the
// endpoint's own names, whatever the endpoint says.
func TestExplainPrivateDNSSeparateResource(t *testing.T) {
	src := func(endpointDNS, separateDNS string) string {
		return `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "v" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}
resource "aws_subnet" "v" {
  vpc_id            = aws_vpc.v.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.v.id
  }
  ip_address {
    subnet_id = aws_subnet.v.id
    ip        = "10.0.1.10"
  }
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id            = aws_vpc.v.id
  service_name      = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.v.id]
` + endpointDNS + `
}
resource "aws_vpc_endpoint_private_dns" "sts" {
  vpc_endpoint_id     = aws_vpc_endpoint.sts.id
  private_dns_enabled = ` + separateDNS + `
}
`
	}
	tests := map[string]struct {
		endpointDNS, separateDNS string
		want                     []string
	}{
		"enabled by aws_vpc_endpoint_private_dns": {
			separateDNS: "true",
			want: []string{
				"aws_subnet.v sts interface-endpoint: sts default name -> aws_vpc_endpoint.sts",
				"  note: private DNS of aws_vpc_endpoint.sts is enabled by aws_vpc_endpoint_private_dns.sts",
				"on-premises sts interface-endpoint: aws_route53_resolver_endpoint.in -> aws_vpc_endpoint.sts",
				"  note: private DNS of aws_vpc_endpoint.sts is enabled by aws_vpc_endpoint_private_dns.sts",
			},
		},
		"disabled by aws_vpc_endpoint_private_dns, enabled on the endpoint": {
			endpointDNS: "  private_dns_enabled = true",
			separateDNS: "false",
			want: []string{
				"aws_subnet.v sts none: main route table of aws_vpc.v",
				"  note: no aws_route_table_association names the subnet, so it uses its VPC's main route table",
				"  note: the configuration does not declare that main route table, so it has only the local route",
				"  note: aws_vpc_endpoint.sts has private DNS off: only its endpoint-specific names (dns_entry) reach it",
				"on-premises sts interface-endpoint-names: aws_vpc_endpoint.sts",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := loadFiles(t, map[string]string{"main.hcl": src(tc.endpointDNS, tc.separateDNS)})
			var got []string
			for _, p := range Explain(m, schema.NewServiceCatalog(), Options{Service: "sts"}).Paths {
				var hops []string
				for _, h := range p.Hops {
					hops = append(hops, h.Addr)
				}
				got = append(got, fmt.Sprintf("%s %s %s: %s", p.From, p.Service, p.Verdict, strings.Join(hops, " -> ")))
				for _, n := range p.Notes {
					got = append(got, "  note: "+n)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Explain() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
