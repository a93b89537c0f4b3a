package funcs

import (
	"strconv"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// makeToFunc returns one of Terraform's explicit conversion functions
// (tostring, tolist, ...), which convert their argument to wantTy. wantTy
// may be a type constraint such as cty.List(cty.DynamicPseudoType), in
// which case the element types of a tuple are unified.
//
// The parameter accepts any value so that the conversion, and therefore the
// error message, happens here: cty's own messages are written for implicit
// conversions and read oddly after an explicit call.
func (l limits) makeToFunc(wantTy cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name:             "v",
			Type:             cty.DynamicPseudoType,
			AllowNull:        true,
			AllowMarked:      true,
			AllowDynamicType: true,
			AllowUnknown:     true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) {
			gotTy := args[0].Type()
			if gotTy.Equals(wantTy) {
				return wantTy, nil
			}
			if wantTy.IsListType() || wantTy.IsSetType() {
				// The type of convertArg's value, without building it
				// (Impl does).
				if ty, ok := l.convertType(args[0], wantTy); ok {
					return ty, nil
				}
			}
			if wantTy.IsCollectionType() {
				// go-cty unifies the types of a tuple's elements or an
				// object's attributes in quadratic time.
				if err := l.unifyBound(structuralLength(gotTy)); err != nil {
					return cty.NilType, function.NewArgError(0, err)
				}
			}
			if convert.GetConversionUnsafe(gotTy, wantTy) != nil {
				// The conversion may still fail on the value (the string
				// "a" to a number, say); Impl reports that.
				return wantTy, nil
			}
			switch {
			case gotTy.IsTupleType() && wantTy.IsTupleType():
				return cty.NilType, function.NewArgErrorf(0, "incompatible tuple type for conversion: %s", convert.MismatchMessage(gotTy, wantTy))
			case gotTy.IsObjectType() && wantTy.IsObjectType():
				return cty.NilType, function.NewArgErrorf(0, "incompatible object type for conversion: %s", convert.MismatchMessage(gotTy, wantTy))
			default:
				return cty.NilType, function.NewArgErrorf(0, "cannot convert %s to %s", gotTy.FriendlyName(), wantTy.FriendlyNameForConstraint())
			}
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if !args[0].IsKnown() {
				return cty.UnknownVal(retType).WithSameMarks(args[0]), nil
			}
			ret, err := l.convertArg(args[0], retType)
			if err == nil {
				return ret, nil
			}
			if _, ok := err.(boundError); ok {
				return cty.NilVal, function.NewArgError(0, err)
			}
			val, _ := args[0].UnmarkDeep()
			gotTy := val.Type()
			switch {
			case args[0].HasMarkDeep(SensitiveMark):
				// Deliberately vague, so the message can't disclose the value.
				return cty.NilVal, function.NewArgErrorf(0, "cannot convert this sensitive %s to %s", gotTy.FriendlyName(), wantTy.FriendlyNameForConstraint())
			case gotTy == cty.String && wantTy == cty.Bool:
				return cty.NilVal, function.NewArgErrorf(0, `cannot convert %s to bool; only the strings "true" or "false" are allowed`, quoteString(val))
			case gotTy == cty.String && wantTy == cty.Number:
				return cty.NilVal, function.NewArgErrorf(0, `cannot convert %s to number; given string must be a decimal representation of a number`, quoteString(val))
			default:
				return cty.NilVal, function.NewArgErrorf(0, "cannot convert %s to %s", gotTy.FriendlyName(), wantTy.FriendlyNameForConstraint())
			}
		},
	})
}

// quoteString quotes a known string for an error message, or says "string"
// for null.
func quoteString(v cty.Value) string {
	if v.IsNull() {
		return "string"
	}
	return strconv.Quote(v.AsString())
}

// ephemeralAsNullFunc is ephemeralasnull(value). Terraform replaces the
// ephemeral parts of value with nulls; vpcplan evaluates no ephemeral
// resources and marks no value ephemeral, so value comes back unchanged,
// marks included.
var ephemeralAsNullFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
		AllowNull:        true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})
