package funcs

import (
	"fmt"

	"github.com/zclconf/go-cty/cty"
)

// valueMark is the type of the cty marks this package defines. Keeping it
// unexported means no other package can mint a colliding mark by accident.
type valueMark string

// GoString makes marks readable in %#v output and in test diffs.
func (m valueMark) GoString() string {
	return fmt.Sprintf("funcs.valueMark(%q)", string(m))
}

// SensitiveMark is the cty mark carried by sensitive values, as
// Terraform's marks.Sensitive. The sensitive function adds it, nonsensitive
// removes it, issensitive tests for it, and every other function propagates
// it from its arguments to its result. The evaluator and renderers must use
// this same value to recognise sensitive values.
const SensitiveMark = valueMark("sensitive")

// redactIfSensitive formats value for an error message, or returns
// "(sensitive value)" if any of the marks is SensitiveMark, so that error
// messages never disclose sensitive values.
func redactIfSensitive(value any, markses ...cty.ValueMarks) string {
	for _, m := range markses {
		if m.Has(SensitiveMark) {
			return "(sensitive value)"
		}
	}
	if s, ok := value.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%v", value)
}

// refineNotNull is the RefineResult for functions that never return null,
// so that their unknown results still promise a non-null value.
func refineNotNull(b *cty.RefinementBuilder) *cty.RefinementBuilder {
	return b.NotNull()
}
