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
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// ruleFixtures returns the src of every ruleCase in the test files, as
// the constants go/types computes for them (base + `...` included).
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
			if tv, ok := info.Types[kv.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				out = append(out, constant.StringVal(tv.Value))
			}
			return true
		})
	}
	return out
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
