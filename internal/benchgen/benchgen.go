// Package benchgen writes the generated configurations the benchmarks
// load: the shapes the performance targets are stated for.
package benchgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Expanded writes shape (a) into dir/main.tf and returns the number of
// instances it expands to: about instances resource instances,
// expanded from count and for_each over variables and locals, 100 per
// block, as large real configurations are written. Each group is a VPC
// with 100 subnets, 100 route tables and 100 interface endpoints linked
// to them.
func Expanded(dir string, instances int) (int, error) {
	var sb strings.Builder
	sb.WriteString(`provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "per_block" {
  type    = number
  default = 100
}

locals {
  keys = toset([for i in range(var.per_block) : format("k%03d", i)])
  azs  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
`)
	groups := instances / 301
	if groups < 1 {
		groups = 1
	}
	for g := 0; g < groups; g++ {
		fmt.Fprintf(&sb, `
resource "aws_vpc" "v%[1]d" {
  cidr_block           = "10.%[2]d.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "s%[1]d" {
  count             = var.per_block
  vpc_id            = aws_vpc.v%[1]d.id
  cidr_block        = cidrsubnet(aws_vpc.v%[1]d.cidr_block, 8, count.index)
  availability_zone = local.azs[count.index %% length(local.azs)]
  tags = {
    Name = "subnet-${count.index}"
  }
}

resource "aws_route_table" "rt%[1]d" {
  for_each = local.keys
  vpc_id   = aws_vpc.v%[1]d.id
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_endpoint" "e%[1]d" {
  for_each            = local.keys
  vpc_id              = aws_vpc.v%[1]d.id
  service_name        = "com.amazonaws.${var.region}.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
  subnet_ids          = [aws_subnet.s%[1]d[tonumber(substr(each.key, 1, 3))].id]
}
`, g, g%256)
	}
	return groups * 301, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(sb.String()), 0o644)
}

// Blocks writes shape (b): n instances, each its own block: pairs
// of a VPC and a subnet inside it.
func Blocks(dir string, n int) error {
	var sb strings.Builder
	sb.WriteString(`provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
`)
	for i := 0; i < n/2; i++ {
		fmt.Fprintf(&sb, `
resource "aws_vpc" "v%[1]d" {
  cidr_block = "10.%[2]d.%[3]d.0/24"
}

resource "aws_subnet" "s%[1]d" {
  vpc_id            = aws_vpc.v%[1]d.id
  cidr_block        = "10.%[2]d.%[3]d.0/25"
  availability_zone = "eu-west-1a"
}
`, i, i/256, i%256)
	}
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(sb.String()), 0o644)
}

// Modules writes shape (c) into dir: one local module called n times
// through for_each, each instance a VPC with 3 subnets, a route table and
// an interface endpoint in them, whose outputs feed a root gateway
// endpoint per instance. It returns the number of resource instances.
func Modules(dir string, n int) (int, error) {
	root := fmt.Sprintf(`provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

locals {
  nets = { for i in range(%d) : format("n%%04d", i) => i }
}

module "net" {
  source   = "./modules/net"
  for_each = local.nets

  cidr = cidrsubnet("10.0.0.0/8", 8, each.value %% 256)
  name = each.key
}

resource "aws_vpc_endpoint" "s3" {
  for_each          = module.net
  vpc_id            = each.value.vpc_id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [each.value.route_table_id]
}
`, n)
	module := `variable "cidr" {
  type = string
}

variable "name" {
  type = string
}

locals {
  azs = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = var.name
  }
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)
  availability_zone = local.azs[count.index]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "route_table_id" {
  value = aws_route_table.private.id
}
`
	if err := os.MkdirAll(filepath.Join(dir, "modules", "net"), 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "modules", "net", "main.tf"), []byte(module), 0o644); err != nil {
		return 0, err
	}
	return n * 7, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(root), 0o644)
}
