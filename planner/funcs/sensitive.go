package funcs

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// markParam is the single parameter of the functions that only inspect or
// change marks: they must see every value exactly as given.
var markParam = []function.Parameter{{
	Name:             "value",
	Type:             cty.DynamicPseudoType,
	AllowUnknown:     true,
	AllowNull:        true,
	AllowMarked:      true,
	AllowDynamicType: true,
}}

// sameType is the Type of functions whose result has their argument's type.
func sameType(args []cty.Value) (cty.Type, error) {
	return args[0].Type(), nil
}

// sensitiveFunc returns its argument marked with SensitiveMark.
var sensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(SensitiveMark), nil
	},
})

// nonsensitiveFunc returns its argument without SensitiveMark at the top
// level, keeping any other marks. As in Terraform since v1.8, it is not an
// error to pass a value that is not sensitive.
var nonsensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, m := args[0].Unmark()
		delete(m, SensitiveMark)
		return v.WithMarks(m), nil
	},
})

// issensitiveFunc reports whether its argument carries SensitiveMark at the
// top level. An unknown value that is not marked may still turn out to be
// sensitive, so the answer is then unknown.
var issensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch v := args[0]; {
		case v.HasMark(SensitiveMark):
			return cty.True, nil
		case !v.IsKnown():
			return cty.UnknownVal(cty.Bool), nil
		default:
			return cty.False, nil
		}
	},
})
