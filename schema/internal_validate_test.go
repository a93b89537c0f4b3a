package schema

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestResourcesInternalValidate(t *testing.T) {
	c := NewCatalog()
	known := func(tn TypeName) *Resource { return c.Lookup(ManagedMode, tn) }
	all := append(Resources(), DataSources()...)
	seen := map[string]bool{}
	for _, r := range all {
		key := r.Mode.String() + "." + string(r.Type)
		if seen[key] {
			t.Errorf("%s listed twice", key)
		}
		seen[key] = true
		t.Run(key, func(t *testing.T) {
			if err := r.InternalValidate(known); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestInternalValidateFindsMistakes(t *testing.T) {
	bad := managed("aws_bad", "", nil, nil, true)
	bad.Attributes["x"] = &Attribute{Required: true, Optional: true, Description: "x"}
	bad.Attributes["y"] = optional(cty.String, "y").refersTo(Ref{Type: "aws_nope", Attr: "id"})
	err := bad.InternalValidate(func(TypeName) *Resource { return nil })
	if err == nil {
		t.Fatal("got nil error, want problems reported")
	}
	for _, want := range []string{"aws_bad: no description", "aws_bad.x: Required with Optional or Computed", "aws_bad.x: no type", "aws_bad.y: RefersTo names unknown type aws_nope"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
