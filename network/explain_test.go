package network

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// load loads and evaluates the files (name -> content) or paths given.
func load(t *testing.T, paths ...string) *config.Model {
	t.Helper()
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load(paths)
	if diags.HasErrors() {
		t.Fatalf("configuration does not load: %s", diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		t.Fatalf("configuration does not evaluate: %s", diags.Error())
	}
	return m
}

// loadFiles writes the files to a temporary directory and loads it.
func loadFiles(t *testing.T, files map[string]string) *config.Model {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return load(t, dir)
}

// lines renders paths compactly: "FROM SERVICE VERDICT: HOP -> HOP", then
// "AP VERDICT" for access points and "! ADDR: DETAIL" for problems.
func lines(r *Report) []string {
	var out []string
	for _, p := range r.Paths {
		var hops []string
		for _, h := range p.Hops {
			hops = append(hops, h.Addr)
		}
		out = append(out, fmt.Sprintf("%s %s %s: %s", p.From, p.Service, p.Verdict, strings.Join(hops, " -> ")))
	}
	for _, a := range r.AccessPoints {
		out = append(out, fmt.Sprintf("%s %s", a.AccessPoint, a.Verdict))
	}
	for _, pr := range r.Problems {
		out = append(out, fmt.Sprintf("! %s: %s", pr.Addr, pr.Detail))
	}
	return out
}

// TestExplainExamples checks the paths of every example against what the
// example's comments say, worked out by hand from its route tables.
func TestExplainExamples(t *testing.T) {
	tests := map[string][]string{
		// Two VPCs. The appliance subnets have no route table association,
		// so they use the main route table, which the example does not
		// declare (local route only). The application subnets' default
		// route goes to the GWLB endpoint of their zone; inspected traffic
		// leaves the endpoint subnets through aws_route_table.endpoint,
		// whose default route is the internet gateway. No S3 or DynamoDB
		// endpoint: every path is public.
		"gwlb_inspection.hcl": {
			`aws_subnet.appliance["us-west-2a"] dynamodb none: main route table of aws_vpc.inspection`,
			`aws_subnet.appliance["us-west-2a"] s3 none: main route table of aws_vpc.inspection`,
			`aws_subnet.appliance["us-west-2b"] dynamodb none: main route table of aws_vpc.inspection`,
			`aws_subnet.appliance["us-west-2b"] s3 none: main route table of aws_vpc.inspection`,
			`aws_subnet.application["us-west-2a"] dynamodb internet-gateway: aws_route_table.application["us-west-2a"] -> aws_vpc_endpoint.inspection["us-west-2a"] -> aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.application["us-west-2a"] s3 internet-gateway: aws_route_table.application["us-west-2a"] -> aws_vpc_endpoint.inspection["us-west-2a"] -> aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.application["us-west-2b"] dynamodb internet-gateway: aws_route_table.application["us-west-2b"] -> aws_vpc_endpoint.inspection["us-west-2b"] -> aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.application["us-west-2b"] s3 internet-gateway: aws_route_table.application["us-west-2b"] -> aws_vpc_endpoint.inspection["us-west-2b"] -> aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.endpoint["us-west-2a"] dynamodb internet-gateway: aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.endpoint["us-west-2a"] s3 internet-gateway: aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.endpoint["us-west-2b"] dynamodb internet-gateway: aws_route_table.endpoint -> aws_internet_gateway.workload`,
			`aws_subnet.endpoint["us-west-2b"] s3 internet-gateway: aws_route_table.endpoint -> aws_internet_gateway.workload`,
		},
		// No VPC at all.
		"mrap_cross_account_replication.hcl": nil,
		"object_lambda_watermark.hcl":        nil,
		// Each zone's route table is associated with the S3 gateway
		// endpoint; no default route, so DynamoDB has no path.
		"s3_gateway_endpoint.hcl": {
			`aws_subnet.private["eu-west-1a"] dynamodb none: aws_route_table.private["eu-west-1a"]`,
			`aws_subnet.private["eu-west-1a"] s3 gateway-endpoint: aws_route_table.private["eu-west-1a"] -> aws_vpc_endpoint.s3`,
			`aws_subnet.private["eu-west-1b"] dynamodb none: aws_route_table.private["eu-west-1b"]`,
			`aws_subnet.private["eu-west-1b"] s3 gateway-endpoint: aws_route_table.private["eu-west-1b"] -> aws_vpc_endpoint.s3`,
			`aws_subnet.private["eu-west-1c"] dynamodb none: aws_route_table.private["eu-west-1c"]`,
			`aws_subnet.private["eu-west-1c"] s3 gateway-endpoint: aws_route_table.private["eu-west-1c"] -> aws_vpc_endpoint.s3`,
		},
		// Inbound-only private DNS: in-VPC S3 traffic keeps the gateway
		// endpoint; on premises (through the INBOUND Resolver endpoint)
		// resolves S3 to the interface endpoint.
		"s3_onprem_private_dns.hcl": {
			`aws_subnet.private["eu-central-1a"] dynamodb none: aws_route_table.private`,
			`aws_subnet.private["eu-central-1a"] s3 gateway-endpoint: aws_route_table.private -> aws_vpc_endpoint.s3_gateway`,
			`aws_subnet.private["eu-central-1b"] dynamodb none: aws_route_table.private`,
			`aws_subnet.private["eu-central-1b"] s3 gateway-endpoint: aws_route_table.private -> aws_vpc_endpoint.s3_gateway`,
			`on-premises dynamodb none: `,
			`on-premises s3 interface-endpoint: aws_route53_resolver_endpoint.inbound -> aws_vpc_endpoint.s3_interface`,
		},
		// Three interface endpoints with private DNS; the subnets have no
		// route table association and the main route table is not
		// declared, so S3 and DynamoDB have no path.
		"ssm_interface_endpoints.hcl": {
			`aws_subnet.private[0] dynamodb none: main route table of aws_vpc.main`,
			`aws_subnet.private[0] ec2messages interface-endpoint: ec2messages default name -> aws_vpc_endpoint.ssm["ec2messages"]`,
			`aws_subnet.private[0] s3 none: main route table of aws_vpc.main`,
			`aws_subnet.private[0] ssm interface-endpoint: ssm default name -> aws_vpc_endpoint.ssm["ssm"]`,
			`aws_subnet.private[0] ssmmessages interface-endpoint: ssmmessages default name -> aws_vpc_endpoint.ssm["ssmmessages"]`,
			`aws_subnet.private[1] dynamodb none: main route table of aws_vpc.main`,
			`aws_subnet.private[1] ec2messages interface-endpoint: ec2messages default name -> aws_vpc_endpoint.ssm["ec2messages"]`,
			`aws_subnet.private[1] s3 none: main route table of aws_vpc.main`,
			`aws_subnet.private[1] ssm interface-endpoint: ssm default name -> aws_vpc_endpoint.ssm["ssm"]`,
			`aws_subnet.private[1] ssmmessages interface-endpoint: ssmmessages default name -> aws_vpc_endpoint.ssm["ssmmessages"]`,
			`aws_subnet.private[2] dynamodb none: main route table of aws_vpc.main`,
			`aws_subnet.private[2] ec2messages interface-endpoint: ec2messages default name -> aws_vpc_endpoint.ssm["ec2messages"]`,
			`aws_subnet.private[2] s3 none: main route table of aws_vpc.main`,
			`aws_subnet.private[2] ssm interface-endpoint: ssm default name -> aws_vpc_endpoint.ssm["ssm"]`,
			`aws_subnet.private[2] ssmmessages interface-endpoint: ssmmessages default name -> aws_vpc_endpoint.ssm["ssmmessages"]`,
		},
		// The access point's VPC has an S3 gateway endpoint whose policy
		// allows the access point and the bucket.
		"vpc_access_point.hcl": {
			`aws_subnet.analytics[0] dynamodb none: aws_route_table.analytics`,
			`aws_subnet.analytics[0] s3 gateway-endpoint: aws_route_table.analytics -> aws_vpc_endpoint.s3`,
			`aws_subnet.analytics[1] dynamodb none: aws_route_table.analytics`,
			`aws_subnet.analytics[1] s3 gateway-endpoint: aws_route_table.analytics -> aws_vpc_endpoint.s3`,
			`aws_s3_access_point.analytics reachable`,
		},
	}
	examples, _ := filepath.Glob("../examples/*.hcl")
	if len(examples) != len(tests) {
		t.Errorf("%d examples, %d expectations: every example needs one", len(examples), len(tests))
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			m := load(t, filepath.Join("..", "examples", name))
			got := lines(Explain(m, schema.NewServiceCatalog(), Options{}))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Explain() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

const base = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "a" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.a.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
`

func TestExplainCases(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		opts  Options
		want  []string
	}{
		"NAT gateway is a public path, and a gateway endpoint on another table is not used": {
			files: map[string]string{"main.hcl": base + `
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.a.id
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n.id
  }
}
resource "aws_route_table" "other" {
  vpc_id = aws_vpc.a.id
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.private.id
}
resource "aws_vpc_endpoint" "ddb" {
  vpc_id          = aws_vpc.a.id
  service_name    = "com.amazonaws.us-east-1.dynamodb"
  route_table_ids = [aws_route_table.other.id]
}
`},
			want: []string{
				"aws_subnet.a dynamodb nat-gateway: aws_route_table.private -> aws_nat_gateway.n",
				"aws_subnet.a s3 nat-gateway: aws_route_table.private -> aws_nat_gateway.n",
			},
		},
		"interface endpoint with full private DNS takes in-VPC S3 traffic": {
			opts: Options{Service: "s3"},
			files: map[string]string{"main.hcl": base + `
resource "aws_vpc_endpoint" "gw" {
  vpc_id       = aws_vpc.a.id
  service_name = "com.amazonaws.us-east-1.s3"
}
resource "aws_vpc_endpoint" "if" {
  vpc_id              = aws_vpc.a.id
  service_name        = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = false
  }
}
`},
			want: []string{"aws_subnet.a s3 interface-endpoint: s3 default name -> aws_vpc_endpoint.if"},
		},
		"a route table naming a GWLB endpoint of another VPC": {
			opts: Options{Service: "s3"},
			files: map[string]string{"main.hcl": base + `
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.b.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_vpc_endpoint" "gwlb" {
  vpc_id            = aws_vpc.b.id
  service_name      = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.b.id]
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_route" "default" {
  route_table_id         = aws_route_table.a.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = aws_vpc_endpoint.gwlb.id
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.a.id
}
`},
			want: []string{
				"aws_subnet.a s3 none: aws_route_table.a",
				"aws_subnet.b s3 none: main route table of aws_vpc.b",
				"! aws_route.default: the default route of aws_route_table.a names aws_vpc_endpoint.gwlb, an endpoint of aws_vpc.b: AWS accepts only endpoints of the route table's VPC",
			},
		},
		"module instances keep their module addresses": {
			opts: Options{Service: "s3"},
			files: map[string]string{
				"main.hcl": `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
module "net" {
  source = "./net"
}
`,
				"net/main.tf": `resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.this.id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_main_route_table_association" "m" {
  vpc_id         = aws_vpc.this.id
  route_table_id = aws_route_table.public.id
}
`,
			},
			want: []string{"module.net.aws_subnet.a s3 internet-gateway: module.net.aws_route_table.public -> module.net.aws_internet_gateway.igw"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := loadFiles(t, tc.files)
			got := lines(Explain(m, schema.NewServiceCatalog(), tc.opts))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Explain() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExplainVPCBlocks(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": base + `
resource "aws_vpc_ipv4_cidr_block_association" "more" {
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.1.0.0/16"
}
variable "cidr" {
  type = string
}
resource "aws_vpc" "b" {
  cidr_block = var.cidr
}
`})
	got := Explain(m, schema.NewServiceCatalog(), Options{}).VPCs
	// aws_vpc.a: its block, then the association's; aws_vpc.b's block is
	// not known, so none is shown.
	want := []VPC{{Addr: "aws_vpc.a", Blocks: []string{"10.0.0.0/16", "10.1.0.0/16"}}, {Addr: "aws_vpc.b"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Explain().VPCs mismatch (-want +got):\n%s", diff)
	}
}
