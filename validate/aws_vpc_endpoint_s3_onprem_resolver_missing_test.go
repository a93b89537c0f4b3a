package validate

import "testing"

func TestAWSVPCEndpointS3OnpremResolverMissing(t *testing.T) {
	const iface = s3InterfaceEndpoint
	option := func(v string) string {
		return "  dns_options {\n    private_dns_only_for_inbound_resolver_endpoint = " + v + "\n  }\n"
	}
	const resolver = `resource "aws_security_group" "dns" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}
resource "aws_route53_resolver_endpoint" "dns" {
  direction          = %s
  security_group_ids = [aws_security_group.dns.id]
  ip_address {
    subnet_id = %s
  }
  ip_address {
    subnet_id = %s
  }
}
`
	runRuleCases(t, awsVPCEndpointS3OnpremResolverMissing, map[string]ruleCase{
		"option unset, no Resolver endpoint": {
			src:  s3dnsBase + sprintf(iface, "") + s3dnsGateway,
			want: []string{"20:25-20:29 Inbound-only private DNS without an inbound Resolver endpoint"},
		},
		"Resolver endpoints of unknown for_each stay silent": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway + "variable \"directions\" {\n  type = set(string)\n}\n" + `resource "aws_route53_resolver_endpoint" "dns" {
  for_each           = var.directions
  direction          = each.value
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.a.id
  }
  ip_address {
    subnet_id = aws_subnet.a.id
  }
}
`,
		},
		"option true, only an OUTBOUND Resolver endpoint": {
			src:  s3dnsBase + sprintf(iface, option("true")) + s3dnsGateway + sprintf(resolver, `"OUTBOUND"`, "aws_subnet.a.id", "aws_subnet.b.id"),
			want: []string{"22:54-22:58 Inbound-only private DNS without an inbound Resolver endpoint"},
		},
		"INBOUND Resolver endpoint in another VPC": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway + `resource "aws_vpc" "hub" {
  cidr_block = "10.9.0.0/16"
}
resource "aws_subnet" "hub" {
  for_each          = { "10.9.1.0/24" = "eu-west-1a", "10.9.2.0/24" = "eu-west-1b" }
  vpc_id            = aws_vpc.hub.id
  cidr_block        = each.key
  availability_zone = each.value
}
resource "aws_security_group" "dns" {
  vpc_id = aws_vpc.hub.id
}
resource "aws_route53_resolver_endpoint" "dns" {
  direction          = "INBOUND"
  security_group_ids = [aws_security_group.dns.id]
  ip_address {
    subnet_id = aws_subnet.hub["10.9.1.0/24"].id
  }
  ip_address {
    subnet_id = aws_subnet.hub["10.9.2.0/24"].id
  }
}
`,
			want: []string{"20:25-20:29 Inbound-only private DNS without an inbound Resolver endpoint"},
		},
		"INBOUND Resolver endpoint in the VPC": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway + sprintf(resolver, `"INBOUND"`, "aws_subnet.a.id", "aws_subnet.b.id"),
		},
		"all traffic mode": {
			src: s3dnsBase + sprintf(iface, option("false")) + s3dnsGateway,
		},
		"private DNS disabled": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
}
`,
		},
		"Resolver endpoint of unknown direction stays silent": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway + "variable \"direction\" {\n  type = string\n}\n" + sprintf(resolver, "var.direction", "aws_subnet.a.id", "aws_subnet.b.id"),
		},
		"INBOUND Resolver endpoint in unresolved subnets stays silent": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway + sprintf(resolver, `"INBOUND"`, `"subnet-0123456789abcdef0"`, `"subnet-0123456789abcdef1"`),
		},
		"unknown option stays silent": {
			src: s3dnsBase + "variable \"v\" {\n  type = bool\n}\n" + sprintf(iface, option("var.v")) + s3dnsGateway,
		},
	})
}
