package validate

import "testing"

func TestAWSVPCEndpointInterfaceSubnetAZDuplicate(t *testing.T) {
	const subnets = `resource "aws_subnet" "a" {
  for_each          = { one = "10.0.1.0/24", two = "10.0.2.0/24" }
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = %s
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [for s in aws_subnet.a : s.id]
}
`
	runRuleCases(t, awsVPCEndpointInterfaceSubnetAZDuplicate, map[string]ruleCase{
		"both subnets in eu-west-1a": {
			src:  sprintf(endpointVPC, "true") + sprintf(subnets, `"eu-west-1a"`),
			want: []string{"21:23-21:53 Two endpoint subnets in one Availability Zone"},
		},
		"one subnet per zone": {
			src: sprintf(endpointVPC, "true") + sprintf(subnets, `each.key == "one" ? "eu-west-1a" : "eu-west-1b"`),
		},
	})
}
