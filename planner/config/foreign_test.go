package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TestEvaluateForeign checks that references to blocks outside the
// catalog see what Options.Foreign returns, fitted to the configuration's
// count and for_each, and unknown without it.
func TestEvaluateForeign(t *testing.T) {
	obj := func(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }
	recorded := map[schema.Addr]cty.Value{
		{Mode: schema.ManagedMode, Type: "terraform_data", Name: "one"}: obj(map[string]cty.Value{
			"output": obj(map[string]cty.Value{"name": cty.StringVal("net")}),
		}),
		{Mode: schema.DataMode, Type: "aws_availability_zones", Name: "azs"}: obj(map[string]cty.Value{
			"names": cty.TupleVal([]cty.Value{cty.StringVal("eu-west-1a"), cty.StringVal("eu-west-1b")}),
		}),
		{Mode: schema.ManagedMode, Type: "random_pet", Name: "counted"}: cty.TupleVal([]cty.Value{
			obj(map[string]cty.Value{"id": cty.StringVal("a")}),
		}),
		{Mode: schema.ManagedMode, Type: "random_pet", Name: "keyed"}: obj(map[string]cty.Value{
			"x": obj(map[string]cty.Value{"id": cty.StringVal("px")}),
			"y": obj(map[string]cty.Value{"id": cty.StringVal("py")}),
		}),
		// The configuration has no count: a tuple is of an older one.
		{Mode: schema.ManagedMode, Type: "random_pet", Name: "was_counted"}: cty.TupleVal([]cty.Value{
			obj(map[string]cty.Value{"id": cty.StringVal("a")}),
		}),
	}
	foreign := func(addr schema.Addr) (cty.Value, bool) {
		v, ok := recorded[addr]
		return v, ok
	}
	src := `
resource "terraform_data" "one" {}
data "aws_availability_zones" "azs" {}
resource "random_pet" "counted" {
  count = 2
}
resource "random_pet" "keyed" {
  for_each = toset(["x", "z"])
}
resource "random_pet" "was_counted" {}
resource "random_pet" "unrecorded" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = terraform_data.one.output.name
  }
}

output "name" {
  value = terraform_data.one.output.name
}
output "az" {
  value = data.aws_availability_zones.azs.names[1]
}
output "counted0" {
  value = random_pet.counted[0].id
}
output "counted1" {
  value = random_pet.counted[1]
}
output "keyed" {
  value = random_pet.keyed["x"].id
}
output "keyed_new" {
  value = random_pet.keyed["z"]
}
output "keys" {
  value = keys(random_pet.keyed)
}
output "was_counted" {
  value = random_pet.was_counted
}
output "unrecorded" {
  value = random_pet.unrecorded
}
`
	files := map[string]string{"main.tf": src}
	m := mustEvaluate(t, files, Options{Mode: PlanMode, Foreign: foreign})
	got := map[string]cty.Value{}
	external := map[string]bool{}
	for _, o := range m.Outputs {
		got[o.Output.Name] = o.Value
		external[o.Output.Name] = o.External
	}
	want := map[string]cty.Value{
		"name":        cty.StringVal("net"),
		"az":          cty.StringVal("eu-west-1b"),
		"counted0":    cty.StringVal("a"),
		"counted1":    cty.DynamicVal,
		"keyed":       cty.StringVal("px"),
		"keyed_new":   cty.DynamicVal,
		"keys":        cty.TupleVal([]cty.Value{cty.StringVal("x"), cty.StringVal("z")}),
		"was_counted": cty.DynamicVal,
		"unrecorded":  cty.DynamicVal,
	}
	if diff := cmp.Diff(want, got, ctyCmp); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}
	if !external["unrecorded"] || external["name"] {
		t.Errorf("External: got %v, want true only where the value is unknown", external)
	}
	// A recorded value is still external: arguments derived from it are
	// recorded as such.
	vpc := m.Instance(schema.Addr{Mode: schema.ManagedMode, Type: "aws_vpc", Name: "main"}.Instance(schema.NoKey))
	if vpc == nil {
		t.Fatal("aws_vpc.main not evaluated")
	}
	if got, want := vpc.Value.GetAttr("tags").Index(cty.StringVal("Name")), cty.StringVal("net"); !got.RawEquals(want) {
		t.Errorf("tags.Name = %#v, want %#v", got, want)
	}
	wantPaths := []cty.Path{cty.GetAttrPath("tags").Index(cty.StringVal("Name"))}
	pathCmp := cmp.Comparer(func(a, b cty.Path) bool { return a.Equals(b) })
	if diff := cmp.Diff(wantPaths, vpc.ExternalPaths, pathCmp); diff != "" {
		t.Errorf("ExternalPaths mismatch (-want +got):\n%s", diff)
	}

	// Without the hook, every such value is unknown, as before.
	m = mustEvaluate(t, files, Options{Mode: PlanMode})
	for _, o := range m.Outputs {
		if o.Value.IsKnown() {
			t.Errorf("output %s = %#v without Foreign, want unknown", o.Output.Name, o.Value)
		}
	}
}
