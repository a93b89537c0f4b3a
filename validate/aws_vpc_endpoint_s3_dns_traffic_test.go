package validate

import "testing"

const s3PrivateDNS = `resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}
resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = %s
  }
}
`

func TestAWSVPCEndpointS3PrivateDNSAllTraffic(t *testing.T) {
	runRuleCases(t, awsVPCEndpointS3PrivateDNSAllTraffic, map[string]ruleCase{
		"all traffic through the interface endpoint": {
			src:  sprintf(endpointVPC, "true") + sprintf(s3PrivateDNS, "false"),
			want: []string{"23:54-23:59 S3 gateway endpoint bypassed by private DNS"},
		},
		"inbound only": {
			src: sprintf(endpointVPC, "true") + sprintf(s3PrivateDNS, "true"),
		},
	})
}

func TestAWSVPCEndpointS3OnpremResolverMissing(t *testing.T) {
	runRuleCases(t, awsVPCEndpointS3OnpremResolverMissing, map[string]ruleCase{
		"no inbound resolver": {
			src:  sprintf(endpointVPC, "true") + sprintf(s3PrivateDNS, "true"),
			want: []string{"21:25-21:29 Inbound-only private DNS without an inbound Resolver endpoint"},
		},
		"all traffic mode": {
			src: sprintf(endpointVPC, "true") + sprintf(s3PrivateDNS, "false"),
		},
	})
}
