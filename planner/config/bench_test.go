package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/vpcplan/vpcplan/schema"
)

// writeExpanded writes shape (a): about instances resource instances,
// expanded from count and for_each over variables and locals, 100 per
// block, as large real configurations are written. Each group is a VPC
// with 100 subnets, 100 route tables and 100 interface endpoints linked
// to them.
func writeExpanded(tb testing.TB, dir string, instances int) int {
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
	writeFile(tb, filepath.Join(dir, "main.tf"), sb.String())
	return groups * 301
}

// writeBlocks writes shape (b): n instances, each its own block: pairs
// of a VPC and a subnet inside it.
func writeBlocks(tb testing.TB, dir string, n int) {
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
	writeFile(tb, filepath.Join(dir, "main.tf"), sb.String())
}

func writeFile(tb testing.TB, path, src string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func benchValidate(b *testing.B, dir string, instances int) {
	catalog := schema.NewCatalog()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := NewLoader(catalog)
		cfg, diags := l.Load([]string{dir})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		m, diags := l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		if len(m.Instances) < instances {
			b.Fatalf("got %d instances, want %d", len(m.Instances), instances)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instances), "ns/instance")
}

func BenchmarkValidateExpanded10k(b *testing.B)  { benchExpanded(b, 10_000) }
func BenchmarkValidateExpanded100k(b *testing.B) { benchExpanded(b, 100_000) }

func benchExpanded(b *testing.B, n int) {
	dir := b.TempDir()
	got := writeExpanded(b, dir, n)
	benchValidate(b, dir, got)
}

func BenchmarkValidateBlocks10k(b *testing.B) {
	dir := b.TempDir()
	writeBlocks(b, dir, 10_000)
	benchValidate(b, dir, 10_000)
}

// BenchmarkParseBlocks10k is the floor for shape (b): hclparse alone on
// the same files.
func BenchmarkParseBlocks10k(b *testing.B) {
	dir := b.TempDir()
	writeBlocks(b, dir, 10_000)
	src, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := hclparse.NewParser()
		if _, diags := p.ParseHCL(src, "main.tf"); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/instance")
}
