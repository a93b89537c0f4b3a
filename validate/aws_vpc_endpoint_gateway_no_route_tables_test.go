package validate

import "testing"

func TestAWSVPCEndpointGatewayNoRouteTables(t *testing.T) {
	runRuleCases(t, awsVPCEndpointGatewayNoRouteTables, map[string]ruleCase{
		"no route tables": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}`,
			want: []string{"11:1-11:33 Gateway endpoint without route tables"},
		},
		"associations of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + `variable "route_tables" {
  type = set(string)
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_vpc_endpoint_route_table_association" "private" {
  for_each        = var.route_tables
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = each.value
}`,
		},
		"route table through an association": {
			src: sprintf(endpointVPC, "true") + `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_vpc_endpoint_route_table_association" "private" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.private.id
}`,
		},
	})
}
