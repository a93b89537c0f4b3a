package config

import (
	"github.com/zclconf/go-cty/cty"
)

// externalMark is the cty mark of a value that comes from outside
// vpcplan's model: an attribute of a resource type outside the catalog
// (another provider's, or an AWS type vpcplan does not model), a data
// source vpcplan cannot compute, or a module output. Like every mark it
// propagates through expressions, so an argument derived from such a value
// carries it too, and the evaluator records where (Instance.ExternalPaths).
// The planner keeps the prior value of such an argument while it is still
// unknown, since nothing vpcplan can see has changed it.
type externalMark struct{}

// external marks v as coming from outside vpcplan's model.
func external(v cty.Value) cty.Value { return v.Mark(externalMark{}) }

// externalPaths returns the paths whose marks include externalMark.
func externalPaths(marks []cty.PathValueMarks) []cty.Path {
	var out []cty.Path
	for _, pm := range marks {
		if pm.Marks.Has(externalMark{}) {
			out = append(out, pm.Path)
		}
	}
	return out
}
