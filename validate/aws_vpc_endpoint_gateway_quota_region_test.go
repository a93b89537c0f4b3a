package validate

import "testing"

func TestAWSVPCEndpointGatewayQuotaRegion(t *testing.T) {
	const src = `resource "aws_vpc" "v" {
  count      = %d
  cidr_block = "10.${count.index}.0.0/16"
}
resource "aws_vpc_endpoint" "s3" {
  count           = %d
  vpc_id          = aws_vpc.v[count.index].id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointGatewayQuotaRegion, map[string]ruleCase{
		"21 VPCs with an S3 gateway endpoint": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, 21, 21),
			want: []string{"15:1-15:33 Gateway endpoint quota exceeded"},
		},
		"20": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 20, 20),
		},
	})
}
