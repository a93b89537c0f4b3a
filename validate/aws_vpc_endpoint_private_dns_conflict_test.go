package validate

import "testing"

func TestAWSVPCEndpointPrivateDNSConflict(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  count               = 2
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  private_dns_enabled = %s
}`
	runRuleCases(t, awsVPCEndpointPrivateDNSConflict, map[string]ruleCase{
		"two with private DNS": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "true"),
			want: []string{"17:25-17:29 Private DNS enabled twice for one service"},
		},
		"only the first": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "count.index == 0"),
		},
	})
}
