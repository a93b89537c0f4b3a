package planner_test

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

func TestAssumedAccount(t *testing.T) {
	a := planner.AssumedAccount("11111111-2222-3333-4444-555555555555")
	if !regexp.MustCompile(`^[0-9]{12}$`).MatchString(a) {
		t.Errorf("AssumedAccount = %q, want 12 digits", a)
	}
	if b := planner.AssumedAccount("11111111-2222-3333-4444-555555555555"); b != a {
		t.Errorf("AssumedAccount is not deterministic: %q, then %q", a, b)
	}
	if b := planner.AssumedAccount("11111111-2222-3333-4444-555555555556"); b == a {
		t.Errorf("two lineages share the account %q", a)
	}
}

// Without allowed_account_ids or assume_role, apply writes the state's
// assumed account into ids and ARNs: none is malformed.
func TestApplyAssumedAccountInARNs(t *testing.T) {
	h := newHarness(t)
	h.write(`
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_access_point" "ap" {
  bucket = "example-bucket"
  name   = "ap"
}
`)
	h.apply(h.plan(false))
	st, _ := h.store.Load()
	account := planner.AssumedAccount(st.Lineage)
	var attrs string
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			var b bytes.Buffer
			if err := json.Compact(&b, inst.Attributes); err != nil {
				t.Fatal(err)
			}
			attrs += b.String()
		}
	}
	for _, want := range []string{
		`"arn":"arn:aws:ec2:eu-west-1:` + account + `:vpc/vpc-`,
		`"arn":"arn:aws:s3:eu-west-1:` + account + `:accesspoint/ap"`,
		`"id":"` + account + `:ap"`,
	} {
		if !strings.Contains(attrs, want) {
			t.Errorf("state has no %s:\n%s", want, attrs)
		}
	}
	if strings.Contains(attrs, "::vpc/") || strings.Contains(attrs, `"id":":`) {
		t.Errorf("state holds an id or ARN without an account:\n%s", attrs)
	}
	if p := h.plan(false); p.HasChanges() {
		t.Errorf("the plan after apply has changes")
	}
}

// callerIdentity uses the account of data "aws_caller_identity" in an
// output and in a tag, with no allowed_account_ids or assume_role.
const callerIdentity = `
provider "aws" {
  region = "eu-west-1"
}
data "aws_caller_identity" "current" {}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Owner = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"
  }
}
output "account" {
  value = data.aws_caller_identity.current.account_id
}
`

// planAccount plans h's configuration as the CLI does, with the assumed
// account of PlanAccount, and applies p with the account of its prior
// state.
func planAccount(h *harness) *planner.Plan {
	h.t.Helper()
	prior, err := h.store.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	idx, diags := planner.IndexPrior(prior, h.catalog)
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	walk := planner.NewWalk(idx, planner.Options{ToolVersion: "test"})
	l := config.NewLoader(h.catalog)
	cfg, diags := l.Load([]string{h.dir})
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode, AssumedAccount: planner.PlanAccount(prior)}))
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	p, diags := walk.Plan(context.Background(), m, prior)
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	return p
}

func applyAccount(h *harness, p *planner.Plan) {
	h.t.Helper()
	_, _, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
		Store:       h.store,
		Catalog:     h.catalog,
		ToolVersion: "test",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			l := config.NewLoader(h.catalog)
			cfg, diags := l.Load([]string{h.dir})
			if diags.HasErrors() {
				return nil, diags
			}
			return l.Evaluate(ctx, cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize, AssumedAccount: planner.AssumedAccount(p.Prior.Lineage)})
		},
	})
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
}

// Without a state, the account is not invented: every value built from
// data "aws_caller_identity" is unknown in the plan (each plan picks a new
// lineage, so an account derived from it would differ from one plan to the
// next). Apply fills in the new state's account, and the next plan has no
// changes.
func TestPlanAccountUnknownWithoutState(t *testing.T) {
	if got := planner.PlanAccount(nil); got != "" {
		t.Errorf("PlanAccount(nil) = %q, want \"\" (unknown)", got)
	}
	h := newHarness(t)
	h.write(callerIdentity)
	p := planAccount(h)
	var out *planner.OutputChange
	for _, o := range p.Outputs {
		if o.Name == "account" {
			out = o
		}
	}
	if out == nil || out.After.IsKnown() {
		t.Fatalf("output account of a plan without state: got %#v, want an unknown value", out)
	}
	for _, c := range p.Changes {
		if c.Addr.String() != "aws_vpc.main" {
			continue
		}
		if owner := c.After.GetAttr("tags").Index(cty.StringVal("Owner")); owner.IsKnown() {
			t.Errorf("tag Owner of a plan without state = %#v, want unknown", owner)
		}
	}

	applyAccount(h, p)
	st, err := h.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Outputs["account"], `"`+planner.AssumedAccount(st.Lineage)+`"`; got == nil || string(got.Value) != want {
		t.Errorf("output account after apply = %v, want %s", got, want)
	}
	if got, want := planner.PlanAccount(st), planner.AssumedAccount(st.Lineage); got != want {
		t.Errorf("PlanAccount(state) = %q, want the state's AssumedAccount %q", got, want)
	}
	if p := planAccount(h); p.HasChanges() {
		t.Errorf("the plan after apply has changes")
	}
}
