package validate

import "testing"

func TestAWSVPCCIDRBlockOverlap(t *testing.T) {
	const src = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.main.id
  cidr_block = %q
}`
	runRuleCases(t, awsVPCCIDRBlockOverlap, map[string]ruleCase{
		"inside the primary": {
			src:  sprintf(src, "10.0.128.0/17"),
			want: []string{"6:16-6:31 Overlapping VPC CIDR blocks"},
		},
		"containing the primary": {
			src:  sprintf(src, "10.0.0.0/15"),
			want: []string{"6:16-6:29 Overlapping VPC CIDR blocks"},
		},
		"disjoint": {
			src: sprintf(src, "10.1.0.0/16"),
		},
		"adjacent": {
			src: sprintf(src, "10.1.0.0/16") + `
resource "aws_vpc_ipv4_cidr_block_association" "more" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.0.0/16"
}`,
		},
		"count adds the same block twice": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/16"
}`,
			want: []string{"7:16-7:29 Overlapping VPC CIDR blocks"},
		},
		"for_each blocks, one overlapping another secondary": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  for_each   = toset(["10.1.0.0/16", "10.2.0.0/16", "10.2.4.0/24"])
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}`,
			want: []string{"7:16-7:26 Overlapping VPC CIDR blocks"},
		},
		"same block in another VPC": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.other.id
  cidr_block = "10.0.0.0/16"
}`,
		},
		"primary from IPAM, secondaries disjoint": {
			src: `variable "pool" {
  type = string
}
resource "aws_vpc" "main" {
  ipv4_ipam_pool_id   = var.pool
  ipv4_netmask_length = 16
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/8", 8, count.index + 1)
}`,
		},
		"unknown block stays silent": {
			src: `variable "extra" {
  type = string
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_ipv4_cidr_block_association" "extra" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.extra
}`,
		},
	})
}
