package validate

import "testing"

func TestAWSVPCEndpointPrivateDNSSetTwice(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
%s}
resource "aws_vpc_endpoint_private_dns" "ssm" {
  vpc_endpoint_id     = aws_vpc_endpoint.ssm.id
  private_dns_enabled = %s
}
`
	runRuleCases(t, awsVPCEndpointPrivateDNSSetTwice, map[string]ruleCase{
		"set on the endpoint too, the same value": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "  private_dns_enabled = true\n", "true"),
			want: []string{"15:3-15:22 Private DNS set on the endpoint and in aws_vpc_endpoint_private_dns"},
		},
		"set on the endpoint too, the other value": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "  private_dns_enabled = true\n", "false"),
			want: []string{"15:3-15:22 Private DNS set on the endpoint and in aws_vpc_endpoint_private_dns"},
		},
		"omitted on the endpoint": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "", "true"),
		},
		"null on the endpoint is omitted": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "  private_dns_enabled = null\n", "true"),
		},
		"false on the endpoint is not told from null": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "  private_dns_enabled = false\n", "true"),
		},
		"set on the endpoint only": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`,
		},
	})
}
