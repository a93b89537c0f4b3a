package network

import (
	"context"
	"fmt"
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
	return planAfterApply(t, src, next).Model
}

// planAfterApply applies src, then plans next against the applied state,
// as the CLI does, and returns the plan.
func planAfterApply(t *testing.T, src, next string) *planner.Plan {
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
	return plan()
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

// TestPlanItemsSubnetAssociations: apply records subnet_ids = [] for an
// endpoint whose subnets come through aws_vpc_endpoint_subnet_association,
// so its prior cost counted 0 AZ, and a plan changing only the
// associations was no change of cost. The prior state's associations now
// count for the endpoint's id, and a changed association changes its
// endpoint's cost.
func TestPlanItemsSubnetAssociations(t *testing.T) {
	src := func(inline, associated int) string {
		return base + fmt.Sprintf(`
resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.a.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
  availability_zone = ["us-east-1a", "us-east-1b", "us-east-1c"][count.index]
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id            = aws_vpc.a.id
  service_name      = "com.amazonaws.us-east-1.sts"
  vpc_endpoint_type = "Interface"
  subnet_ids        = slice(aws_subnet.private[*].id, 0, %d)
}
resource "aws_vpc_endpoint_subnet_association" "sts" {
  count           = %d
  vpc_endpoint_id = aws_vpc_endpoint.sts.id
  subnet_id       = aws_subnet.private[2 - count.index].id
}
`, inline, associated)
	}
	tests := map[string]struct {
		src, next   string
		want        []string // before cost, after cost
		wantChanged bool
	}{
		// 3 AZ x $0.01 x 730 h = $21.90 before; 1 AZ x $0.01 x 730 h =
		// $7.30 after; only the associations change.
		"three associations shrink to one": {src(0, 3), src(0, 1), []string{"$21.90", "$7.30"}, true},
		// 1 AZ = $7.30 before; 3 AZ = $21.90 after.
		"one association grows to three": {src(0, 1), src(0, 3), []string{"$7.30", "$21.90"}, true},
		// subnet_ids has subnet 0, the association subnet 2: 2 AZ x $0.01 x
		// 730 h = $14.60 on both sides, nothing changes.
		"inline and associated, unchanged": {src(1, 1), src(1, 1), []string{"$14.60", "$14.60"}, false},
		// subnet 0 inline and subnets 2, 1 associated: 3 AZ = $21.90;
		// dropping the associations leaves 1 AZ = $7.30.
		"associations dropped, inline kept": {src(1, 2), src(1, 0), []string{"$21.90", "$7.30"}, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := planAfterApply(t, tc.src, tc.next)
			var values []PlannedValue
			for _, c := range p.Changes {
				v := PlannedValue{Addr: c.Addr, Before: c.Before, After: c.After, Changed: c.Action != planner.NoOp}
				if inst := p.Model.Instance(c.Addr); inst != nil {
					v.Region = inst.Region
				}
				values = append(values, v)
			}
			before, after, changed := PlanItems(p.Model, values)
			got := []string{Dollars(FixedCost(before, DefaultPrices()).MonthlyUSD), Dollars(FixedCost(after, DefaultPrices()).MonthlyUSD)}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("monthly cost before and after mismatch (-want +got):\n%s", diff)
			}
			if changed != tc.wantChanged {
				t.Errorf("changed = %v, want %v", changed, tc.wantChanged)
			}
		})
	}
}
