package validate

import "testing"

func TestAWSVPCEndpointServiceRegionMismatch(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.%s.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointServiceRegionMismatch, map[string]ruleCase{
		"gateway endpoint to another Region": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "us-east-1"),
			want: []string{"13:21-13:49 Endpoint service in another Region"},
		},
		"same Region": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "eu-west-1"),
		},
	})
}
