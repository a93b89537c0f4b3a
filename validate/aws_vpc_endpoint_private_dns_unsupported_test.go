package validate

import "testing"

func TestAWSVPCEndpointPrivateDNSUnsupported(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.%s"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  private_dns_enabled = true
}`
	runRuleCases(t, awsVPCEndpointPrivateDNSUnsupported, map[string]ruleCase{
		"DynamoDB": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "dynamodb"),
			want: []string{"16:25-16:29 Private DNS not supported by the service"},
		},
		"SSM": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "ssm"),
		},
	})
}
