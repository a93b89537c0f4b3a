package config

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TestAttrIndexMatchesValue checks that Attr on the finished model, which
// reads an index of the value's fields, gives exactly what the value
// holds, for every field of every instance of every example, and nil for
// names outside the schema.
func TestAttrIndexMatchesValue(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.hcl")
	if err != nil {
		t.Fatal(err)
	}
	catalog := schema.NewCatalog()
	checked := 0
	for _, f := range files {
		l := NewLoader(catalog)
		cfg, diags := l.Load([]string{f})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		m, diags := l.Evaluate(context.Background(), cfg, Options{Mode: ValidateMode})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		for _, inst := range m.Instances {
			if !inst.final {
				t.Fatalf("%s: not marked final", inst.Addr)
			}
			for _, name := range inst.Schema.TopLevelNames() {
				got, want := inst.Attr(name), inst.attrSlow(name)
				if !got.RawEquals(want) {
					t.Errorf("%s.%s: Attr = %#v, value holds %#v", inst.Addr, name, got, want)
				}
				checked++
			}
			if v := inst.Attr("no_such_attribute"); v != cty.NilVal {
				t.Errorf("%s: Attr of an unknown name = %#v, want NilVal", inst.Addr, v)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no fields checked")
	}
}

// TestTagsAll checks that tags_all is tags as soon as tags is known (the
// provider's merge with default_tags, which vpcplan does not model), empty
// without tags, unknown while tags is, and that it replaces a stale prior
// value.
func TestTagsAll(t *testing.T) {
	const src = `variable "owner" {
  type = string
}
resource "aws_vpc" "tagged" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}
resource "aws_vpc" "untagged" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc" "unknown" {
  cidr_block = "10.2.0.0/16"
  tags       = { Owner = var.owner }
}
`
	stale := cty.ObjectVal(map[string]cty.Value{
		"tags_all": cty.MapVal(map[string]cty.Value{"Name": cty.StringVal("old")}),
	})
	m := mustEvaluate(t, map[string]string{"main.hcl": src}, Options{
		Mode: ValidateMode,
		Known: func(addr schema.InstanceAddr) (cty.Value, bool) {
			return stale, addr.String() == "aws_vpc.tagged"
		},
	})
	want := map[string]cty.Value{
		"aws_vpc.tagged":   cty.MapVal(map[string]cty.Value{"Name": cty.StringVal("main")}),
		"aws_vpc.untagged": cty.MapValEmpty(cty.String),
		"aws_vpc.unknown":  cty.UnknownVal(cty.Map(cty.String)),
	}
	for _, inst := range m.Instances {
		if got := inst.Attr("tags_all"); !got.RawEquals(want[inst.Addr.String()]) {
			t.Errorf("%s.tags_all = %#v, want %#v", inst.Addr, got, want[inst.Addr.String()])
		}
	}
}
