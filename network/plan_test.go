package network

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// planModel applies src, then plans next against the applied state, as
// the CLI does, and returns the planned model.
func planModel(t *testing.T, src, next string) *config.Model {
	t.Helper()
	dir, store, catalog := t.TempDir(), &state.MemStore{}, schema.NewCatalog()
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := func() *planner.Plan {
		prior, err := store.Load()
		if err != nil {
			t.Fatal(err)
		}
		idx, diags := planner.IndexPrior(prior, catalog)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		walk := planner.NewWalk(idx, planner.Options{ToolVersion: "test"})
		l := config.NewLoader(catalog)
		cfg, diags := l.Load([]string{dir})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		m, diags := l.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode}))
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		p, diags := walk.Plan(context.Background(), m, prior)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		return p
	}
	write(src)
	_, _, diags := planner.Apply(context.Background(), plan(), planner.ApplyOptions{
		Store: store, Catalog: catalog, ToolVersion: "test",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			l := config.NewLoader(catalog)
			cfg, diags := l.Load([]string{dir})
			if diags.HasErrors() {
				return nil, diags
			}
			return l.Evaluate(ctx, cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize})
		},
	})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	write(next)
	return plan().Model
}

// TestEndpointZonesAfterCountShrinks: subnet_configuration is optional and
// computed, and apply records one block per subnet. When the
// configuration does not write it, the planned value keeps the prior
// state's blocks, so after the subnets shrink from three to one the model
// counted 3 AZ. Only written blocks count now: 1 AZ x $0.01 x 730 h =
// $7.30.
func TestEndpointZonesAfterCountShrinks(t *testing.T) {
	src := func(zones string) string {
		return base + `
variable "zones" {
  type    = list(string)
  default = ` + zones + `
}
resource "aws_subnet" "private" {
  count             = length(var.zones)
  vpc_id            = aws_vpc.a.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
  availability_zone = var.zones[count.index]
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type = "Interface"
  subnet_ids        = aws_subnet.private[*].id
}
`
	}
	m := planModel(t, src(`["us-east-1a", "us-east-1b", "us-east-1c"]`), src(`["us-east-1a"]`))
	if v := m.OfType(schema.TypeVPCEndpoint)[0].Attr("subnet_configuration"); !v.IsKnown() || v.IsNull() || v.LengthInt() != 3 {
		t.Fatalf("planned subnet_configuration is %#v; the test needs the prior state's 3 blocks", v)
	}
	var got []string
	for _, l := range FixedCost(ItemsFromModel(m), DefaultPrices()).Lines {
		if l.Kind == KindInterface {
			got = append(got, l.Addr+" "+units(l.Item)+" "+Dollars(l.MonthlyUSD))
		}
	}
	want := []string{"aws_vpc_endpoint.sts 1 AZ $7.30"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixedCost() mismatch (-want +got):\n%s", diff)
	}
}
