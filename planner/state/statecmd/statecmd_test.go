package statecmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

// fixture is a state with root resources and resources of module
// instances, nested and keyed:
//
//	aws_vpc.main                      (depends on nothing)
//	aws_subnet.a[0], aws_subnet.a[1]
//	data.aws_region.current
//	module.vpc.aws_vpc.this[0]        (depends on module.vpc.aws_subnet.x)
//	module.vpc.module.sub.aws_subnet.x
//	module.net["west"].aws_subnet.a
//	module.net["east"].aws_subnet.a   (and a deposed object)
const fixture = `{
  "version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "l", "outputs": {},
  "resources": [
    {"mode": "managed", "type": "aws_vpc", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"schema_version": 1, "attributes": {"id": "vpc-1"}}]},
    {"mode": "managed", "type": "aws_subnet", "name": "a", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"index_key": 0, "schema_version": 1, "attributes": {"id": "subnet-0"}, "dependencies": ["aws_vpc.main"]},
                   {"index_key": 1, "schema_version": 1, "attributes": {"id": "subnet-1"}, "dependencies": ["aws_vpc.main"]}]},
    {"mode": "data", "type": "aws_region", "name": "current", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"schema_version": 0, "attributes": {"name": "eu-west-1"}}]},
    {"module": "module.vpc", "mode": "managed", "type": "aws_vpc", "name": "this", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"index_key": 0, "schema_version": 1, "attributes": {"id": "vpc-2"}, "dependencies": ["module.vpc.module.sub.aws_subnet.x"]}]},
    {"module": "module.vpc.module.sub", "mode": "managed", "type": "aws_subnet", "name": "x", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"schema_version": 1, "attributes": {"id": "subnet-x"}}]},
    {"module": "module.net[\"west\"]", "mode": "managed", "type": "aws_subnet", "name": "a", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"schema_version": 1, "attributes": {"id": "subnet-w"}}]},
    {"module": "module.net[\"east\"]", "mode": "managed", "type": "aws_subnet", "name": "a", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"].east",
     "instances": [{"schema_version": 1, "attributes": {"id": "subnet-e"}},
                   {"schema_version": 1, "deposed": "00000001", "attributes": {"id": "subnet-e-old"}}]}
  ]
}`

func load(t *testing.T) *state.State {
	t.Helper()
	st, err := state.Decode([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func strs(addrs []schema.InstanceAddr) []string {
	out := make([]string, len(addrs))
	for i, a := range addrs {
		out[i] = a.String()
	}
	return out
}

func targets(t *testing.T, args ...string) []Target {
	t.Helper()
	var out []Target
	for _, a := range args {
		tg, diags := ParseTarget(a)
		if diags.HasErrors() {
			t.Fatalf("ParseTarget(%q): %s", a, diags.Error())
		}
		out = append(out, tg)
	}
	return out
}

func errText(diags hcl.Diagnostics) string {
	var b []string
	for _, d := range diags {
		b = append(b, d.Summary+": "+d.Detail)
	}
	return strings.Join(b, "\n")
}

func TestParseTarget(t *testing.T) {
	tests := map[string]struct {
		kind TargetKind
		str  string
		bad  bool
	}{
		`aws_vpc.this`:                           {kind: ResourceTarget, str: `aws_vpc.this`},
		`data.aws_region.current`:                {kind: ResourceTarget, str: `data.aws_region.current`},
		`aws_subnet.a[0]`:                        {kind: InstanceTarget, str: `aws_subnet.a[0]`},
		`module.vpc.aws_vpc.this[0]`:             {kind: InstanceTarget, str: `module.vpc.aws_vpc.this[0]`},
		`module.a[0].module.b["x"].aws_vpc.this`: {kind: ResourceTarget, str: `module.a[0].module.b["x"].aws_vpc.this`},
		`module.vpc`:                             {kind: ModuleTarget, str: `module.vpc`},
		`module.net["west"].module.sub`:          {kind: ModuleTarget, str: `module.net["west"].module.sub`},
		`module.vpc.aws_vpc.this[0].id`:          {bad: true},
		`module["x"].aws_vpc.this`:               {bad: true},
		`not an address`:                         {bad: true},
		`module.vpc.aws_vpc.this["a"]["b"]`:      {bad: true},
		``:                                       {bad: true},
	}
	for in, tc := range tests {
		t.Run(in, func(t *testing.T) {
			got, diags := ParseTarget(in)
			if diags.HasErrors() != tc.bad {
				t.Fatalf("got errors %v, want %v: %s", diags.HasErrors(), tc.bad, errText(diags))
			}
			if tc.bad {
				for _, d := range diags {
					if d.Subject != nil {
						t.Errorf("diagnostic %q has a source range; a command-line address has none", d.Summary)
					}
				}
				return
			}
			if got.Kind != tc.kind || got.String() != tc.str {
				t.Errorf("got kind %v, %q; want %v, %q", got.Kind, got.String(), tc.kind, tc.str)
			}
		})
	}
}

func TestList(t *testing.T) {
	all := []string{
		`data.aws_region.current`, `aws_subnet.a[0]`, `aws_subnet.a[1]`, `aws_vpc.main`,
		`module.net["east"].aws_subnet.a`, `module.net["west"].aws_subnet.a`,
		`module.vpc.aws_vpc.this[0]`, `module.vpc.module.sub.aws_subnet.x`,
	}
	tests := map[string]struct {
		args    []string
		want    []string
		wantErr string
	}{
		"everything":                {want: all},
		"a resource":                {args: []string{"aws_subnet.a"}, want: []string{`aws_subnet.a[0]`, `aws_subnet.a[1]`}},
		"an instance":               {args: []string{"aws_subnet.a[1]"}, want: []string{`aws_subnet.a[1]`}},
		"a module and its children": {args: []string{"module.vpc"}, want: []string{`module.vpc.aws_vpc.this[0]`, `module.vpc.module.sub.aws_subnet.x`}},
		"every key of a call":       {args: []string{"module.net"}, want: []string{`module.net["east"].aws_subnet.a`, `module.net["west"].aws_subnet.a`}},
		"one key of a call":         {args: []string{`module.net["west"]`}, want: []string{`module.net["west"].aws_subnet.a`}},
		"a nested module":           {args: []string{"module.vpc.module.sub"}, want: []string{`module.vpc.module.sub.aws_subnet.x`}},
		"a resource in a module":    {args: []string{`module.net["east"].aws_subnet.a`}, want: []string{`module.net["east"].aws_subnet.a`}},
		"targets in turn":           {args: []string{"module.vpc.module.sub", "aws_vpc.main"}, want: []string{`module.vpc.module.sub.aws_subnet.x`, `aws_vpc.main`}},
		"an unknown module":         {args: []string{"module.nope"}, wantErr: "Unknown module: The current state contains no module at module.nope."},
		"an unknown key":            {args: []string{`module.net["north"]`}, wantErr: `Unknown module: The current state contains no module at module.net["north"].`},
		"an unknown resource":       {args: []string{"aws_vpc.nope"}, wantErr: "Unknown resource: The current state contains no resource aws_vpc.nope."},
		"an unknown instance":       {args: []string{"aws_subnet.a[7]"}, wantErr: "Unknown resource instance: The current state contains no resource instance aws_subnet.a[7]."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := List(load(t), targets(t, tc.args...))
			if tc.wantErr != "" {
				if !strings.HasPrefix(errText(diags), tc.wantErr) {
					t.Errorf("got diagnostics %q, want one starting %q", errText(diags), tc.wantErr)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(errText(diags))
			}
			if diff := cmp.Diff(tc.want, strs(got)); diff != "" {
				t.Errorf("List() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFind(t *testing.T) {
	st := load(t)
	addr, _ := schema.ParseInstanceAddr(`module.net["east"].aws_subnet.a`)
	r, inst := Find(st, addr)
	if inst == nil || inst.Deposed != "" || r.Module != `module.net["east"]` {
		t.Fatalf("got %v, %v; want the current object of module.net[\"east\"].aws_subnet.a", r, inst)
	}
	addr, _ = schema.ParseInstanceAddr(`module.vpc.aws_vpc.this`)
	if _, inst := Find(st, addr); inst != nil {
		t.Errorf("found %s, which has only the key 0", addr)
	}
}

func TestRemove(t *testing.T) {
	tests := map[string]struct {
		args    []string
		removed []string
		left    []string
		wantErr string
	}{
		"a module instance with the modules inside it": {
			args:    []string{"module.vpc"},
			removed: []string{`module.vpc.aws_vpc.this[0]`, `module.vpc.module.sub.aws_subnet.x`},
			left:    []string{`data.aws_region.current`, `aws_subnet.a[0]`, `aws_subnet.a[1]`, `aws_vpc.main`, `module.net["east"].aws_subnet.a`, `module.net["west"].aws_subnet.a`},
		},
		"every instance of a call, deposed objects included": {
			args:    []string{"module.net", "aws_subnet.a[0]"},
			removed: []string{`module.net["east"].aws_subnet.a`, `module.net["west"].aws_subnet.a`, `aws_subnet.a[0]`},
			left:    []string{`data.aws_region.current`, `aws_subnet.a[1]`, `aws_vpc.main`, `module.vpc.aws_vpc.this[0]`, `module.vpc.module.sub.aws_subnet.x`},
		},
		"a whole resource, and a target that matches nothing": {
			args:    []string{"aws_subnet.a", "aws_vpc.nope"},
			removed: []string{`aws_subnet.a[0]`, `aws_subnet.a[1]`},
			left:    []string{`data.aws_region.current`, `aws_vpc.main`, `module.net["east"].aws_subnet.a`, `module.net["west"].aws_subnet.a`, `module.vpc.aws_vpc.this[0]`, `module.vpc.module.sub.aws_subnet.x`},
		},
		"nothing": {
			args:    []string{"module.nope", "aws_vpc.this"},
			wantErr: "Invalid target address: No matching objects found.",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			st := load(t)
			removed, diags := Remove(st, targets(t, tc.args...))
			if tc.wantErr != "" {
				if !strings.HasPrefix(errText(diags), tc.wantErr) {
					t.Errorf("got diagnostics %q, want one starting %q", errText(diags), tc.wantErr)
				}
				if !state.Equal(st, load(t)) {
					t.Error("a failed rm changed the state")
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(errText(diags))
			}
			if diff := cmp.Diff(tc.removed, strs(removed)); diff != "" {
				t.Errorf("removed (-want +got):\n%s", diff)
			}
			left, _ := All(st)
			if diff := cmp.Diff(tc.left, strs(left)); diff != "" {
				t.Errorf("left (-want +got):\n%s", diff)
			}
			for _, r := range st.Resources {
				if len(r.Instances) == 0 {
					t.Errorf("%s is left without instances", r.Addr())
				}
			}
		})
	}
}

func TestMove(t *testing.T) {
	tests := map[string]struct {
		src, dst string
		moved    []Moved
		// changed maps the addresses that moved to where they went; the
		// rest of the state stays as it is.
		changed map[string]string
		wantErr string
	}{
		"an instance into a module": {
			src: "aws_vpc.main", dst: "module.net.aws_vpc.main",
			moved:   []Moved{{"aws_vpc.main", "module.net.aws_vpc.main"}},
			changed: map[string]string{"aws_vpc.main": "module.net.aws_vpc.main"},
		},
		"an instance out of a module, given as a resource": {
			src: "module.vpc.aws_vpc.this[0]", dst: "aws_vpc.this",
			moved:   []Moved{{"module.vpc.aws_vpc.this[0]", "aws_vpc.this"}},
			changed: map[string]string{"module.vpc.aws_vpc.this[0]": "aws_vpc.this"},
		},
		"an instance to another key": {
			src: "aws_subnet.a[1]", dst: `aws_subnet.a["b"]`,
			moved:   []Moved{{"aws_subnet.a[1]", `aws_subnet.a["b"]`}},
			changed: map[string]string{"aws_subnet.a[1]": `aws_subnet.a["b"]`},
		},
		"a whole resource into a module": {
			src: "aws_subnet.a", dst: `module.net["west"].aws_subnet.b`,
			moved: []Moved{{"aws_subnet.a", `module.net["west"].aws_subnet.b`}},
			changed: map[string]string{
				"aws_subnet.a[0]": `module.net["west"].aws_subnet.b[0]`,
				"aws_subnet.a[1]": `module.net["west"].aws_subnet.b[1]`,
			},
		},
		"a module with the modules inside it": {
			src: "module.vpc", dst: `module.net["north"]`,
			moved: []Moved{{"module.vpc", `module.net["north"]`}, {"module.vpc.module.sub", `module.net["north"].module.sub`}},
			changed: map[string]string{
				"module.vpc.aws_vpc.this[0]":         `module.net["north"].aws_vpc.this[0]`,
				"module.vpc.module.sub.aws_subnet.x": `module.net["north"].module.sub.aws_subnet.x`,
			},
		},
		"one instance of a call": {
			src: `module.net["west"]`, dst: `module.net["south"]`,
			moved:   []Moved{{`module.net["west"]`, `module.net["south"]`}},
			changed: map[string]string{`module.net["west"].aws_subnet.a`: `module.net["south"].aws_subnet.a`},
		},
		"a nested module to the top": {
			src: "module.vpc.module.sub", dst: "module.sub",
			moved:   []Moved{{"module.vpc.module.sub", "module.sub"}},
			changed: map[string]string{"module.vpc.module.sub.aws_subnet.x": "module.sub.aws_subnet.x"},
		},
		"onto an instance": {
			src: "aws_subnet.a[0]", dst: "aws_subnet.a[1]",
			wantErr: "Invalid target address: Cannot move to aws_subnet.a[1]: there is already a resource instance at that address in the current state.",
		},
		"onto a resource": {
			src: "aws_subnet.a", dst: `module.net["west"].aws_subnet.a`,
			wantErr: `Invalid target address: Cannot move to module.net["west"].aws_subnet.a: there is already a resource at that address in the current state.`,
		},
		"onto a module": {
			src: `module.net["west"]`, dst: `module.net["east"]`,
			wantErr: `Error moving state: The destination module module.net["east"] already exists.`,
		},
		"a module to a resource": {
			src: "module.vpc.module.sub", dst: "aws_subnet.x",
			wantErr: "Invalid target address: Cannot move module.vpc.module.sub to aws_subnet.x: the target must also be a module.",
		},
		"a whole resource to an instance": {
			src: "aws_subnet.a", dst: "aws_subnet.b[0]",
			wantErr: "Invalid target address: Cannot move aws_subnet.a to aws_subnet.b[0]: the source is a whole resource (not a resource instance) so the target must also be a whole resource.",
		},
		"another type": {
			src: "aws_vpc.main", dst: "aws_subnet.main",
			wantErr: "Invalid state move request: Cannot move aws_vpc.main to aws_subnet.main: resource types don't match.",
		},
		"a data source to a resource": {
			src: "data.aws_region.current", dst: "aws_region.current",
			wantErr: "Invalid state move request: Cannot move data.aws_region.current to aws_region.current: a data resource can be moved only to another data resource address.",
		},
		"nothing": {
			src: "module.nope", dst: "module.other",
			wantErr: "Invalid source address: Cannot move module.nope: does not match anything in the current state.",
		},
		"an instance not in the state": {
			src: "aws_subnet.a[5]", dst: "aws_subnet.a[6]",
			wantErr: "Invalid source address: The current state does not contain aws_subnet.a[5].",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			st := load(t)
			before, _ := All(st)
			moved, diags := Move(st, tc.src, tc.dst)
			if tc.wantErr != "" {
				if !strings.HasPrefix(errText(diags), tc.wantErr) {
					t.Errorf("got diagnostics %q, want one starting %q", errText(diags), tc.wantErr)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(errText(diags))
			}
			if diff := cmp.Diff(tc.moved, moved); diff != "" {
				t.Errorf("moved (-want +got):\n%s", diff)
			}
			var want []string
			for _, a := range before {
				if to, ok := tc.changed[a.String()]; ok {
					want = append(want, to)
					continue
				}
				want = append(want, a.String())
			}
			wantAddrs := make([]schema.InstanceAddr, len(want))
			for i, w := range want {
				wantAddrs[i], _ = schema.ParseInstanceAddr(w)
			}
			after, _ := All(st)
			if diff := cmp.Diff(strs(sortedUnique(wantAddrs)), strs(after)); diff != "" {
				t.Errorf("state after mv (-want +got):\n%s", diff)
			}
			data, err := st.Encode()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := state.Decode(data); err != nil {
				t.Errorf("the moved state does not decode: %s", err)
			}
		})
	}
}

// TestMoveKeepsObjects checks that a moved instance keeps its attributes,
// its deposed objects and its provider, and that dependencies naming what
// moved are cleared.
func TestMoveKeepsObjects(t *testing.T) {
	st := load(t)
	if _, diags := Move(st, `module.net["east"].aws_subnet.a`, "aws_subnet.east"); diags.HasErrors() {
		t.Fatal(errText(diags))
	}
	var got *state.Resource
	for _, r := range st.Resources {
		if r.Module == "" && r.Name == "east" {
			got = r
		}
	}
	if got == nil || len(got.Instances) != 2 {
		t.Fatalf("got %+v, want aws_subnet.east with its current and deposed objects", got)
	}
	if got.Provider != `provider["registry.terraform.io/hashicorp/aws"].east` {
		t.Errorf("provider %q, want the source's", got.Provider)
	}
	var ids []string
	for _, inst := range got.Instances {
		var attrs struct{ ID string }
		_ = json.Unmarshal(inst.Attributes, &attrs)
		ids = append(ids, attrs.ID+"/"+inst.Deposed)
	}
	if diff := cmp.Diff([]string{"subnet-e/", "subnet-e-old/00000001"}, ids); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}

	if _, diags := Move(st, "aws_vpc.main", "aws_vpc.primary"); diags.HasErrors() {
		t.Fatal(errText(diags))
	}
	if _, diags := Move(st, "module.vpc.module.sub", "module.sub"); diags.HasErrors() {
		t.Fatal(errText(diags))
	}
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			if len(inst.Dependencies) > 0 {
				t.Errorf("%s.%s.%s keeps dependencies %v on what moved", r.Module, r.Type, r.Name, inst.Dependencies)
			}
		}
	}
}
