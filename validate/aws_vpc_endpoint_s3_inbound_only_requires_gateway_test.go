package validate

import "testing"

func TestAWSVPCEndpointS3InboundOnlyRequiresGateway(t *testing.T) {
	const iface = s3InterfaceEndpoint
	option := func(v string) string {
		return "  dns_options {\n    private_dns_only_for_inbound_resolver_endpoint = " + v + "\n  }\n"
	}
	runRuleCases(t, awsVPCEndpointS3InboundOnlyRequiresGateway, map[string]ruleCase{
		"option unset, AWS defaults it to true": {
			src:  s3dnsBase + sprintf(iface, ""),
			want: []string{"20:25-20:29 Inbound-only private DNS without a gateway endpoint"},
		},
		"option true": {
			src:  s3dnsBase + sprintf(iface, option("true")),
			want: []string{"22:54-22:58 Inbound-only private DNS without a gateway endpoint"},
		},
		"gateway endpoint for DynamoDB only": {
			src: s3dnsBase + sprintf(iface, "") + `resource "aws_vpc_endpoint" "ddb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.dynamodb"
}
`,
			want: []string{"20:25-20:29 Inbound-only private DNS without a gateway endpoint"},
		},
		"beside a Resource endpoint, which has no service name": {
			src: s3dnsBase + sprintf(iface, "") + `resource "aws_vpc_endpoint" "db" {
  vpc_id                     = aws_vpc.main.id
  vpc_endpoint_type          = "Resource"
  resource_configuration_arn = "arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0"
}
`,
			want: []string{"20:25-20:29 Inbound-only private DNS without a gateway endpoint"},
		},
		"for_each over two VPCs, one with a gateway endpoint": {
			src: s3dnsBase + `resource "aws_vpc" "v" {
  for_each             = toset(["10.1.0.0/16", "10.2.0.0/16"])
  cidr_block           = each.value
  enable_dns_hostnames = true
}
resource "aws_vpc_endpoint" "s3" {
  for_each            = aws_vpc.v
  vpc_id              = each.value.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "gw" {
  vpc_id       = aws_vpc.v["10.1.0.0/16"].id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`,
			want: []string{"25:25-25:29 Inbound-only private DNS without a gateway endpoint"},
		},
		"gateway endpoint present": {
			src: s3dnsBase + sprintf(iface, "") + s3dnsGateway,
		},
		"option false": {
			src: s3dnsBase + sprintf(iface, option("false")),
		},
		"private DNS disabled": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
}
`,
		},
		"DynamoDB interface endpoint: the option is not in the catalog": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "ddb" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.dynamodb"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`,
		},
		"unknown option stays silent": {
			src: s3dnsBase + "variable \"inbound_only\" {\n  type = bool\n}\n" + sprintf(iface, option("var.inbound_only")),
		},
		"unknown private DNS stays silent": {
			src: s3dnsBase + "variable \"dns\" {\n  type = bool\n}\n" + `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.dns
}
`,
		},
		"gateway endpoint with an unknown service name stays silent": {
			src: s3dnsBase + sprintf(iface, "") + "variable \"service\" {\n  type = string\n}\n" + `resource "aws_vpc_endpoint" "gw" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}
`,
		},
		"S3 gateway endpoint in an unresolved VPC stays silent": {
			src: s3dnsBase + sprintf(iface, "") + "variable \"vpc_id\" {\n  type = string\n}\n" + `resource "aws_vpc_endpoint" "gw" {
  vpc_id       = var.vpc_id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`,
		},
		"endpoints of unknown for_each stay silent": {
			src: s3dnsBase + sprintf(iface, "") + "variable \"services\" {\n  type = set(string)\n}\n" + `resource "aws_vpc_endpoint" "gw" {
  for_each     = var.services
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.${each.value}"
}
`,
		},
		"endpoints with an unknown count stay silent": {
			src: s3dnsBase + sprintf(iface, "") + "variable \"n\" {\n  type = number\n}\n" + `resource "aws_vpc_endpoint" "gw" {
  count        = var.n
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`,
		},
	})
}
