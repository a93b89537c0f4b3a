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
	bad.Attributes["z"] = optional(cty.String, "z").recomputedOn("y")
	bad.Attributes["w"] = computed(cty.String, "w").recomputedOn("nope")
	err := bad.InternalValidate(func(TypeName) *Resource { return nil })
	if err == nil {
		t.Fatal("got nil error, want problems reported")
	}
	for _, want := range []string{"aws_bad: no description", "aws_bad.x: Required with Optional or Computed", "aws_bad.x: no type", "aws_bad.y: RefersTo names unknown type aws_nope", "aws_bad.z: RecomputedOn on an attribute that is not computed", `aws_bad.w: RecomputedOn names "nope", which is no argument of the block`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// TestTopLevelIndex checks that every top-level attribute and block of
// every schema has a position in TopLevelNames, and only those.
func TestTopLevelIndex(t *testing.T) {
	for _, r := range append(Resources(), DataSources()...) {
		names := r.TopLevelNames()
		if len(names) != len(r.Attributes)+len(r.Blocks) {
			t.Errorf("%s: %d names, want %d", r.Type, len(names), len(r.Attributes)+len(r.Blocks))
		}
		for i, n := range names {
			if j, ok := r.TopLevelIndex(n); !ok || j != i {
				t.Errorf("%s: TopLevelIndex(%q) = %d, %v; want %d", r.Type, n, j, ok, i)
			}
			_, attr := r.Attributes[n]
			_, block := r.Blocks[n]
			if !attr && !block {
				t.Errorf("%s: %q is neither an attribute nor a block", r.Type, n)
			}
		}
		if _, ok := r.TopLevelIndex("no_such_attribute"); ok {
			t.Errorf("%s: an unknown name has an index", r.Type)
		}
	}
}
