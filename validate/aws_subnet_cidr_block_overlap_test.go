package validate

import "testing"

func TestAWSSubnetCIDRBlockOverlap(t *testing.T) {
	const vpc = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "other" {
  cidr_block = "10.0.0.0/16"
}
`
	runRuleCases(t, awsSubnetCIDRBlockOverlap, map[string]ruleCase{
		"a /24 inside a /20": {
			src: vpc + `resource "aws_subnet" "wide" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/20"
}
resource "aws_subnet" "narrow" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.4.0/24"
}`,
			want: []string{"9:16-9:29 Overlapping subnet CIDR blocks"},
		},
		"a /20 holding two /24s is reported once": {
			src: vpc + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_subnet" "z" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/20"
}`,
			want: []string{"17:16-17:29 Overlapping subnet CIDR blocks"},
		},
		"count with the same block twice": {
			src: vpc + `resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}`,
			want: []string{"10:16-10:29 Overlapping subnet CIDR blocks"},
		},
		"for_each VPCs, each with two overlapping subnets": {
			src: `resource "aws_vpc" "v" {
  for_each   = toset(["a", "b"])
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "x" {
  for_each   = aws_vpc.v
  vpc_id     = each.value.id
  cidr_block = "10.0.0.0/24"
}
resource "aws_subnet" "y" {
  for_each   = aws_vpc.v
  vpc_id     = each.value.id
  cidr_block = "10.0.0.0/25"
}`,
			want: []string{"13:16-13:29 Overlapping subnet CIDR blocks", "13:16-13:29 Overlapping subnet CIDR blocks"},
		},
		"the same VPC ID written twice": {
			src: `resource "aws_subnet" "a" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.128/25"
}`,
			want: []string{"7:16-7:31 Overlapping subnet CIDR blocks"},
		},
		"same blocks in different VPCs": {
			src: vpc + `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.other.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "c" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}`,
		},
		"adjacent blocks": {
			src: vpc + `resource "aws_subnet" "a" {
  for_each   = toset(["0", "1", "2"])
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, tonumber(each.key))
}`,
		},
		"unknown VPC or block stays silent": {
			src: vpc + `variable "vpc_id" {
  type = string
}
variable "cidr" {
  type = string
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = var.vpc_id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "c" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.cidr
}`,
		},
	})
}
