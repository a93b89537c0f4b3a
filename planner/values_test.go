package planner

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestEqualKnown checks the planner's equality against cty's Equals on the
// shapes resource values take.
func TestEqualKnown(t *testing.T) {
	str := cty.StringVal
	obj := func(id string, ids ...string) cty.Value {
		set := cty.SetValEmpty(cty.String)
		if len(ids) > 0 {
			vals := make([]cty.Value, len(ids))
			for i, s := range ids {
				vals[i] = str(s)
			}
			set = cty.SetVal(vals)
		}
		return cty.ObjectVal(map[string]cty.Value{"id": str(id), "ids": set, "n": cty.NumberIntVal(1)})
	}
	tests := map[string]struct {
		a, b cty.Value
	}{
		"equal strings":           {str("a"), str("a")},
		"different strings":       {str("a"), str("b")},
		"bools":                   {cty.True, cty.False},
		"numbers equal":           {cty.NumberIntVal(3), cty.NumberFloatVal(3)},
		"numbers different":       {cty.NumberIntVal(3), cty.NumberFloatVal(3.5)},
		"sets built in any order": {obj("x", "b", "a", "c"), obj("x", "c", "b", "a")},
		"sets differ":             {obj("x", "a", "b"), obj("x", "a", "c")},
		"sets of other sizes":     {obj("x", "a"), obj("x", "a", "b")},
		"objects differ in id":    {obj("x", "a"), obj("y", "a")},
		"lists equal":             {cty.ListVal([]cty.Value{str("a"), str("b")}), cty.ListVal([]cty.Value{str("a"), str("b")})},
		"lists reordered":         {cty.ListVal([]cty.Value{str("a"), str("b")}), cty.ListVal([]cty.Value{str("b"), str("a")})},
		"maps equal":              {cty.MapVal(map[string]cty.Value{"k": str("v"), "j": str("w")}), cty.MapVal(map[string]cty.Value{"j": str("w"), "k": str("v")})},
		"maps other keys":         {cty.MapVal(map[string]cty.Value{"k": str("v")}), cty.MapVal(map[string]cty.Value{"j": str("v")})},
		"maps other values":       {cty.MapVal(map[string]cty.Value{"k": str("v")}), cty.MapVal(map[string]cty.Value{"k": str("w")})},
		"nested null and value":   {cty.ListVal([]cty.Value{cty.NullVal(cty.String)}), cty.ListVal([]cty.Value{str("a")})},
		"nested nulls":            {cty.ListVal([]cty.Value{cty.NullVal(cty.String)}), cty.ListVal([]cty.Value{cty.NullVal(cty.String)})},
		"marked":                  {str("a").Mark("sensitive"), str("a").Mark("sensitive")},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			eq, _ := tt.a.Equals(tt.b).Unmark()
			want := eq.IsKnown() && eq.True()
			if got := equalKnown(tt.a, tt.b); got != want {
				t.Errorf("equalKnown = %v, Equals says %v", got, want)
			}
			if got := equalKnown(tt.b, tt.a); got != want {
				t.Errorf("equalKnown reversed = %v, Equals says %v", got, want)
			}
		})
	}
	if equalKnown(cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)) {
		t.Error("unknown values compare equal")
	}
}
