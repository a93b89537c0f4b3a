package validate

import "testing"

func TestAWSVPCEndpointQuotaExceeded(t *testing.T) {
	const src = `resource "aws_vpc_endpoint" "ssm" {
  count             = %d
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointQuotaExceeded, map[string]ruleCase{
		"51 interface endpoints": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, 51),
			want: []string{"11:1-11:34 Too many interface endpoints in one VPC"},
		},
		"50": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 50),
		},
	})
}
