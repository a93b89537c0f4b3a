package validate

import "testing"

func TestAWSVPCEndpointForeignVPCReference(t *testing.T) {
	const vpcs = `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
`
	const gateway = vpcs + `resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.%s.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.a.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.rt.id]
}`
	const subnets = vpcs + `resource "aws_subnet" "s" {
  for_each          = { a = aws_vpc.a.id, b = aws_vpc.b.id }
  vpc_id            = each.value
  cidr_block        = each.key == "a" ? "10.0.1.0/24" : "10.1.1.0/24"
  availability_zone = "eu-west-1a"
}
`
	runRuleCases(t, awsVPCEndpointForeignVPCReference, map[string]ruleCase{
		"route table of the other VPC": {
			src:  sprintf(gateway, "b"),
			want: []string{"17:21-17:44 Endpoint uses another VPC's route table"},
		},
		"same VPC": {
			src: sprintf(gateway, "a"),
		},
		"main route table of the other VPC through an association": {
			src: vpcs + `resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.a.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_vpc_endpoint_route_table_association" "main" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_vpc.b.main_route_table_id
}
resource "aws_vpc_endpoint_route_table_association" "own" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_vpc.a.main_route_table_id
}`,
			want: []string{"17:21-17:50 Endpoint uses another VPC's route table"},
		},
		"a subnet of for_each in the other VPC": {
			src: subnets + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [for s in aws_subnet.s : s.id]
}`,
			want: []string{"21:23-21:53 Endpoint uses another VPC's subnet"},
		},
		"subnet through subnet_configuration and an association": {
			src: subnets + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.b.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.s["b"].id]
  subnet_configuration {
    subnet_id = aws_subnet.s["a"].id
    ipv4      = "10.0.1.10"
  }
}
resource "aws_vpc_endpoint_subnet_association" "a" {
  vpc_endpoint_id = aws_vpc_endpoint.ssm.id
  subnet_id       = aws_subnet.s["a"].id
}`,
			want: []string{"23:17-23:37 Endpoint uses another VPC's subnet"},
		},
		"security groups: another VPC's, the default VPC's, through an association": {
			src: vpcs + `resource "aws_security_group" "b" {
  vpc_id = aws_vpc.b.id
}
resource "aws_security_group" "nowhere" {
  name = "endpoints"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.a.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.nowhere.id, aws_vpc.a.default_security_group_id]
}
resource "aws_vpc_endpoint_security_group_association" "b" {
  vpc_endpoint_id   = aws_vpc_endpoint.ssm.id
  security_group_id = aws_security_group.b.id
}`,
			want: []string{
				"21:24-21:92 Endpoint uses another VPC's security group",
				"25:23-25:46 Endpoint uses another VPC's security group",
			},
		},
		"VPC IDs written as literals": {
			src: `resource "aws_subnet" "s" {
  vpc_id     = "vpc-0bbbbbbbbbbbbbbbb"
  cidr_block = "10.1.1.0/24"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = "vpc-0aaaaaaaaaaaaaaaa"
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.s.id]
}`,
			want: []string{"9:23-9:40 Endpoint uses another VPC's subnet"},
		},
		"a literal VPC ID and a VPC of the configuration are not compared": {
			src: vpcs + `resource "aws_subnet" "s" {
  vpc_id     = "vpc-0bbbbbbbbbbbbbbbb"
  cidr_block = "10.1.1.0/24"
}
resource "aws_security_group" "sg" {
  vpc_id = "vpc-0bbbbbbbbbbbbbbbb"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.a.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = [aws_subnet.s.id]
  security_group_ids = [aws_security_group.sg.id]
}`,
		},
		"unknown VPCs stay silent": {
			src: vpcs + `variable "vpc_id" {
  type = string
}
resource "aws_subnet" "s" {
  vpc_id     = var.vpc_id
  cidr_block = "10.1.1.0/24"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.s.id, "subnet-0123456789abcdef0"]
}
resource "aws_vpc_endpoint" "other" {
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.s.id]
}`,
		},
	})
}
