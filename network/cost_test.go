package network

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// costLines renders a cost compactly: "ADDR KIND UNITS MONTHLY|NOTE".
func costLines(c Cost) []string {
	var out []string
	for _, l := range c.Lines {
		v := l.Note
		if l.Priced && l.Kind != KindGateway {
			v = Dollars(l.MonthlyUSD)
		}
		out = append(out, l.Addr+" "+string(l.Kind)+" "+units(l.Item)+" "+v)
	}
	return append(out, "total "+Dollars(c.MonthlyUSD)+" complete="+map[bool]string{true: "yes", false: "no"}[c.Complete]+" unpriced="+strings.Join(c.Unpriced, ","))
}

// TestFixedCostExamples prices every example with the embedded table; the
// arithmetic is written beside each figure.
func TestFixedCostExamples(t *testing.T) {
	tests := map[string][]string{
		// One GWLB endpoint per zone in us-west-2: the table has no GWLB
		// or us-west-2 prices.
		"gwlb_inspection.hcl": {
			`aws_vpc_endpoint.inspection["us-west-2a"] GWLB endpoint 1 no price data for us-west-2`,
			`aws_vpc_endpoint.inspection["us-west-2b"] GWLB endpoint 1 no price data for us-west-2`,
			"total $0.00 complete=no unpriced=us-west-2",
		},
		"mrap_cross_account_replication.hcl": {"total $0.00 complete=yes unpriced="},
		"object_lambda_watermark.hcl":        {"total $0.00 complete=yes unpriced="},
		// A gateway endpoint is free, whatever the Region.
		"s3_gateway_endpoint.hcl": {
			"aws_vpc_endpoint.s3 gateway endpoint 1 gateway endpoints are free",
			"total $0.00 complete=yes unpriced=",
		},
		// eu-central-1 has no prices in the table: say so, add nothing.
		"s3_onprem_private_dns.hcl": {
			"aws_route53_resolver_endpoint.inbound Resolver endpoint 2 IP no price data for eu-central-1",
			"aws_vpc_endpoint.s3_gateway gateway endpoint 1 gateway endpoints are free",
			"aws_vpc_endpoint.s3_interface interface endpoint 2 AZ no price data for eu-central-1",
			"total $0.00 complete=no unpriced=eu-central-1",
		},
		// us-east-1, three interface endpoints in three zones each:
		// 3 AZ x $0.01 x 730 h = $21.90 each; 3 x $21.90 = $65.70.
		"ssm_interface_endpoints.hcl": {
			`aws_vpc_endpoint.ssm["ec2messages"] interface endpoint 3 AZ $21.90`,
			`aws_vpc_endpoint.ssm["ssm"] interface endpoint 3 AZ $21.90`,
			`aws_vpc_endpoint.ssm["ssmmessages"] interface endpoint 3 AZ $21.90`,
			"total $65.70 complete=yes unpriced=",
		},
		"vpc_access_point.hcl": {
			"aws_vpc_endpoint.s3 gateway endpoint 1 gateway endpoints are free",
			"total $0.00 complete=yes unpriced=",
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			m := load(t, filepath.Join("..", "examples", name))
			got := costLines(FixedCost(ItemsFromModel(m), DefaultPrices()))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFixedCostUSEast1(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": base + `
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.a.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.a.id
  service_name        = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.a.id
  }
  ip_address {
    subnet_id = aws_subnet.b.id
  }
}
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.a.id
}
`})
	got := costLines(FixedCost(ItemsFromModel(m), DefaultPrices()))
	want := []string{
		// 1 NAT gateway x $0.045 x 730 h = $32.85.
		"aws_nat_gateway.n NAT gateway 1 $32.85",
		// 2 IPs x $0.125 x 730 h = $182.50.
		"aws_route53_resolver_endpoint.in Resolver endpoint 2 IP $182.50",
		// 2 AZ x $0.01 x 730 h = $14.60.
		"aws_vpc_endpoint.s3 interface endpoint 2 AZ $14.60",
		// $32.85 + $182.50 + $14.60 = $229.95.
		"total $229.95 complete=yes unpriced=",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := WriteCost(&buf, FixedCost(ItemsFromModel(m), DefaultPrices())); err != nil {
		t.Fatal(err)
	}
	wantText := `RESOURCE                          KIND                REGION     UNITS  PER UNIT-HOUR  MONTHLY
aws_nat_gateway.n                 NAT gateway         us-east-1  1      $0.045         $32.85
aws_route53_resolver_endpoint.in  Resolver endpoint   us-east-1  2 IP   $0.125         $182.50
aws_vpc_endpoint.s3               interface endpoint  us-east-1  2 AZ   $0.01          $14.60
  us-east-1a                                                     1 AZ   $0.01          $7.30
  us-east-1b                                                     1 AZ   $0.01          $7.30
Monthly endpoint cost: $229.95
(730 hours a month; data processing charges depend on traffic and are not included)
`
	if diff := cmp.Diff(wantText, buf.String()); diff != "" {
		t.Errorf("WriteCost() mismatch (-want +got):\n%s", diff)
	}
}

func TestItemFromValue(t *testing.T) {
	addr := schema.InstanceAddr{Resource: schema.Addr{Mode: schema.ManagedMode, Type: schema.TypeVPCEndpoint, Name: "e"}}
	v := cty.ObjectVal(map[string]cty.Value{
		"vpc_endpoint_type": cty.StringVal("Interface"),
		"subnet_ids":        cty.SetVal([]cty.Value{cty.StringVal("subnet-1"), cty.StringVal("subnet-2"), cty.StringVal("subnet-3")}),
		"region":            cty.StringVal("us-east-1"),
	})
	it, ok := ItemFromValue(addr, v, "")
	if !ok || it.Kind != KindInterface || it.Units != 3 || it.Region != "us-east-1" {
		t.Errorf("ItemFromValue() = %+v, %v; want an interface endpoint of 3 AZ in us-east-1", it, ok)
	}
	// 3 AZ x $0.01 x 730 h = $21.90.
	if got := Dollars(FixedCost([]Item{it}, DefaultPrices()).MonthlyUSD); got != "$21.90" {
		t.Errorf("monthly cost %s, want $21.90", got)
	}
}

func TestDollars(t *testing.T) {
	for in, want := range map[float64]string{0: "$0.00", 21.9: "$21.90", 1234.565: "$1,234.57", -21.9: "-$21.90", 1e6: "$1,000,000.00"} {
		if got := Dollars(in); got != want {
			t.Errorf("Dollars(%v) = %s, want %s", in, got, want)
		}
	}
}

// TestPriceTableSources: every figure of the price table names where it
// comes from (an https URL), the date that source states (YYYY-MM-DD) and
// how it was read (a note; for a copy of AWS Price List data kept in a
// repository, the Price List SKU or usage type), and is a positive amount;
// tiers rise in UpToGB with only the last one unbounded.
func TestPriceTableSources(t *testing.T) {
	date := regexp.MustCompile(`^20[0-9]{2}-[01][0-9]-[0-3][0-9]$`)
	check := func(where string, p *Price) {
		if p == nil {
			return
		}
		if p.USD <= 0 {
			t.Errorf("%s: price %g, want a positive amount", where, p.USD)
		}
		if !strings.HasPrefix(p.Source.URL, "https://") {
			t.Errorf("%s: source URL %q, want an https URL", where, p.Source.URL)
		}
		if !date.MatchString(p.Source.Date) {
			t.Errorf("%s: source date %q, want YYYY-MM-DD", where, p.Source.Date)
		}
		switch {
		case p.Source.Note == "":
			t.Errorf("%s: source %s has no note saying how the figure was read", where, p.Source.URL)
		case strings.HasPrefix(p.Source.URL, "https://github.com/") &&
			!(strings.Contains(p.Source.Note, "AWS Price List") && (strings.Contains(p.Source.Note, "SKU") || strings.Contains(p.Source.Note, "usage type"))):
			t.Errorf("%s: note %q of a repository copy, want the AWS Price List SKU or usage type it holds", where, p.Source.Note)
		}
	}
	prices := DefaultPrices()
	if len(prices) == 0 {
		t.Fatal("the price table is empty")
	}
	for region, rp := range prices {
		check(region+" interface hour", rp.InterfaceEndpointHour)
		check(region+" GWLB hour", rp.GWLBEndpointHour)
		check(region+" GWLB GB", rp.GWLBGB)
		check(region+" Resolver IP hour", rp.ResolverIPHour)
		check(region+" NAT hour", rp.NATHour)
		check(region+" NAT GB", rp.NATGB)
		prev := 0.0
		for i, tier := range rp.InterfaceGB {
			check(fmt.Sprintf("%s interface GB tier %d", region, i), &tier.Price)
			last := i == len(rp.InterfaceGB)-1
			switch {
			case last && tier.UpToGB != 0:
				t.Errorf("%s interface GB tier %d: bound %g, want the last tier unbounded (0)", region, i, tier.UpToGB)
			case !last && tier.UpToGB <= prev:
				t.Errorf("%s interface GB tier %d: bound %g, want more than %g", region, i, tier.UpToGB, prev)
			}
			prev = tier.UpToGB
		}
	}
}

// gwlbBase is a us-east-1 VPC whose application subnet (us-east-1a) sends
// its default route through a Gateway Load Balancer endpoint in a subnet of
// its own (us-east-1b), whose default route is a NAT gateway.
const gwlbBase = base + `
resource "aws_subnet" "inspect" {
  vpc_id            = aws_vpc.a.id
  cidr_block        = "10.0.9.0/28"
  availability_zone = "us-east-1b"
}
resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.inspect.id]
}
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.inspect.id
}
resource "aws_route_table" "app" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  }
}
resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.app.id
}
resource "aws_route_table" "inspect" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n.id
  }
}
resource "aws_route_table_association" "inspect" {
  subnet_id      = aws_subnet.inspect.id
  route_table_id = aws_route_table.inspect.id
}
`

// TestFixedCostGWLBEndpoint: a GWLB endpoint is in one Availability Zone,
// so it is billed as one unit whatever its subnets, at the us-east-1 hour
// of the price table.
func TestFixedCostGWLBEndpoint(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": gwlbBase})
	got := costLines(FixedCost(ItemsFromModel(m), DefaultPrices()))
	want := []string{
		// 1 NAT gateway x $0.045 x 730 h = $32.85.
		"aws_nat_gateway.n NAT gateway 1 $32.85",
		// 1 endpoint x $0.01 x 730 h = $7.30.
		"aws_vpc_endpoint.inspect GWLB endpoint 1 $7.30",
		// $32.85 + $7.30 = $40.15.
		"total $40.15 complete=yes unpriced=",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
	}

	// Two endpoints of a plan's values, in us-east-1 and in us-west-2:
	// 1 endpoint x $0.01 x 730 h = $7.30 in us-east-1; us-west-2 has no
	// GWLB endpoint price, so the total is a lower bound.
	addr := func(name string) schema.InstanceAddr {
		return schema.InstanceAddr{Resource: schema.Addr{Mode: schema.ManagedMode, Type: schema.TypeVPCEndpoint, Name: name}}
	}
	var items []Item
	for name, region := range map[string]string{"east": "us-east-1", "west": "us-west-2"} {
		v := cty.ObjectVal(map[string]cty.Value{
			"vpc_endpoint_type": cty.StringVal("GatewayLoadBalancer"),
			"subnet_ids":        cty.SetVal([]cty.Value{cty.StringVal("subnet-1")}),
			"region":            cty.StringVal(region),
		})
		it, ok := ItemFromValue(addr(name), v, "")
		if !ok {
			t.Fatalf("ItemFromValue(%s) = false, want a GWLB endpoint", name)
		}
		items = append(items, it)
	}
	got = costLines(FixedCost(items, DefaultPrices()))
	want = []string{
		"aws_vpc_endpoint.east GWLB endpoint 1 $7.30",
		"aws_vpc_endpoint.west GWLB endpoint 1 no price data for us-west-2",
		"total $7.30 complete=no unpriced=us-west-2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() of values mismatch (-want +got):\n%s", diff)
	}
}

// TestFixedCostEndpointTypeFromService: an endpoint whose
// vpc_endpoint_type is its service's service_type (unknown until apply,
// here passed into a module) is billed as the type the service's load
// balancers decide; an endpoint whose service has unknown load balancers
// is left out, as an unknown type is.
func TestFixedCostEndpointTypeFromService(t *testing.T) {
	m := loadFiles(t, map[string]string{
		"main.tf": `provider "aws" {
  region = "us-east-1"
}
variable "nlbs" {
  type = list(string)
}
resource "aws_lb" "appliances" {
  load_balancer_type = "gateway"
  subnets            = ["subnet-0123456789abcdef0"]
}
resource "aws_vpc_endpoint_service" "gwlb" {
  acceptance_required        = false
  gateway_load_balancer_arns = [aws_lb.appliances.arn]
}
resource "aws_vpc_endpoint_service" "nlb" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/app/0123456789abcdef"]
}
resource "aws_vpc_endpoint_service" "unknown" {
  acceptance_required        = false
  network_load_balancer_arns = var.nlbs
}
module "spoke" {
  source = "./spoke"
  services = {
    gwlb    = aws_vpc_endpoint_service.gwlb
    nlb     = aws_vpc_endpoint_service.nlb
    unknown = aws_vpc_endpoint_service.unknown
  }
}
`,
		"spoke/main.tf": `variable "services" {}
resource "aws_vpc_endpoint" "e" {
  for_each          = var.services
  vpc_id            = "vpc-0123456789abcdef0"
  service_name      = each.value.service_name
  vpc_endpoint_type = each.value.service_type
  subnet_ids        = ["subnet-0123456789abcdef0"]
}
`,
	})
	got := costLines(FixedCost(ItemsFromModel(m), DefaultPrices()))
	want := []string{
		// 1 endpoint x $0.01 x 730 h = $7.30 each.
		`module.spoke.aws_vpc_endpoint.e["gwlb"] GWLB endpoint 1 $7.30`,
		`module.spoke.aws_vpc_endpoint.e["nlb"] interface endpoint 1 AZ $7.30`,
		"total $14.60 complete=yes unpriced=",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
	}
}

// TestFixedCostPartialRegion: eu-west-1 has a NAT gateway hour in the
// table and nothing else, so its NAT gateway is priced and its interface
// endpoint is not: the total is a lower bound naming eu-west-1.
func TestFixedCostPartialRegion(t *testing.T) {
	items := []Item{
		{Addr: "aws_nat_gateway.n", Kind: KindNAT, Region: "eu-west-1", Units: 1},
		{Addr: "aws_vpc_endpoint.sts", Kind: KindInterface, Region: "eu-west-1", Units: 2},
	}
	got := costLines(FixedCost(items, DefaultPrices()))
	want := []string{
		// 1 NAT gateway x $0.048 x 730 h = $35.04.
		"aws_nat_gateway.n NAT gateway 1 $35.04",
		"aws_vpc_endpoint.sts interface endpoint 2 AZ no price data for eu-west-1",
		"total $35.04 complete=no unpriced=eu-west-1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
	}
}
