package validate

import "testing"

func TestAWSVPCEndpointInterfaceNoSubnets(t *testing.T) {
	runRuleCases(t, awsVPCEndpointInterfaceNoSubnets, map[string]ruleCase{
		"no subnets": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}`,
			want: []string{"11:1-11:34 Interface endpoint without subnets"},
		},
		"associations of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + `variable "subnets" {
  type = set(string)
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_subnet_association" "a" {
  for_each        = var.subnets
  vpc_endpoint_id = aws_vpc_endpoint.ssm.id
  subnet_id       = each.value
}`,
		},
		"subnet_configuration of unknown for_each stays silent": {
			src: sprintf(endpointVPC, "true") + `variable "subnets" {
  type = set(string)
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  dynamic "subnet_configuration" {
    for_each = var.subnets
    content {
      subnet_id = subnet_configuration.value
    }
  }
}`,
		},
		"subnet through an association": {
			src: sprintf(endpointVPC, "true") + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_subnet_association" "a" {
  vpc_endpoint_id = aws_vpc_endpoint.ssm.id
  subnet_id       = aws_subnet.a.id
}`,
		},
	})
}
