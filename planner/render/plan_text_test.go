package render

import (
	"bytes"
	"context"
	"flag"
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

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// planSteps applies each configuration but the last in turn, then plans the
// last: the plan shows the last step's changes against the state the
// others left.
func planSteps(t *testing.T, steps ...string) *planner.Plan {
	t.Helper()
	dir := t.TempDir()
	store := &state.MemStore{}
	catalog := schema.NewCatalog()
	evaluate := func(known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
		l := config.NewLoader(catalog)
		cfg, diags := l.Load([]string{dir})
		if diags.HasErrors() {
			return nil, diags
		}
		return l.Evaluate(context.Background(), cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize})
	}
	var p *planner.Plan
	for i, src := range steps {
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		prior, err := store.Load()
		if err != nil {
			t.Fatal(err)
		}
		idx, diags := planner.IndexPrior(prior, catalog)
		walk := planner.NewWalk(idx, planner.Options{ToolVersion: "test", Lineage: "00000000-0000-0000-0000-000000000001"})
		l := config.NewLoader(catalog)
		cfg, moreDiags := l.Load([]string{dir})
		diags = append(diags, moreDiags...)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		m, moreDiags := l.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode}))
		diags = append(diags, moreDiags...)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		p, diags = walk.Plan(context.Background(), m, prior)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		if i == len(steps)-1 {
			break
		}
		_, _, diags = planner.Apply(context.Background(), p, planner.ApplyOptions{
			Store: store, Catalog: catalog, ToolVersion: "test",
			Evaluate: func(_ context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
				return evaluate(known, finalize)
			},
		})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
	}
	return p
}

// checkGolden compares got with testdata/<name>.golden; -update rewrites it.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

const provider = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
`

func TestPlanTextGolden(t *testing.T) {
	base := provider + `
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags = {
    Name = "main"
  }
}
resource "aws_subnet" "a" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = "eu-west-1a"
}
resource "aws_security_group" "https" {
  name   = "https"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
output "vpc_id" {
  value = aws_vpc.main.id
}
`
	changed := provider + `
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = false
  tags = {
    Name = "main"
    Env  = "prod"
  }
}
resource "aws_subnet" "a" {
  count             = 1
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = "eu-west-1b"
}
resource "aws_security_group" "https" {
  name   = "https-v2"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "192.168.0.0/16"]
  }
  lifecycle {
    create_before_destroy = true
  }
}
output "vpc_id" {
  value = aws_vpc.main.id
}
`
	tests := map[string]struct {
		steps []string
		color bool
	}{
		"create":         {steps: []string{base}},
		"create_color":   {steps: []string{base}, color: true},
		"update_replace": {steps: []string{base, changed}},
		"no_changes":     {steps: []string{base, base}},
		"destroy_all":    {steps: []string{base, provider}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := planSteps(t, tc.steps...)
			var buf bytes.Buffer
			if err := PlanText(&buf, p, Options{Color: tc.color, Width: 78}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("plan", name), buf.Bytes())
		})
	}
}
