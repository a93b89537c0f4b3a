package validate

import "testing"

func TestAWSSubnetCIDRBlockInvalid(t *testing.T) {
	const vpc = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/16"
}
`
	runRuleCases(t, awsSubnetCIDRBlockInvalid, map[string]ruleCase{
		"outside the VPC": {
			src: vpc + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/24"
}`,
			want: []string{"10:16-10:29 Invalid subnet CIDR block"},
		},
		"too small, from count": {
			src: vpc + `resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 13 + count.index, 0)
}`,
			want: []string{"11:16-11:62 Invalid subnet CIDR block", "11:16-11:62 Invalid subnet CIDR block"},
		},
		"inside the secondary block": {
			src: vpc + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.4.0/24"
}`,
		},
		"VPC unknown stays silent": {
			src: `variable "vpc_id" {
  type = string
}
resource "aws_subnet" "a" {
  vpc_id     = var.vpc_id
  cidr_block = "10.9.0.0/24"
}`,
		},
	})
}
