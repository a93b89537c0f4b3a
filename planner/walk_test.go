package planner_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/zclconf/go-cty/cty"
)

const walkProvider = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
`

func change(t *testing.T, p *planner.Plan, addr string) *planner.Change {
	t.Helper()
	for _, c := range p.Changes {
		if c.Addr.String() == addr {
			return c
		}
	}
	t.Fatalf("no change of %s", addr)
	return nil
}

// A replacement makes the values its dependents derive from its computed
// attributes unknown, and an unknown ForceNew argument replaces them in
// turn; an update in place keeps ids known.
func TestWalkReplacementReachesDependents(t *testing.T) {
	h := newHarness(t)
	src := func(cidr, name string) string {
		return walkProvider + `
resource "aws_vpc" "main" {
  cidr_block = "` + cidr + `"
  tags       = { Name = "` + name + `" }
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 1)
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.a.id
}
output "subnet" {
  value = aws_subnet.a.id
}
`
	}
	h.write(src("10.0.0.0/16", "a"))
	h.apply(h.plan(false))

	h.write(src("10.1.0.0/16", "a"))
	p := h.plan(false)
	want := map[string]string{
		"aws_vpc.main":                  "delete+create",
		"aws_subnet.a":                  "delete+create",
		"aws_route_table.a":             "delete+create",
		"aws_route_table_association.a": "delete+create",
	}
	if diff := cmp.Diff(want, actions(p)); diff != "" {
		t.Errorf("new CIDR (-want +got):\n%s", diff)
	}
	if v := change(t, p, "aws_subnet.a").After.GetAttr("vpc_id"); v.IsKnown() {
		t.Errorf("subnet vpc_id = %#v, want unknown", v)
	}
	if o := p.Outputs[0]; o.After.IsKnown() {
		t.Errorf("output subnet = %#v, want unknown", o.After)
	}

	h.write(src("10.0.0.0/16", "b"))
	p = h.plan(false)
	want = map[string]string{
		"aws_vpc.main":                  "update",
		"aws_subnet.a":                  "no-op",
		"aws_route_table.a":             "no-op",
		"aws_route_table_association.a": "no-op",
	}
	if diff := cmp.Diff(want, actions(p)); diff != "" {
		t.Errorf("new tag (-want +got):\n%s", diff)
	}
	c := change(t, p, "aws_vpc.main")
	if !c.After.GetAttr("id").RawEquals(c.Before.GetAttr("id")) || !c.After.GetAttr("arn").IsKnown() {
		t.Errorf("update in place: id %#v -> %#v, arn %#v; want the id and arn kept", c.Before.GetAttr("id"), c.After.GetAttr("id"), c.After.GetAttr("arn"))
	}
}

// Optional+computed arguments that the configuration leaves unset keep
// their prior values inside set-nested blocks too, each element matched to
// its prior element by what the configuration sets (Terraform's
// ProposedNew); a new element's computed attributes are unknown.
func TestWalkProposedNewInSetBlocks(t *testing.T) {
	h := newHarness(t)
	src := func(subnets ...string) string {
		s := walkProvider + `
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
`
		for _, sn := range subnets {
			s += "  ip_address {\n    subnet_id = \"" + sn + "\"\n  }\n"
		}
		return s + "}\n"
	}
	h.write(src("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"))
	h.apply(h.plan(false))
	if p := h.plan(false); p.HasChanges() {
		t.Fatalf("re-plan has changes: %v", actions(p))
	}

	h.write(src("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb", "subnet-0cccccccccccccccc"))
	p := h.plan(false)
	c := change(t, p, "aws_route53_resolver_endpoint.in")
	if c.Action != planner.Update {
		t.Fatalf("action = %v, want update", c.Action.JSON())
	}
	before := map[string]cty.Value{}
	for _, e := range c.Before.GetAttr("ip_address").AsValueSlice() {
		before[e.GetAttr("subnet_id").AsString()] = e
	}
	for _, e := range c.After.GetAttr("ip_address").AsValueSlice() {
		sn := e.GetAttr("subnet_id").AsString()
		prior, existed := before[sn]
		switch {
		case existed && !e.RawEquals(prior):
			t.Errorf("element of %s: %#v, want its prior value %#v", sn, e, prior)
		case !existed && e.GetAttr("ip_id").IsKnown():
			t.Errorf("new element of %s: ip_id %#v, want unknown", sn, e.GetAttr("ip_id"))
		}
	}
}

// An update recomputes only the computed attributes that depend on the
// changed arguments (schema.Attribute.RecomputedOn).
func TestWalkRecomputedOnUpdate(t *testing.T) {
	h := newHarness(t)
	src := func(subnets string) string {
		return walkProvider + `
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = "vpc-0123456789abcdef0"
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [` + subnets + `]
}
`
	}
	h.write(src(`"subnet-0aaaaaaaaaaaaaaaa"`))
	h.apply(h.plan(false))
	h.write(src(`"subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"`))
	c := change(t, h.plan(false), "aws_vpc_endpoint.ssm")
	if c.Action != planner.Update {
		t.Fatalf("action = %v, want update", c.Action.JSON())
	}
	for name, unknown := range map[string]bool{"network_interface_ids": true, "dns_entry": true, "id": false, "arn": false, "prefix_list_id": false} {
		if got := !c.After.GetAttr(name).IsKnown(); got != unknown {
			t.Errorf("%s unknown = %v, want %v", name, got, unknown)
		}
	}
}

// A computed block the configuration leaves out keeps what AWS reported:
// the security group's rules written elsewhere are no change.
func TestWalkComputedBlockLeftOut(t *testing.T) {
	h := newHarness(t)
	h.write(walkProvider + `
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`)
	h.apply(h.plan(false))
	h.write(walkProvider + `
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
}
`)
	if p := h.plan(false); p.HasChanges() {
		t.Errorf("leaving ingress out plans changes: %v", actions(p))
	}
}

// An optional argument recorded as its zero value ("" here, as the AWS
// provider records arguments left unset) and left unset is no change.
func TestWalkRecordedZeroValueIsUnset(t *testing.T) {
	h := newHarness(t)
	h.write(walkProvider + `
resource "aws_subnet" "a" {
  vpc_id      = "vpc-0123456789abcdef0"
  cidr_block  = "10.0.1.0/24"
  outpost_arn = ""
}
`)
	h.apply(h.plan(false))
	h.write(walkProvider + `
resource "aws_subnet" "a" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}
`)
	if p := h.plan(false); p.HasChanges() {
		t.Errorf("leaving outpost_arn unset plans changes: %v", actions(p))
	}
}

// A nested block holding a ForceNew attribute replaces only when that
// attribute changes.
func TestWalkNestedForceNewAttribute(t *testing.T) {
	h := newHarness(t)
	src := func(ipType, preference string) string {
		return walkProvider + `
resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = "vpc-0123456789abcdef0"
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  dns_options {
    dns_record_ip_type     = "` + ipType + `"
    private_dns_preference = "` + preference + `"
  }
}
`
	}
	h.write(src("ipv4", "ALL_DOMAINS"))
	h.apply(h.plan(false))
	h.write(src("dualstack", "ALL_DOMAINS"))
	if got := change(t, h.plan(false), "aws_vpc_endpoint.ssm").Action; got != planner.Update {
		t.Errorf("dns_record_ip_type change: action %v, want update", got.JSON())
	}
	h.write(src("ipv4", "VERIFIED_DOMAINS_ONLY"))
	if got := change(t, h.plan(false), "aws_vpc_endpoint.ssm").Action; got != planner.DeleteThenCreate {
		t.Errorf("private_dns_preference change: action %v, want replace", got.JSON())
	}
}

// A region recorded empty (a state from before provider v6) that the
// configuration sets to the provider's own Region is no replacement.
func TestWalkRegionFromOldState(t *testing.T) {
	h := newHarness(t)
	h.write(walkProvider + `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`)
	h.apply(h.plan(false))
	st, err := h.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inst := st.Resources[0].Instances[0]
	var attrs map[string]any
	if err := json.Unmarshal(inst.Attributes, &attrs); err != nil {
		t.Fatal(err)
	}
	attrs["region"] = nil
	inst.Attributes, _ = json.Marshal(attrs)
	if err := h.store.Save(st); err != nil {
		t.Fatal(err)
	}
	h.write(walkProvider + `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  region     = "eu-west-1"
}
`)
	if got := change(t, h.plan(false), "aws_vpc.main").Action; got == planner.DeleteThenCreate {
		t.Errorf("setting region to the provider's: action %v, want no replacement", got.JSON())
	}
}

// A value from outside vpcplan's model keeps its recorded value even where
// a function dropped the mark that says so: everything the instance depends
// on is settled, so nothing inside the model made it unknown.
func TestWalkExternalThroughFunctions(t *testing.T) {
	h := newHarness(t)
	if err := os.WriteFile(filepath.Join(h.dir, "main.tf"), []byte(walkProvider+`
resource "random_pet" "name" {}

resource "aws_iam_role" "app" {
  name               = element(concat(random_pet.name[*].id, ["x"]), 0)
  assume_role_policy = "{}"
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	h.apply(h.plan(false))
	p := h.plan(false)
	if p.HasChanges() {
		t.Fatalf("re-plan has changes: %v", actions(p))
	}
	if got := pathStrings(change(t, p, "aws_iam_role.app").External); !cmp.Equal(got, []string{"name"}) {
		t.Errorf("external paths = %v, want [name]", got)
	}
}

func pathStrings(ps []cty.Path) []string {
	var out []string
	for _, p := range ps {
		s := ""
		for _, st := range p {
			if a, ok := st.(cty.GetAttrStep); ok {
				s += a.Name
			}
		}
		out = append(out, s)
	}
	return out
}

// A replacement keeps what dynamic blocks write: only what the
// configuration leaves to AWS becomes unknown.
func TestWalkReplacementKeepsDynamicBlockArguments(t *testing.T) {
	h := newHarness(t)
	src := func(vpc string) string {
		return walkProvider + `
resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = "` + vpc + `"
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  dynamic "dns_options" {
    for_each = ["dualstack"]
    content {
      dns_record_ip_type = dns_options.value
    }
  }
}
`
	}
	h.write(src("vpc-0123456789abcdef0"))
	h.apply(h.plan(false))
	h.write(src("vpc-0123456789abcdef1"))
	c := change(t, h.plan(false), "aws_vpc_endpoint.ssm")
	if c.Action != planner.DeleteThenCreate {
		t.Fatalf("action = %v, want replace", c.Action.JSON())
	}
	got := c.After.GetAttr("dns_options").Index(cty.NumberIntVal(0)).GetAttr("dns_record_ip_type")
	if !got.RawEquals(cty.StringVal("dualstack")) {
		t.Errorf("dns_record_ip_type = %#v, want the configured \"dualstack\"", got)
	}
}
