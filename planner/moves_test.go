package planner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

func TestApplyMoves(t *testing.T) {
	dir := t.TempDir()
	src := `
moved {
  from = aws_vpc.a
  to   = aws_vpc.b
}
moved {
  from = aws_vpc.b
  to   = aws_vpc.c
}
moved {
  from = module.net["x"]
  to   = module.net["y"]
}
moved {
  from = module.old
  to   = module.new
}
moved {
  from = aws_subnet.s[0]
  to   = aws_subnet.s["zero"]
}
moved {
  from = aws_route_table.taken
  to   = aws_route_table.kept
}
moved {
  from = aws_vpc.nothing
  to   = aws_vpc.still_nothing
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.NewLoader(schema.NewCatalog()).Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	res := func(module, typ, name string, keys ...string) *state.Resource {
		r := &state.Resource{Module: module, Mode: "managed", Type: typ, Name: name, Provider: `provider["registry.terraform.io/hashicorp/aws"]`}
		for _, k := range keys {
			r.Instances = append(r.Instances, &state.Instance{IndexKey: json.RawMessage(k), Attributes: json.RawMessage(`{}`)})
		}
		return r
	}
	prior := state.New("test")
	prior.Resources = []*state.Resource{
		res("", "aws_vpc", "a", ""),
		res(`module.net["x"]`, "aws_vpc", "this", ""),
		res(`module.net["z"]`, "aws_vpc", "this", ""),
		res(`module.old[0].module.inner`, "aws_vpc", "this", ""),
		res(`module.old[1]`, "aws_vpc", "this", ""),
		res("", "aws_subnet", "s", "0", "1"),
		res("", "aws_route_table", "taken", ""),
		res("", "aws_route_table", "kept", ""),
	}
	moved, moves, diags := ApplyMoves(prior, cfg)
	if len(diags) != 1 || diags[0].Summary != "Move destination already exists" || diags[0].Subject.Start.Line != 22 {
		t.Errorf("diagnostics: %v, want one \"Move destination already exists\" on line 22", diags)
	}
	var got []string
	for _, r := range moved.Resources {
		for _, inst := range r.Instances {
			a, err := r.InstanceAddr(inst)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, a.String())
		}
	}
	sort.Strings(got)
	want := []string{
		`aws_route_table.kept`,
		`aws_route_table.taken`,
		`aws_subnet.s["zero"]`,
		`aws_subnet.s[1]`,
		`aws_vpc.c`,
		`module.net["y"].aws_vpc.this`,
		`module.net["z"].aws_vpc.this`,
		`module.new[0].module.inner.aws_vpc.this`,
		`module.new[1].aws_vpc.this`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("moved state (-want +got):\n%s", diff)
	}
	gotMoves := map[string]string{}
	for to, from := range moves {
		gotMoves[to.String()] = from.String()
	}
	wantMoves := map[string]string{
		`aws_vpc.c`:                               `aws_vpc.a`, // chained: a to b to c
		`module.net["y"].aws_vpc.this`:            `module.net["x"].aws_vpc.this`,
		`module.new[0].module.inner.aws_vpc.this`: `module.old[0].module.inner.aws_vpc.this`,
		`module.new[1].aws_vpc.this`:              `module.old[1].aws_vpc.this`,
		`aws_subnet.s["zero"]`:                    `aws_subnet.s[0]`,
	}
	if diff := cmp.Diff(wantMoves, gotMoves); diff != "" {
		t.Errorf("moves (-want +got):\n%s", diff)
	}
	// The stored state is not changed (Encode may sort it).
	names := map[string]bool{}
	for _, r := range prior.Resources {
		names[r.Module+"|"+r.Name] = true
	}
	if len(prior.Resources) != 8 || !names["|a"] || !names[`module.net["x"]|this`] {
		t.Errorf("the prior state was changed: %v", names)
	}
}
