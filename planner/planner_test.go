package planner_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// harness plans and applies a configuration directory against a memory
// store, as the CLI does.
type harness struct {
	t       *testing.T
	dir     string
	store   *state.MemStore
	catalog *schema.Catalog
}

func newHarness(t *testing.T) *harness {
	return &harness{t: t, dir: t.TempDir(), store: &state.MemStore{}, catalog: schema.NewCatalog()}
}

func (h *harness) write(src string) {
	h.t.Helper()
	if err := os.WriteFile(filepath.Join(h.dir, "main.hcl"), []byte(src), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) evaluate(known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
	l := config.NewLoader(h.catalog)
	cfg, diags := l.Load([]string{h.dir})
	if diags.HasErrors() {
		return nil, diags
	}
	return l.Evaluate(context.Background(), cfg, config.Options{Mode: config.PlanMode, Known: known, Finalize: finalize})
}

func (h *harness) plan(destroy bool) *planner.Plan {
	h.t.Helper()
	prior, err := h.store.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	idx, diags := planner.IndexPrior(prior, h.catalog)
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	walk := planner.NewWalk(idx, planner.Options{Destroy: destroy, ToolVersion: "test"})
	l := config.NewLoader(h.catalog)
	cfg, diags := l.Load([]string{h.dir})
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, walk.EvalOptions(config.Options{Mode: config.PlanMode}))
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	p, diags := walk.Plan(context.Background(), m, prior)
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	return p
}

func (h *harness) apply(p *planner.Plan) [3]int {
	h.t.Helper()
	_, counts, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
		Store:       h.store,
		Catalog:     h.catalog,
		ToolVersion: "test",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			return h.evaluate(known, finalize)
		},
	})
	if diags.HasErrors() {
		h.t.Fatal(diags.Error())
	}
	return counts
}

func actions(p *planner.Plan) map[string]string {
	out := map[string]string{}
	for _, c := range p.Changes {
		out[c.Addr.String()] = c.Action.JSON()[0] + map[bool]string{true: "+" + c.Action.JSON()[len(c.Action.JSON())-1], false: ""}[len(c.Action.JSON()) > 1]
	}
	return out
}

const network = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = "eu-west-1a"
}
`

func TestPlanApplyReplan(t *testing.T) {
	h := newHarness(t)
	h.write(network)
	p := h.plan(false)
	want := map[string]string{"aws_vpc.main": "create", "aws_subnet.a[0]": "create", "aws_subnet.a[1]": "create"}
	if diff := cmp.Diff(want, actions(p)); diff != "" {
		t.Fatalf("first plan (-want +got):\n%s", diff)
	}
	if got := h.apply(p); got != [3]int{3, 0, 0} {
		t.Errorf("apply counts = %v, want 3 added", got)
	}
	st, _ := h.store.Load()
	if st.Serial == 0 || len(st.Resources) != 2 {
		t.Fatalf("state after apply: serial %d, %d resources", st.Serial, len(st.Resources))
	}
	// The subnets record the VPC's real id.
	p2 := h.plan(false)
	if p2.HasChanges() {
		t.Fatalf("re-plan has changes: %v", actions(p2))
	}
	var vpcID, subnetVPC string
	for _, c := range p2.Changes {
		switch c.Addr.String() {
		case "aws_vpc.main":
			vpcID = c.After.GetAttr("id").AsString()
		case "aws_subnet.a[0]":
			subnetVPC = c.After.GetAttr("vpc_id").AsString()
		}
	}
	if vpcID == "" || vpcID != subnetVPC || vpcID[:4] != "vpc-" {
		t.Errorf("vpc id %q, subnet vpc_id %q; want equal vpc-… ids", vpcID, subnetVPC)
	}

	// A ForceNew change replaces; a removed instance is destroyed.
	h.write(`
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count             = 1
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = "eu-west-1b"
}
`)
	p3 := h.plan(false)
	want = map[string]string{"aws_vpc.main": "no-op", "aws_subnet.a[0]": "delete+create", "aws_subnet.a[1]": "delete"}
	if diff := cmp.Diff(want, actions(p3)); diff != "" {
		t.Fatalf("third plan (-want +got):\n%s", diff)
	}
	if got := h.apply(p3); got != [3]int{1, 0, 2} {
		t.Errorf("apply counts = %v, want 1 added, 2 destroyed", got)
	}
	if p4 := h.plan(false); p4.HasChanges() {
		t.Fatalf("plan after replacement has changes: %v", actions(p4))
	}
	p5 := h.plan(true)
	if got := h.apply(p5); got != [3]int{0, 0, 2} {
		t.Errorf("destroy counts = %v, want 2 destroyed", got)
	}
	st, _ = h.store.Load()
	if len(st.Resources) != 0 {
		t.Errorf("state after destroy has %d resources", len(st.Resources))
	}
}

// countingStore records how many instances each save holds, and the
// longest save.
type countingStore struct {
	state.MemStore
	saved   []int
	slowest time.Duration
}

func (c *countingStore) Save(s *state.State) error {
	start := time.Now()
	defer func() { c.slowest = max(c.slowest, time.Since(start)) }()
	n := 0
	for _, r := range s.Resources {
		n += len(r.Instances)
	}
	c.saved = append(c.saved, n)
	return c.MemStore.Save(s)
}

// TestApplySavesAfterEveryResource checks that a small apply saves the
// state after each resource it creates (saves are cheap, so none is
// skipped) and once more at the end.
func TestApplySavesAfterEveryResource(t *testing.T) {
	h := newHarness(t)
	h.write(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
`)
	p := h.plan(false)
	store := &countingStore{}
	_, _, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
		Store: store, Catalog: h.catalog, ToolVersion: "test",
		Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
			return h.evaluate(known, finalize)
		},
	})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if want := []int{1, 2, 3, 3}; !slices.Equal(store.saved, want) {
		// Apply skips saves that are slow (5 ms or more); on a loaded
		// machine even these can be, so only then is a skipped one fine,
		// as long as the last save holds everything.
		if store.slowest < 5*time.Millisecond || len(store.saved) == 0 || store.saved[len(store.saved)-1] != 3 {
			t.Errorf("instances per save = %v, want %v (slowest save %s)", store.saved, want, store.slowest)
		} else {
			t.Logf("instances per save = %v: a save took %s, so apply throttled", store.saved, store.slowest)
		}
	}
}

// TestKnownTopAgreesWithKnown evaluates a configuration against its own
// applied state with and without the prior index's top-level fields: the
// models must be the same.
func TestKnownTopAgreesWithKnown(t *testing.T) {
	h := newHarness(t)
	h.write(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`)
	h.apply(h.plan(false))
	prior, err := h.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	idx, diags := planner.IndexPrior(prior, h.catalog)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eval := func(top bool) *config.Model {
		l := config.NewLoader(h.catalog)
		cfg, diags := l.Load([]string{h.dir})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		opts := config.Options{Mode: config.PlanMode, Known: idx.Known}
		if top {
			opts.KnownTop = idx.KnownTop
		}
		m, diags := l.Evaluate(context.Background(), cfg, opts)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		return m
	}
	with, without := eval(true), eval(false)
	if len(with.Instances) != 4 || len(without.Instances) != 4 {
		t.Fatalf("got %d and %d instances, want 4", len(with.Instances), len(without.Instances))
	}
	for i, inst := range with.Instances {
		other := without.Instances[i]
		if !inst.Value.RawEquals(other.Value) {
			t.Errorf("%s: with KnownTop %#v, without %#v", inst.Addr, inst.Value, other.Value)
		}
		if id, ok := inst.StringAttr("id"); !ok || id == "" {
			t.Errorf("%s: id not known from the prior state", inst.Addr)
		}
	}
}

// TestStartIndexPriorBadAttributes checks that an instance whose
// attributes do not decode is reported by Wait, unknown to Known while
// decoding runs, and left out of the index afterwards; the others stay.
func TestStartIndexPriorBadAttributes(t *testing.T) {
	st := state.New("test")
	st.Resources = []*state.Resource{{
		Mode: "managed", Type: "aws_vpc", Name: "main", Provider: `provider["registry.terraform.io/hashicorp/aws"]`,
		Instances: []*state.Instance{
			{IndexKey: json.RawMessage(`0`), Attributes: json.RawMessage(`{"id": "vpc-1", "cidr_block": "10.0.0.0/16"}`)},
			{IndexKey: json.RawMessage(`1`), Attributes: json.RawMessage(`{"id": 5}`)},
			{IndexKey: json.RawMessage(`{}`), Attributes: json.RawMessage(`{}`)},
		},
	}}
	catalog := schema.NewCatalog()
	idx := planner.StartIndexPrior(st, catalog)
	addr := func(i int) schema.InstanceAddr {
		return schema.Addr{Mode: schema.ManagedMode, Type: "aws_vpc", Name: "main"}.Instance(schema.IntKey(i))
	}
	if _, ok := idx.Known(addr(1)); ok {
		t.Error("Known gives an instance whose attributes do not decode")
	}
	if v, ok := idx.Known(addr(0)); !ok || v.GetAttr("id").AsString() != "vpc-1" {
		t.Errorf("Known(main[0]) = %#v, %v", v, ok)
	}
	diags := idx.Wait()
	var got []string
	for _, d := range diags {
		got = append(got, d.Detail)
	}
	want := []string{
		"The instance key of aws_vpc.main in the state is invalid: {} is neither a string nor a count index.",
		"The attributes of aws_vpc.main[1] in the state do not match its schema: id: invalid JSON at byte 7: expected a string.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if _, ok := idx.Known(addr(1)); ok {
		t.Error("the instance that does not decode is still indexed")
	}
	if _, ok := idx.KnownTop(addr(0)); !ok {
		t.Error("KnownTop lost the instance that decodes")
	}
}
