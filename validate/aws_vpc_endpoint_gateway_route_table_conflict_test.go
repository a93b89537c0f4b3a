package validate

import "testing"

func TestAWSVPCEndpointGatewayRouteTableConflict(t *testing.T) {
	const e = `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}
resource "aws_vpc_endpoint" "a" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.private.id]
}
resource "aws_vpc_endpoint" "b" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.%s"
  route_table_ids = [aws_route_table.private.id]
}`
	runRuleCases(t, awsVPCEndpointGatewayRouteTableConflict, map[string]ruleCase{
		"two S3 gateway endpoints": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "s3"),
			want: []string{"22:21-22:49 Route table shared by two gateway endpoints of one service"},
		},
		"S3 and DynamoDB share a table": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "dynamodb"),
		},
	})
}
