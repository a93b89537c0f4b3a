package validate

import "testing"

func TestAWSVPCEndpointS3InboundOnlyRequiresGateway(t *testing.T) {
	const iface = `resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  %s
}
`
	const gateway = `resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`
	runRuleCases(t, awsVPCEndpointS3InboundOnlyRequiresGateway, map[string]ruleCase{
		"option unset, no gateway": {
			src:  sprintf(endpointVPC, "true") + sprintf(iface, ""),
			want: []string{"15:25-15:29 Inbound-only private DNS without a gateway endpoint"},
		},
		"option true, no gateway": {
			src:  sprintf(endpointVPC, "true") + sprintf(iface, "dns_options {\n    private_dns_only_for_inbound_resolver_endpoint = true\n  }"),
			want: []string{"17:54-17:58 Inbound-only private DNS without a gateway endpoint"},
		},
		"gateway present": {
			src: sprintf(endpointVPC, "true") + sprintf(iface, "") + gateway,
		},
		"option false": {
			src: sprintf(endpointVPC, "true") + sprintf(iface, "dns_options {\n    private_dns_only_for_inbound_resolver_endpoint = false\n  }"),
		},
	})
}
