package validate

import "testing"

func TestAWSVPCEndpointTypeInvalid(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = %q
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointTypeInvalid, map[string]ruleCase{
		"lowercase": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "interface"),
			want: []string{"14:23-14:34 Invalid VPC endpoint type"},
		},
		"valid": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "Interface"),
		},
	})
}
