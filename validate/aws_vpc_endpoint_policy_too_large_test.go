package validate

import "testing"

func TestAWSVPCEndpointPolicyTooLarge(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = [for i in range(%d) : "arn:aws:s3:::bucket-number-${i}/*"]
    }]
  })
}`
	runRuleCases(t, awsVPCEndpointPolicyTooLarge, map[string]ruleCase{
		"700 resources": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, 700),
			want: []string{"15:12-23:5 Endpoint policy too large"},
		},
		"10 resources": {
			src: sprintf(endpointVPC, "true") + sprintf(e, 10),
		},
	})
}
