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
		"wider than the VPC block it starts in": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/20"
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/19"
}`,
			want: []string{"6:16-6:29 Invalid subnet CIDR block"},
		},
		"too small, from count": {
			src: vpc + `resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 13 + count.index, 0)
}`,
			want: []string{"11:16-11:62 Invalid subnet CIDR block", "11:16-11:62 Invalid subnet CIDR block"},
		},
		"host bits set, in a VPC given by ID": {
			src: `resource "aws_subnet" "a" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.1/24"
}`,
			want: []string{"3:16-3:29 Invalid subnet CIDR block"},
		},
		"not a CIDR block": {
			src: `resource "aws_subnet" "a" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0"
}`,
			want: []string{"3:16-3:26 Invalid subnet CIDR block"},
		},
		"for_each subnets inside the primary and the secondary block": {
			src: vpc + `resource "aws_subnet" "a" {
  for_each   = toset(["10.0.4.0/24", "10.1.4.0/24", "10.0.255.240/28"])
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}`,
		},
		"edges /16 and /28": {
			src: vpc + `resource "aws_subnet" "all" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/16"
}
resource "aws_subnet" "tiny" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.16/28"
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
		"secondary blocks of unknown for_each stay silent": {
			src: vpc + `variable "blocks" {
  type = set(string)
}
resource "aws_vpc_ipv4_cidr_block_association" "more" {
  for_each   = var.blocks
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/24"
}`,
		},
		"a secondary block with unknown count stays silent": {
			src: vpc + `variable "more" {
  type = number
}
resource "aws_vpc_ipv4_cidr_block_association" "more" {
  count      = var.more
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/24"
}`,
		},
		"an unknown secondary block stays silent": {
			src: `variable "extra" {
  type = string
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.extra
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/24"
}`,
		},
		"unknown subnet block stays silent": {
			src: vpc + `variable "cidr" {
  type = string
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.cidr
}`,
		},
	})
}
