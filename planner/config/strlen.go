package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
)

// stringLengthBound reports a string in v, the value of expr, longer than
// max, the string length bound. Functions check what they build themselves
// (planner/funcs); this catches templates, which hcl builds without a
// bound: locals that each join two copies of the one before double in
// length each time, and stop here at the first past the bound, having
// used memory in proportion to it. A bare reference (local.x) builds no
// string and is not walked again.
func stringLengthBound(expr hcl.Expression, what string, v cty.Value, max int64) *hcl.Diagnostic {
	switch expr.(type) {
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.LiteralValueExpr:
		return nil
	}
	n := longestString(v, max)
	if n <= max {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "String too long",
		Detail:   fmt.Sprintf("The value of %s holds a string longer than vpcplan builds: %s.", what, bounds.StringLength.Exceeded("it has", n, max)),
		Subject:  expr.Range().Ptr(),
	}
}

// longestString returns the length of the first known string of v longer
// than limit, or of the longest when none is.
func longestString(v cty.Value, limit int64) int64 {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return int64(len(v.AsString()))
	case !mayHoldString(ty):
		// Nothing to find: iterating a large set would sort it.
		return 0
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		var longest int64
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n := longestString(e, limit)
			if n > limit {
				return n
			}
			longest = max(longest, n)
		}
		return longest
	}
	return 0
}

// mayHoldString reports whether a value of type ty may hold a string.
func mayHoldString(ty cty.Type) bool {
	switch {
	case ty == cty.String || ty == cty.DynamicPseudoType:
		return true
	case ty.IsCollectionType():
		return mayHoldString(ty.ElementType())
	case ty.IsTupleType():
		for _, et := range ty.TupleElementTypes() {
			if mayHoldString(et) {
				return true
			}
		}
	case ty.IsObjectType():
		for _, at := range ty.AttributeTypes() {
			if mayHoldString(at) {
				return true
			}
		}
	}
	return false
}
