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
		"disjoint": {
			src: sprintf(src, "10.1.0.0/16"),
		},
	})
}
