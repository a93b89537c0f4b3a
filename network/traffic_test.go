package network

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// trafficLines renders a traffic cost compactly: one line per flow, then
// the total, then one line per compared option.
func trafficLines(t *TrafficCost) []string {
	var out []string
	for _, l := range t.Lines {
		v := l.Note
		if l.Priced {
			v = l.Arithmetic
		}
		out = append(out, fmt.Sprintf("%s %s %s: %s", l.VPC, l.Service, l.Path, v))
	}
	out = append(out, fmt.Sprintf("processing %s complete=%v unpriced=%s", Dollars(t.ProcessingUSD), t.Complete, strings.Join(t.Unpriced, ",")))
	for _, c := range t.Comparisons {
		for _, o := range c.Options {
			v := o.Note
			if o.Priced {
				v = o.Arithmetic
			}
			mark := ""
			if o.Current {
				mark += " current"
			}
			if o.Path == c.Cheapest {
				mark += " cheapest"
			}
			out = append(out, fmt.Sprintf("  %s %s %s%s: %s", c.VPC, c.Service, o.Path, mark, v))
		}
	}
	return out
}

// explainTraffic parses the traffic file against the model and explains
// with the embedded prices; the file must parse.
func explainTraffic(t *testing.T, m *config.Model, src string) *TrafficCost {
	t.Helper()
	services := schema.NewServiceCatalog()
	flows, _, diags := ParseTraffic("traffic.hcl", []byte(src), m, services)
	if diags.HasErrors() {
		t.Fatalf("traffic file does not parse: %s", diags.Error())
	}
	r := Explain(m, services, Options{Prices: DefaultPrices(), Traffic: flows})
	if r.Traffic == nil {
		t.Fatal("no traffic cost in the report")
	}
	return r.Traffic
}

func TestTrafficCostExamples(t *testing.T) {
	tests := map[string]struct {
		traffic string
		want    []string
	}{
		// us-east-1; three zones (us-east-1a, b, c). The subnets use the
		// undeclared main route table: S3 has no path. ssm goes through
		// its interface endpoint: 12.5 GB x $0.01 = $0.125, rounded to
		// $0.13. Compared for S3 (500 GB): gateway $0; interface
		// 3 AZ x $0.01 x 730 h = $21.90, 500 GB x $0.01 = $5.00, together
		// $26.90; the VPC has no NAT gateway, so one is added:
		// $0.045 x 730 h = $32.85, 500 GB x $0.045 = $22.50, together
		// $55.35.
		"ssm_interface_endpoints.hcl": {
			traffic: `traffic "aws_vpc.main" {
  s3  = 500
  ssm = 12.5
}
`,
			want: []string{
				"aws_vpc.main s3 none: no path: the requests cannot leave the VPC",
				"aws_vpc.main ssm interface-endpoint: 12.5 GB x $0.01 = $0.13",
				"processing $0.13 complete=false unpriced=",
				"  aws_vpc.main s3 gateway-endpoint cheapest: $0.00",
				"  aws_vpc.main s3 interface-endpoint: 3 AZ x $0.01 x 730 h + 500 GB x $0.01 = $21.90 + $5.00 = $26.90",
				"  aws_vpc.main s3 nat-gateway: 1 NAT gateway x $0.045 x 730 h + 500 GB x $0.045 = $32.85 + $22.50 = $55.35",
			},
		},
		// eu-central-1 is not in the price table: the gateway endpoint is
		// free whatever the Region; the other paths have no price.
		"s3_onprem_private_dns.hcl": {
			traffic: `traffic "aws_vpc.hybrid" {
  s3 = 2000
}
`,
			want: []string{
				"aws_vpc.hybrid s3 gateway-endpoint: $0.00 (gateway endpoints are free)",
				"processing $0.00 complete=true unpriced=",
				"  aws_vpc.hybrid s3 gateway-endpoint current cheapest: $0.00",
				"  aws_vpc.hybrid s3 interface-endpoint: no price data for eu-central-1",
				"  aws_vpc.hybrid s3 nat-gateway: no price data for eu-central-1",
			},
		},
		// The application subnets of the workload VPC reach the internet
		// gateway through a GWLB endpoint (the endpoints' own subnets,
		// routed straight to it, are the inspection hop and do not count):
		// internet data transfer is not in the table.
		"gwlb_inspection.hcl": {
			traffic: `traffic "aws_vpc.workload" {
  dynamodb = 10
}
`,
			want: []string{
				"aws_vpc.workload dynamodb internet-gateway: the price table has no internet gateway figure (data transfer is not priced)",
				"processing $0.00 complete=false unpriced=",
				"  aws_vpc.workload dynamodb gateway-endpoint cheapest: $0.00",
				"  aws_vpc.workload dynamodb interface-endpoint: no price data for us-west-2",
				"  aws_vpc.workload dynamodb nat-gateway: no price data for us-west-2",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := load(t, filepath.Join("..", "examples", name))
			got := trafficLines(explainTraffic(t, m, tc.traffic))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("traffic cost mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// natBase is a us-east-1 VPC whose one subnet (us-east-1a) sends S3 and
// DynamoDB traffic through a NAT gateway, with an interface endpoint for
// sts in that zone.
const natBase = base + `
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
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.private.id
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id              = aws_vpc.a.id
  service_name        = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
}
`

func TestTrafficCostNAT(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": natBase})
	got := trafficLines(explainTraffic(t, m, `traffic "aws_vpc.a" {
  s3  = 1000
  sts = 40
}
`))
	want := []string{
		// 1,000 GB x $0.045 = $45.00 through the NAT gateway.
		"aws_vpc.a s3 nat-gateway: 1,000 GB x $0.045 = $45.00",
		// 40 GB x $0.01 = $0.40 through the sts interface endpoint.
		"aws_vpc.a sts interface-endpoint: 40 GB x $0.01 = $0.40",
		// $45.00 + $0.40 = $45.40.
		"processing $45.40 complete=true unpriced=",
		"  aws_vpc.a s3 gateway-endpoint cheapest: $0.00",
		// One subnet, one zone: 1 AZ x $0.01 x 730 h = $7.30, plus
		// 1,000 GB x $0.01 = $10.00: $17.30.
		"  aws_vpc.a s3 interface-endpoint: 1 AZ x $0.01 x 730 h + 1,000 GB x $0.01 = $7.30 + $10.00 = $17.30",
		// The NAT gateway exists (its hours are in the fixed cost): only
		// the processing, $45.00.
		"  aws_vpc.a s3 nat-gateway current: 1,000 GB x $0.045 = $45.00",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("traffic cost mismatch (-want +got):\n%s", diff)
	}

	// The fixed cost: NAT $0.045 x 730 h = $32.85, sts 1 AZ x $0.01 x
	// 730 h = $7.30, together $40.15; with the processing, $40.15 +
	// $45.40 = $85.55.
	services := schema.NewServiceCatalog()
	flows, _, _ := ParseTraffic("traffic.hcl", []byte(`traffic "aws_vpc.a" {
  s3  = 1000
  sts = 40
}
`), m, services)
	r := Explain(m, services, Options{Service: "s3", Prices: DefaultPrices(), Traffic: flows})
	var buf bytes.Buffer
	if err := WriteTraffic(&buf, *r.Traffic, r.Cost); err != nil {
		t.Fatal(err)
	}
	wantText := `TRAFFIC    SERVICE  GB/MONTH  PATH         PROCESSING
aws_vpc.a  s3       1,000     nat-gateway  1,000 GB x $0.045 = $45.00
Monthly processing charges: $45.00
Monthly endpoint cost with traffic: $40.15 fixed + $45.00 processing = $85.15

aws_vpc.a to s3, 1,000 GB a month in us-east-1:
  gateway-endpoint    $0.00   [cheapest]  $0.00 (gateway endpoints are free: no hourly or per-GB charge)
  interface-endpoint  $17.30              1 AZ x $0.01 x 730 h + 1,000 GB x $0.01 = $7.30 + $10.00 = $17.30 (one zone per Availability Zone of the VPC's subnets)
  nat-gateway         $45.00  [current]   1,000 GB x $0.045 = $45.00 (the VPC's NAT gateways are in the fixed cost already)
`
	if diff := cmp.Diff(wantText, buf.String()); diff != "" {
		t.Errorf("WriteTraffic() mismatch (-want +got):\n%s", diff)
	}
}

func TestTiered(t *testing.T) {
	tiers := DefaultPrices()["us-east-1"].InterfaceGB
	tests := map[string]struct {
		before, gb float64
		wantUSD    string
		wantText   string
	}{
		// 500 GB x $0.01 = $5.00.
		"first tier": {0, 500, "$5.00", "500 GB x $0.01"},
		// 1 PB = 1,000,000 GB at $0.01 = $10,000, then 200,000 GB at
		// $0.006 = $1,200: $11,200.
		"two tiers": {0, 1_200_000, "$11,200.00", "1,000,000 GB x $0.01 + 200,000 GB x $0.006"},
		// 900,000 GB already processed in the Region: 100,000 GB x $0.01
		// = $1,000, then 200,000 GB x $0.006 = $1,200: $2,200.
		"after other traffic": {900_000, 300_000, "$2,200.00", "100,000 GB x $0.01 + 200,000 GB x $0.006"},
		// 4,000,000 GB in the second tier (up to 5 PB) x $0.006 =
		// $24,000, then 1,000,000 GB x $0.004 = $4,000: $28,000.
		"into the last tier": {1_000_000, 5_000_000, "$28,000.00", "4,000,000 GB x $0.006 + 1,000,000 GB x $0.004"},
		"nothing":            {0, 0, "$0.00", "0 GB x $0.01"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			usd, text := tiered(tc.before, tc.gb, tiers)
			if got := Dollars(usd); got != tc.wantUSD || text != tc.wantText {
				t.Errorf("tiered(%v, %v) = %s, %q; want %s, %q", tc.before, tc.gb, got, text, tc.wantUSD, tc.wantText)
			}
		})
	}
}

func TestTrafficInterfaceTiersShareTheRegion(t *testing.T) {
	// Two VPCs in us-east-1 send 900,000 and 300,000 GB through S3
	// interface endpoints with private DNS. The tiers apply to the
	// Region's total: the first flow is 900,000 GB x $0.01 = $9,000; the
	// second 100,000 GB x $0.01 + 200,000 GB x $0.006 = $1,000 + $1,200
	// = $2,200; together $11,200, as 1,200,000 GB would cost alone.
	vpc := func(n, cidr string) string {
		return fmt.Sprintf(`
resource "aws_vpc" "%[1]s" {
  cidr_block           = "%[2]s.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}
resource "aws_subnet" "%[1]s" {
  vpc_id            = aws_vpc.%[1]s.id
  cidr_block        = "%[2]s.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_vpc_endpoint" "%[1]s" {
  vpc_id              = aws_vpc.%[1]s.id
  service_name        = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.%[1]s.id]
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = false
  }
}
`, n, cidr)
	}
	m := loadFiles(t, map[string]string{"main.hcl": `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
` + vpc("x", "10.0") + vpc("y", "10.1")})
	got := trafficLines(explainTraffic(t, m, `traffic "aws_vpc.x" {
  s3 = 900000
}
traffic "aws_vpc.y" {
  s3 = 300000
}
`))
	want := []string{
		"aws_vpc.x s3 interface-endpoint: 900,000 GB x $0.01 = $9,000.00",
		"aws_vpc.y s3 interface-endpoint: 100,000 GB x $0.01 + 200,000 GB x $0.006 = $2,200.00",
		"processing $11,200.00 complete=true unpriced=",
		"  aws_vpc.x s3 gateway-endpoint cheapest: $0.00",
		// Alone: 1 AZ x $0.01 x 730 h = $7.30; 900,000 GB x $0.01 =
		// $9,000.00; $9,007.30.
		"  aws_vpc.x s3 interface-endpoint current: 1 AZ x $0.01 x 730 h + 900,000 GB x $0.01 = $7.30 + $9,000.00 = $9,007.30",
		// No NAT gateway: $32.85 + 900,000 GB x $0.045 = $40,500.00;
		// $40,532.85.
		"  aws_vpc.x s3 nat-gateway: 1 NAT gateway x $0.045 x 730 h + 900,000 GB x $0.045 = $32.85 + $40,500.00 = $40,532.85",
		"  aws_vpc.y s3 gateway-endpoint cheapest: $0.00",
		// Alone, 300,000 GB stays in the first tier: $3,000.00 + $7.30.
		"  aws_vpc.y s3 interface-endpoint current: 1 AZ x $0.01 x 730 h + 300,000 GB x $0.01 = $7.30 + $3,000.00 = $3,007.30",
		// $32.85 + 300,000 GB x $0.045 = $13,500.00: $13,532.85.
		"  aws_vpc.y s3 nat-gateway: 1 NAT gateway x $0.045 x 730 h + 300,000 GB x $0.045 = $32.85 + $13,500.00 = $13,532.85",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("traffic cost mismatch (-want +got):\n%s", diff)
	}
}

func TestParseTrafficErrors(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": base})
	tests := map[string]struct {
		name string
		src  string
		want []string
	}{
		"undeclared VPC with a suggestion": {
			src:  "traffic \"aws_vpc.b\" {\n  s3 = 1\n}\n",
			want: []string{`1:9-1:20 Reference to undeclared VPC: The configuration declares no aws_vpc instance "aws_vpc.b", so the traffic of this block cannot be placed. Did you mean "aws_vpc.a"?`},
		},
		"not an address": {
			src:  "traffic \"main\" {\n}\n",
			want: []string{`1:9-1:15 Invalid VPC address: "main" is not a resource instance address. A traffic block is labelled with the address of an aws_vpc instance of the configuration, such as "aws_vpc.main" or "module.net.aws_vpc.this[0]".`},
		},
		"a subnet is not a VPC": {
			src:  "traffic \"aws_subnet.a\" {\n}\n",
			want: []string{`1:9-1:23 Reference to undeclared VPC: The configuration declares no aws_vpc instance "aws_subnet.a", so the traffic of this block cannot be placed. Its VPCs are "aws_vpc.a".`},
		},
		"unknown service": {
			src:  "traffic \"aws_vpc.a\" {\n  dynamo = 1\n}\n",
			want: []string{`2:3-2:9 Unknown service: "dynamo" is not a service of vpcplan's catalog. An attribute of a traffic block is a service's short name, as in com.amazonaws.<region>.<name>, with "_" for "." (s3, dynamodb, ecr_dkr). Did you mean "dynamodb"?`},
		},
		"negative, string and variable amounts": {
			src: "traffic \"aws_vpc.a\" {\n  s3 = -1\n  ssm = \"many\"\n  sts = var.gb\n}\n",
			want: []string{
				"2:8-2:10 Invalid traffic amount: The traffic to s3 must be a number of GB a month, zero or more; this value is negative.",
				"3:9-3:15 Invalid traffic amount: The traffic to ssm must be a number of GB a month, zero or more; this value is a string.",
				"4:9-4:12 Variables not allowed: Variables may not be used here.",
			},
		},
		"duplicate block": {
			src:  "traffic \"aws_vpc.a\" {\n}\ntraffic \"aws_vpc.a\" {\n}\n",
			want: []string{"3:9-3:20 Duplicate traffic block: The traffic of aws_vpc.a is already given at traffic.hcl:1,9-20. Give each VPC's traffic in one block."},
		},
		"unknown block type": {
			src:  "flows \"aws_vpc.a\" {\n}\n",
			want: []string{`1:1-1:6 Unsupported block type: Blocks of type "flows" are not expected here.`},
		},
		"syntax error": {
			src:  "traffic \"aws_vpc.a\" {\n  s3 = \n}\n",
			want: []string{"2:8-3:1 Invalid expression: Expected the start of an expression, but found an invalid expression token."},
		},
		"JSON with a bad amount": {
			name: "traffic.json",
			src:  `{"traffic": {"aws_vpc.a": {"s3": true}}}`,
			want: []string{"1:34-1:38 Invalid traffic amount: The traffic to s3 must be a number of GB a month, zero or more; this value is a bool."},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			filename := tc.name
			if filename == "" {
				filename = "traffic.hcl"
			}
			_, _, diags := ParseTraffic(filename, []byte(tc.src), m, schema.NewServiceCatalog())
			var got []string
			for _, d := range diags {
				rng := "-"
				if d.Subject != nil {
					rng = fmt.Sprintf("%d:%d-%d:%d", d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Line, d.Subject.End.Column)
				}
				got = append(got, fmt.Sprintf("%s %s: %s", rng, d.Summary, d.Detail))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseTraffic() diagnostics mismatch (-want +got):\n%s", diff)
			}
			if !diags.HasErrors() {
				t.Errorf("ParseTraffic() gave no error")
			}
		})
	}
}

func TestParseTrafficJSONAndUnderscores(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": base})
	flows, _, diags := ParseTraffic("t.json", []byte(`{"traffic": {"aws_vpc.a": {"s3": 5, "ecr.dkr": 7, "ecr_api": 2.5}}}`), m, schema.NewServiceCatalog())
	if diags.HasErrors() {
		t.Fatalf("ParseTraffic() errors: %s", diags.Error())
	}
	var got []string
	for _, f := range flows {
		got = append(got, fmt.Sprintf("%s %s %g", f.VPC.Addr, f.Service.Name, f.GB))
	}
	want := []string{"aws_vpc.a ecr.api 2.5", "aws_vpc.a ecr.dkr 7", "aws_vpc.a s3 5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseTraffic() flows mismatch (-want +got):\n%s", diff)
	}
}

// TestTrafficCostThroughGWLBEndpoint: traffic that leaves through a NAT
// gateway after a GWLB endpoint pays both per-GB charges.
func TestTrafficCostThroughGWLBEndpoint(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": gwlbBase})
	got := trafficLines(explainTraffic(t, m, `traffic "aws_vpc.a" {
  sts = 1000
}
`))
	want := []string{
		// 1 GWLB endpoint x 1,000 GB x $0.0035 = $3.50, and
		// 1,000 GB x $0.045 = $45.00 through the NAT gateway: $48.50.
		"aws_vpc.a sts nat-gateway: 1 GWLB endpoint x 1,000 GB x $0.0035 + 1,000 GB x $0.045 = $48.50",
		"processing $48.50 complete=true unpriced=",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("traffic cost mismatch (-want +got):\n%s", diff)
	}
}

// TestTrafficCostInspectionSubnetAlone: a VPC whose only subnet holds the
// GWLB endpoint still has a path, that subnet's own (here straight to the
// NAT gateway): 1,000 GB x $0.045 = $45.00.
func TestTrafficCostInspectionSubnetAlone(t *testing.T) {
	m := loadFiles(t, map[string]string{"main.hcl": base + `
resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.a.id]
}
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.a.id
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n.id
  }
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.a.id
}
`})
	got := trafficLines(explainTraffic(t, m, `traffic "aws_vpc.a" {
  sts = 1000
}
`))
	want := []string{
		"aws_vpc.a sts nat-gateway: 1,000 GB x $0.045 = $45.00",
		"processing $45.00 complete=true unpriced=",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("traffic cost mismatch (-want +got):\n%s", diff)
	}
}
