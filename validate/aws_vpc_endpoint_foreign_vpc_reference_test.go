package validate

import "testing"

func TestAWSVPCEndpointForeignVPCReference(t *testing.T) {
	const src = `resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.%s.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.a.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.rt.id]
}`
	runRuleCases(t, awsVPCEndpointForeignVPCReference, map[string]ruleCase{
		"route table of the other VPC": {
			src:  sprintf(src, "b"),
			want: []string{"13:21-13:44 Endpoint uses another VPC's route table"},
		},
		"same VPC": {
			src: sprintf(src, "a"),
		},
	})
}
