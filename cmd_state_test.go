package main

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

func TestParseStateAddr(t *testing.T) {
	vpc := schema.Addr{Mode: schema.ManagedMode, Type: "aws_vpc", Name: "this"}
	tests := map[string]struct {
		module string
		addr   schema.InstanceAddr
		ok     bool
	}{
		`aws_vpc.this`:                            {"", vpc.Instance(schema.NoKey), true},
		`data.aws_region.current`:                 {"", schema.Addr{Mode: schema.DataMode, Type: "aws_region", Name: "current"}.Instance(schema.NoKey), true},
		`module.vpc.aws_vpc.this[0]`:              {"module.vpc", vpc.Instance(schema.IntKey(0)), true},
		`module.a[0].module.b["x"].aws_vpc.this`:  {`module.a[0].module.b["x"]`, vpc.Instance(schema.NoKey), true},
		`module.vpc.data.aws_region.current`:      {"module.vpc", schema.Addr{Mode: schema.DataMode, Type: "aws_region", Name: "current"}.Instance(schema.NoKey), true},
		`module.vpc`:                              {},
		`module.vpc.aws_vpc.this[0].id`:           {},
		`module["x"].aws_vpc.this`:                {},
		`not an address`:                          {},
		`module.vpc.module.aws_vpc.this`:          {},
		`module.vpc.aws_vpc.this["a"]["b"]`:       {},
		`terraform_data.naming`:                   {"", schema.Addr{Mode: schema.ManagedMode, Type: "terraform_data", Name: "naming"}.Instance(schema.NoKey), true},
		`module.network.terraform_data.naming[2]`: {"module.network", schema.Addr{Mode: schema.ManagedMode, Type: "terraform_data", Name: "naming"}.Instance(schema.IntKey(2)), true},
	}
	for in, tc := range tests {
		t.Run(in, func(t *testing.T) {
			module, addr, ok := parseStateAddr(in)
			if ok != tc.ok || module != tc.module || addr != tc.addr {
				t.Errorf("got %q, %v, %v; want %q, %v, %v", module, addr, ok, tc.module, tc.addr, tc.ok)
			}
		})
	}
}

// TestStateAddressesWithModules checks that list, show, mv and rm name
// module instances by their Terraform address.
func TestStateAddressesWithModules(t *testing.T) {
	st := state.New("test")
	st.Resources = []*state.Resource{
		{Mode: "managed", Type: "aws_vpc", Name: "main", Instances: []*state.Instance{{Attributes: json.RawMessage(`{"id": "vpc-1"}`)}}},
		{Module: "module.vpc", Mode: "managed", Type: "aws_vpc", Name: "this", Instances: []*state.Instance{{IndexKey: json.RawMessage(`0`), Attributes: json.RawMessage(`{"id": "vpc-2"}`)}}},
	}
	list := func() []string {
		var out []string
		for _, r := range st.Resources {
			for _, inst := range r.Instances {
				out = append(out, instanceAddr(r, inst))
			}
		}
		return out
	}
	if diff := cmp.Diff([]string{"aws_vpc.main", "module.vpc.aws_vpc.this[0]"}, list()); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	if _, inst := findInstance(st, "module.vpc.aws_vpc.this[0]"); inst == nil {
		t.Error("findInstance does not find the module instance")
	}
	if msg := moveInstance(st, "module.vpc.aws_vpc.this[0]", `module.net["a"].aws_vpc.main`); msg != "" {
		t.Fatalf("moveInstance: %s", msg)
	}
	if msg := moveInstance(st, "aws_vpc.main", "module.vpc.aws_vpc.this"); msg != "" {
		t.Fatalf("moveInstance: %s", msg)
	}
	st.Sort()
	if diff := cmp.Diff([]string{`module.net["a"].aws_vpc.main`, "module.vpc.aws_vpc.this"}, list()); diff != "" {
		t.Errorf("addresses after mv (-want +got):\n%s", diff)
	}
	if !removeInstance(st, `module.net["a"].aws_vpc.main`) {
		t.Error("removeInstance does not find the module instance")
	}
	if diff := cmp.Diff([]string{"module.vpc.aws_vpc.this"}, list()); diff != "" {
		t.Errorf("addresses after rm (-want +got):\n%s", diff)
	}
}

func TestJSONTextTyped(t *testing.T) {
	raw := json.RawMessage(`{"env": "prod", "tags": {"Name": "x", "not-ident": "y"}, "list": [{"a": 1}]}`)
	ty := cty.Object(map[string]cty.Type{
		"env":  cty.String,
		"tags": cty.Map(cty.String),
		"list": cty.List(cty.Object(map[string]cty.Type{"a": cty.Number})),
	})
	want := `{
    env  = "prod"
    list = [
        {
            a = 1
        },
    ]
    tags = {
        "Name"      = "x"
        "not-ident" = "y"
    }
}`
	if diff := cmp.Diff(want, jsonText(raw, ty)); diff != "" {
		t.Errorf("typed (-want +got):\n%s", diff)
	}
	wantUntyped := `{
    "env"  = "prod"
    "list" = [
        {
            "a" = 1
        },
    ]
    "tags" = {
        "Name"      = "x"
        "not-ident" = "y"
    }
}`
	if diff := cmp.Diff(wantUntyped, jsonText(raw, cty.NilType)); diff != "" {
		t.Errorf("untyped (-want +got):\n%s", diff)
	}
}
