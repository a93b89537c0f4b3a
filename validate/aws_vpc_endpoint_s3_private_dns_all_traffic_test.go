package validate

import "testing"

func TestAWSVPCEndpointS3PrivateDNSAllTraffic(t *testing.T) {
	const iface = `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = %s
  }
}
`
	runRuleCases(t, awsVPCEndpointS3PrivateDNSAllTraffic, map[string]ruleCase{
		"all traffic through the interface endpoint": {
			src:  s3dnsBase + sprintf(iface, "false") + s3dnsGateway,
			want: []string{"22:54-22:59 Gateway endpoint bypassed by private DNS"},
		},
		"proven gateway endpoint beside one of unknown service": {
			src: s3dnsBase + sprintf(iface, "false") + s3dnsGateway + "variable \"service\" {\n  type = string\n}\n" + `resource "aws_vpc_endpoint" "other" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}
`,
			want: []string{"22:54-22:59 Gateway endpoint bypassed by private DNS"},
		},
		"for_each: one endpoint per mode": {
			src: s3dnsBase + s3dnsGateway + `resource "aws_vpc_endpoint" "s3" {
  for_each            = { inbound = true, all = false }
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = each.value
  }
}
`,
			want: []string{"26:54-26:64 Gateway endpoint bypassed by private DNS"},
		},
		"inbound only": {
			src: s3dnsBase + sprintf(iface, "true") + s3dnsGateway,
		},
		"option unset: AWS defaults it to true": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
` + s3dnsGateway,
		},
		"no gateway endpoint": {
			src: s3dnsBase + sprintf(iface, "false"),
		},
		"gateway endpoint in another VPC": {
			src: s3dnsBase + sprintf(iface, "false") + `resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id       = aws_vpc.other.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`,
		},
		"unknown option stays silent": {
			src: s3dnsBase + "variable \"v\" {\n  type = bool\n}\n" + sprintf(iface, "var.v") + s3dnsGateway,
		},
	})
}
