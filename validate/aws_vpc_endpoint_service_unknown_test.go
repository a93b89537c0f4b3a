package validate

import "testing"

func TestAWSVPCEndpointServiceUnknown(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.%s"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointServiceUnknown, map[string]ruleCase{
		"typo": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "ssmmesages"),
			want: []string{"13:23-13:59 Unknown AWS service"},
		},
		"known": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "ssmmessages"),
		},
	})
}
