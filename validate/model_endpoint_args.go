package validate

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/zclconf/go-cty/cty"
)

// writtenNonEmpty reports whether the configuration writes a collection
// argument with at least one element (or with a value not yet known, which
// is written all the same).
func writtenNonEmpty(inst *config.Instance, attr string) bool {
	if !configured(inst, attr) {
		return false
	}
	v := inst.Attr(attr)
	if v == cty.NilVal || v.IsNull() {
		return false
	}
	if !v.IsKnown() {
		// Possibly null: a conditional written for several endpoint
		// types (cond ? ids : null) must not be reported on a guess.
		return false
	}
	return !v.CanIterateElements() || v.LengthInt() > 0
}

// writtenTrue reports whether the configuration sets a bool argument to
// true.
func writtenTrue(inst *config.Instance, attr string) bool {
	v, ok := boolAttr(inst, attr)
	return ok && v && configured(inst, attr)
}

// hasBlock reports whether the configuration writes a nested block: a
// dynamic block counts only where it generates one.
func hasBlock(inst *config.Instance, name string) bool {
	if !inst.Ranges(name+"[0]").Found || inst.BlockFromPrior(name) {
		return false
	}
	v := inst.Attr(name)
	return v != cty.NilVal && v.IsKnown() && !v.IsNull() && v.LengthInt() > 0
}
