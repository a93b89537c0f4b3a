package validate

import "testing"

func TestAWSVPCEndpointGatewayArgumentInvalid(t *testing.T) {
	runRuleCases(t, awsVPCEndpointGatewayArgumentInvalid, map[string]ruleCase{
		"subnets and private DNS on a gateway endpoint": {
			src: sprintf(endpointVPC, "true") + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
}`,
			want: []string{"18:3-18:13 Argument not valid for a gateway endpoint", "19:3-19:22 Argument not valid for a gateway endpoint"},
		},
		"a conditional that gives a gateway endpoint null": {
			src: sprintf(endpointVPC, "true") + `variable "subnet_ids" {
  type    = list(string)
  default = null
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  subnet_ids        = var.subnet_ids == null ? null : var.subnet_ids
}`,
		},
		"a dynamic dns_options block that generates none": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  dynamic "dns_options" {
    for_each = []
    content {
      dns_record_ip_type = dns_options.value
    }
  }
}`,
		},
		"a dynamic dns_options block that generates one": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  dynamic "dns_options" {
    for_each = ["ipv4"]
    content {
      dns_record_ip_type = dns_options.value
    }
  }
}`,
			want: []string{"15:3-15:10 Argument not valid for a gateway endpoint"},
		},
		"the same arguments on an interface endpoint": {
			src: sprintf(endpointVPC, "true") + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
}`,
		},
	})
}
