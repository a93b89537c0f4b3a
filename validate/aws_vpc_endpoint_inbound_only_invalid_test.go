package validate

import "testing"

func TestAWSVPCEndpointInboundOnlyInvalid(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.%s"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  private_dns_enabled = %s
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = true
  }
}`
	runRuleCases(t, awsVPCEndpointInboundOnlyInvalid, map[string]ruleCase{
		"on SSM": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "ssm", "true"),
			want: []string{"18:5-18:51 Inbound-only private DNS option not applicable"},
		},
		"without private DNS": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "s3", "false"),
			want: []string{"18:5-18:51 Inbound-only private DNS option not applicable"},
		},
		"S3 with private DNS": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "s3", "true"),
		},
	})
}
