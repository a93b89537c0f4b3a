package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// planCostSwap swaps one endpoint subnet association for another: the
// interface endpoint keeps two zones, 2 AZ x $0.01 x 730 h = $14.60 before
// and after, so plan prints no cost line. In eu-west-1, which has no
// interface endpoint price, the same swap says so: the missing prices could
// differ.
const planCostSwap = `exec vpcplan plan -no-color -input=false
stdout '^Monthly endpoint cost: \$0\.00 -> \$14\.60 \(\+\$14\.60\)$'
exec vpcplan apply -no-color -auto-approve -input=false
exec vpcplan plan -no-color -input=false -var 'associated=["a","c"]'
stdout '^Plan: 1 to add, 0 to change, 1 to destroy\.$'
! stdout 'Monthly endpoint cost'
exec vpcplan plan -no-color -input=false -var 'associated=["a","b","c"]'
stdout '^Monthly endpoint cost: \$14\.60 -> \$21\.90 \(\+\$7\.30\)$'

exec vpcplan apply -no-color -auto-approve -input=false -state=west.tfstate -var region=eu-west-1
exec vpcplan plan -no-color -input=false -state=west.tfstate -var region=eu-west-1 -var 'associated=["a","c"]'
stdout '^Plan: 1 to add, 0 to change, 1 to destroy\.$'
stdout '^Monthly endpoint cost: no price data for eu-west-1$'

-- main.hcl --
provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}
variable "region" {
  type    = string
  default = "us-east-1"
}
variable "associated" {
  type    = set(string)
  default = ["a", "b"]
}
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}
resource "aws_subnet" "private" {
  for_each          = { a = 0, b = 1, c = 2 }
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, each.value)
  availability_zone = "${var.region}${each.key}"
}
resource "aws_security_group" "https" {
  name        = "endpoints"
  description = "HTTPS to the endpoints"
  vpc_id      = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.sts"
  vpc_endpoint_type   = "Interface"
  security_group_ids  = [aws_security_group.https.id]
  private_dns_enabled = true
}
resource "aws_vpc_endpoint_subnet_association" "sts" {
  for_each        = var.associated
  vpc_endpoint_id = aws_vpc_endpoint.sts.id
  subnet_id       = aws_subnet.private[each.key].id
}
`

// TestPlanCostSwapAssociation runs planCostSwap as a CLI script.
func TestPlanCostSwapAssociation(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plan_cost_swap_association.txtar"), []byte(planCostSwap), 0o644); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			return nil
		},
	})
}
