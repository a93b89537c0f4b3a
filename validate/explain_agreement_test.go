package validate

import (
	"context"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// ruleFixtures returns the src of every ruleCase in the test files that
// can be computed without running the test: constants as go/types computes
// them (base + `...` included), and sprintf or fmt.Sprintf calls and
// concatenations of such values. Sources built by other functions are left
// out.
func ruleFixtures(t *testing.T, files ...string) []string {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, file)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	// The files refer to the rest of the package; those errors do not
	// stop the constants from being computed.
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	_, _ = conf.Check("validate", fset, parsed, info)
	var out []string
	for _, file := range parsed {
		ast.Inspect(file, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "src" {
				return true
			}
			if v, ok := evalString(info, kv.Value); ok {
				out = append(out, v)
			}
			return true
		})
	}
	return out
}

// evalString computes a string expression of a rule case: a constant, a
// sprintf call on constants or computable strings, or a concatenation.
func evalString(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return evalString(info, e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, okX := evalString(info, e.X)
		y, okY := evalString(info, e.Y)
		return x + y, okX && okY
	case *ast.CallExpr:
		name := ""
		switch f := e.Fun.(type) {
		case *ast.Ident:
			name = f.Name
		case *ast.SelectorExpr:
			if pkg, ok := f.X.(*ast.Ident); ok {
				name = pkg.Name + "." + f.Sel.Name
			}
		}
		if (name != "sprintf" && name != "fmt.Sprintf") || len(e.Args) == 0 || e.Ellipsis.IsValid() {
			return "", false
		}
		format, ok := evalString(info, e.Args[0])
		if !ok {
			return "", false
		}
		var args []any
		for _, a := range e.Args[1:] {
			if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
				n, _ := constant.Int64Val(tv.Value)
				args = append(args, n)
				continue
			}
			v, ok := evalString(info, a)
			if !ok {
				return "", false
			}
			args = append(args, v)
		}
		return fmt.Sprintf(format, args...), true
	}
	return "", false
}

// TestExplainAgreesWithAccessPointRules checks, on every fixture of the two
// access point reachability rules, that the access points explain reports
// unreachable are exactly those aws_s3_access_point_vpc_unreachable or
// aws_s3_access_point_endpoint_policy_denies flags.
func TestExplainAgreesWithAccessPointRules(t *testing.T) {
	fixtures := ruleFixtures(t, "aws_s3_access_point_vpc_unreachable_test.go", "aws_s3_access_point_endpoint_policy_denies_test.go")
	if len(fixtures) < 5 {
		t.Fatalf("found %d fixtures, want the rule tests' cases", len(fixtures))
	}
	rules := []*Rule{awsS3AccessPointVPCUnreachable, awsS3AccessPointEndpointPolicyDenies}
	flaggedTotal := 0
	for i, src := range fixtures {
		t.Run(fmt.Sprintf("%02d", i), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			l := config.NewLoader(schema.NewCatalog())
			cfg, diags := l.Load([]string{dir})
			if diags.HasErrors() {
				t.Skipf("fixture does not load: %s", diags.Error())
			}
			m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
			if diags.HasErrors() {
				t.Skipf("fixture does not evaluate: %s", diags.Error())
			}
			services := schema.NewServiceCatalog()
			var flagged []string
			for _, d := range Run(&Input{Model: m, Services: services}, rules, Options{}) {
				flagged = append(flagged, fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column))
			}
			byAddr := map[string]*config.Instance{}
			for _, ap := range m.OfType(schema.TypeS3AccessPoint) {
				byAddr[ap.Addr.String()] = ap
			}
			var unreachable []string
			for _, v := range network.Explain(m, services, network.Options{}).AccessPoints {
				if v.Verdict == network.NoEndpoint || v.Verdict == network.PolicyDenies {
					r := byAddr[v.AccessPoint].Ranges("vpc_configuration[0].vpc_id").Expr
					unreachable = append(unreachable, fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Column))
				}
			}
			flagged, unreachable = uniqueSorted(flagged), uniqueSorted(unreachable)
			flaggedTotal += len(flagged)
			if diff := cmp.Diff(flagged, unreachable); diff != "" {
				t.Errorf("explain's unreachable access points differ from the rules' (-rules +explain):\n%s\n%s", diff, src)
			}
		})
	}
	if flaggedTotal == 0 {
		t.Errorf("no fixture was flagged: the comparison proves nothing")
	}
}

// fixtureModel loads and evaluates one rule fixture, skipping the subtest
// when it does not load (fixtures of load errors).
func fixtureModel(t *testing.T, src string) *config.Model {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		t.Skipf("fixture does not load: %s", diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		t.Skipf("fixture does not evaluate: %s", diags.Error())
	}
	return m
}

// TestExplainAgreesWithMRAPRules checks, on every fixture of
// aws_vpc_endpoint_mrap_unreachable and aws_s3_mrap_replication_missing,
// that the problems explain reports beside the Multi-Region Access Point
// paths are exactly the rules' findings: the policies granting MRAP access
// through an endpoint that cannot reach MRAPs (by the policy's position),
// and the bucket pairs without replication.
func TestExplainAgreesWithMRAPRules(t *testing.T) {
	// The other files declare the constants the fixtures start from; their
	// own cases are not in this test (ruleFixtures reads them all, so only
	// the MRAP rules' findings are compared, and their cases must fire).
	fixtures := ruleFixtures(t, "aws_vpc_endpoint_mrap_unreachable_test.go", "aws_s3_mrap_replication_missing_test.go", "model_s3dns_gwlb_test.go", "aws_vpc_endpoint_service_type_unsupported_test.go")
	if len(fixtures) < 10 {
		t.Fatalf("found %d fixtures, want the rule tests' cases", len(fixtures))
	}
	// The replication rule's cases are built by a closure that
	// ruleFixtures cannot run; these are two of them written out: one way
	// only (flagged from b to a), and both ways (silent).
	const twoBuckets = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "eu"
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.eu
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}
`
	const repl = `resource "aws_s3_bucket_replication_configuration" %q {
  bucket = aws_s3_bucket.%s.id
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.%s.arn
    }
  }
}
`
	fixtures = append(fixtures,
		twoBuckets+fmt.Sprintf(repl, "ab", "a", "b"),
		twoBuckets+fmt.Sprintf(repl, "ab", "a", "b")+fmt.Sprintf(repl, "ba", "b", "a"))
	rules := []*Rule{awsVPCEndpointMRAPUnreachable, awsS3MRAPReplicationMissing}
	flaggedTotal := 0
	for i, src := range fixtures {
		t.Run(fmt.Sprintf("%02d", i), func(t *testing.T) {
			m := fixtureModel(t, src)
			services := schema.NewServiceCatalog()
			var flagged []string
			for _, d := range Run(&Input{Model: m, Services: services}, rules, Options{}) {
				switch d.Extra.(RuleDiagnostic).RuleID() {
				case awsVPCEndpointMRAPUnreachable.ID:
					flagged = append(flagged, fmt.Sprintf("grant %d:%d", d.Subject.Start.Line, d.Subject.Start.Column))
				default:
					_, rest, _ := strings.Cut(d.Detail, "does not replicate from ")
					pairs, _, _ := strings.Cut(rest, ". The access point")
					flagged = append(flagged, "replication "+pairs)
				}
			}
			byAddr := map[string]*config.Instance{}
			for _, t := range []schema.TypeName{schema.TypeVPCEndpoint, schema.TypeVPCEndpointPolicy} {
				for _, inst := range m.OfType(t) {
					byAddr[inst.Addr.String()] = inst
				}
			}
			var explained []string
			for _, p := range network.Explain(m, services, network.Options{}).Problems {
				switch {
				case strings.HasPrefix(p.Detail, "the policy allows the Multi-Region Access Point"):
					r := byAddr[p.Addr].Ranges("policy").Expr
					explained = append(explained, fmt.Sprintf("grant %d:%d", r.Start.Line, r.Start.Column))
				case strings.HasPrefix(p.Detail, "no replication from "):
					pairs, _, _ := strings.Cut(strings.TrimPrefix(p.Detail, "no replication from "), ": a request")
					explained = append(explained, "replication "+pairs)
				}
			}
			flagged, explained = uniqueSorted(flagged), uniqueSorted(explained)
			flaggedTotal += len(flagged)
			if diff := cmp.Diff(flagged, explained); diff != "" {
				t.Errorf("explain's MRAP problems differ from the rules' (-rules +explain):\n%s\n%s", diff, src)
			}
		})
	}
	t.Logf("%d fixtures, %d findings compared", len(fixtures), flaggedTotal)
	if flaggedTotal < 5 {
		t.Errorf("%d findings over the fixtures: the comparison proves little", flaggedTotal)
	}
}

func uniqueSorted(s []string) []string {
	sort.Strings(s)
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// TestExplainAgreesWithPrivateDNSRule checks, on the fixtures of the
// endpoint rules and on cases of its own, that the interface endpoints
// whose private DNS explain's paths refuse are exactly those
// aws_vpc_endpoint_private_dns_vpc_attributes flags, and that no path
// (from a subnet, from on premises, or to a Multi-Region Access Point)
// goes through the private DNS of a flagged endpoint. The fixtures rarely
// declare subnets, so each VPC of the root module gets a probe subnet.
func TestExplainAgreesWithPrivateDNSRule(t *testing.T) {
	fixtures := ruleFixtures(t, "aws_vpc_endpoint_private_dns_vpc_attributes_test.go", "aws_vpc_endpoint_service_type_unsupported_test.go",
		"aws_vpc_endpoint_private_dns_conflict_test.go", "aws_vpc_endpoint_private_dns_unsupported_test.go",
		"aws_vpc_endpoint_s3_private_dns_all_traffic_test.go", "model_s3dns_gwlb_test.go", "aws_vpc_endpoint_mrap_unreachable_test.go",
		"private_dns_separate_test.go")
	if len(fixtures) < 10 {
		t.Fatalf("found %d fixtures, want the rule tests' cases", len(fixtures))
	}
	const onPrem = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
variable "hostnames" {
  type = bool
}
resource "aws_vpc" "v" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = %s
  enable_dns_hostnames = %s
}
resource "aws_subnet" "v" {
  vpc_id            = aws_vpc.v.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.v.id
  }
  ip_address {
    subnet_id = aws_subnet.v.id
    ip        = "10.0.1.10"
  }
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.v.id
  service_name        = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.v.id]
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = false
  }
}
`
	fixtures = append(fixtures,
		fmt.Sprintf(onPrem, "false", "true"),         // support off: flagged, refused
		fmt.Sprintf(onPrem, "true", "true"),          // both on: neither
		fmt.Sprintf(onPrem, "true", "var.hostnames"), // unknown: neither (explain says unknown)
	)
	rules := []*Rule{awsVPCEndpointPrivateDNSVPCAttributes}
	flaggedTotal := 0
	for i, src := range fixtures {
		t.Run(fmt.Sprintf("%02d", i), func(t *testing.T) {
			m := fixtureModel(t, src)
			probes := src
			for j, vpc := range m.OfType(schema.TypeVPC) {
				if vpc.Addr.Resource.Module == "" {
					probes += fmt.Sprintf("\nresource \"aws_subnet\" \"explain_probe_%d\" {\n  vpc_id     = %s.id\n  cidr_block = \"10.%d.250.0/24\"\n}\n", j, vpc.Addr, j)
				}
			}
			m = fixtureModel(t, probes)
			services := schema.NewServiceCatalog()
			byRange := map[string]string{}
			for _, e := range m.OfType(schema.TypeVPCEndpoint) {
				if r := e.Ranges("private_dns_enabled"); r.Found {
					byRange[r.Expr.String()] = e.Addr.String()
				}
			}
			// An aws_vpc_endpoint_private_dns that enables private DNS
			// is where the rule points for the endpoint it names.
			for _, d := range m.OfType(schema.TypeVPCEndpointPrivateDNS) {
				if e := d.Link("vpc_endpoint_id"); e != nil {
					byRange[d.Ranges("private_dns_enabled").Expr.String()] = e.Addr.String()
				}
			}
			var flagged []string
			for _, d := range Run(&Input{Model: m, Services: services}, rules, Options{}) {
				flagged = append(flagged, byRange[d.Subject.String()])
			}
			flagged = uniqueSorted(flagged)
			flaggedTotal += len(flagged)
			report := network.Explain(m, services, network.Options{})
			var refused []string
			var used []string
			notes := func(list []string) {
				for _, n := range list {
					if rest, ok := strings.CutPrefix(n, "private DNS of "); ok {
						if addr, _, ok := strings.Cut(rest, " cannot work: "); ok {
							refused = append(refused, addr)
						}
					}
				}
			}
			for _, p := range report.Paths {
				notes(p.Notes)
				if p.Verdict == network.ViaInterface {
					for _, h := range p.Hops {
						used = append(used, h.Addr)
					}
				}
			}
			for _, v := range report.Targets {
				notes(v.Notes)
				if v.Verdict == network.ViaInterface {
					used = append(used, v.Via...)
				}
			}
			if diff := cmp.Diff(flagged, uniqueSorted(refused)); diff != "" {
				t.Errorf("endpoints whose private DNS explain refuses differ from the rule's (-rule +explain):\n%s\n%s", diff, probes)
			}
			for _, addr := range uniqueSorted(used) {
				for _, f := range flagged {
					if addr == f {
						t.Errorf("explain sends requests through the private DNS of %s, which the rule flags\n%s", addr, probes)
					}
				}
			}
		})
	}
	t.Logf("%d fixtures, %d flagged endpoints compared", len(fixtures), flaggedTotal)
	if flaggedTotal < 3 {
		t.Errorf("%d flagged endpoints over the fixtures: the comparison proves little", flaggedTotal)
	}
}
