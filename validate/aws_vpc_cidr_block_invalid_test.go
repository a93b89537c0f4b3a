package validate

import "testing"

func TestAWSVPCCIDRBlockInvalid(t *testing.T) {
	runRuleCases(t, awsVPCCIDRBlockInvalid, map[string]ruleCase{
		"too large": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/8"
}`,
			want: []string{"2:16-2:28 Invalid VPC CIDR block"},
		},
		"host bits set": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.1/16"
}`,
			want: []string{"2:16-2:29 Invalid VPC CIDR block"},
		},
		"secondary block, from a variable, too small": {
			src: `variable "extra" {
  default = "10.1.0.0/29"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.extra
}`,
			want: []string{"9:16-9:25 Invalid VPC CIDR block"},
		},
		"for_each instances each checked": {
			src: `resource "aws_vpc" "v" {
  for_each   = toset(["10.0.0.0/16", "10.1.0.0/12"])
  cidr_block = each.value
}`,
			want: []string{"3:16-3:26 Invalid VPC CIDR block"},
		},
		"edges /16 and /28 are valid": {
			src: `resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/28"
}`,
		},
		"unknown value stays silent": {
			src: `variable "cidr" {
  type = string
}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
}`,
		},
	})
}
