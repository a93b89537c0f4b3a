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
