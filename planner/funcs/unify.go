package funcs

import (
	"errors"
	"fmt"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// go-cty unifies a list of types (convert.UnifyUnsafe, and inside
// convert.Convert of a tuple to a list or set, or of an object to a map)
// by sorting them with a comparison of every pair: time and memory
// quadratic in their number, even when they are few distinct types.
// tolist of 20,000 strings and numbers ran out of memory after 14.8 s,
// join over them took 16.5 s, setproduct of 20,000 strings 16.0 s and
// transpose of one key listing 20,000 strings 4.4 s.
//
// The result of go-cty's unification depends on which types are given,
// not on how often each is given, so the functions here unify the
// distinct types only and convert each element as go-cty would, giving
// go-cty's value (TestConvertArgMatchesGoCty compares the two). What
// they cannot take this way goes to go-cty, bounded: see unifyBound.

// typeKey identifies a type among the types of one tuple cheaply: the
// primitive types and cty.DynamicPseudoType by a short name, others by
// their Go syntax (which sorts object attributes). distinctTypes confirms
// equal keys with Type.Equals.
func typeKey(t cty.Type) string {
	switch {
	case t == cty.String:
		return "s"
	case t == cty.Number:
		return "n"
	case t == cty.Bool:
		return "b"
	case t == cty.DynamicPseudoType:
		return "d"
	}
	return t.GoString()
}

// distinctTypes returns the distinct types of ts, in the order of their
// first occurrence, and for each of ts the index of its type in that list.
func distinctTypes(ts []cty.Type) ([]cty.Type, []int) {
	var distinct []cty.Type
	byKey := map[string][]int{}
	index := make([]int, len(ts))
Types:
	for i, t := range ts {
		k := typeKey(t)
		for _, j := range byKey[k] {
			if distinct[j].Equals(t) {
				index[i] = j
				continue Types
			}
		}
		byKey[k] = append(byKey[k], len(distinct))
		index[i] = len(distinct)
		distinct = append(distinct, t)
	}
	return distinct, index
}

// unifyBound reports an error when go-cty would unify n types, in time
// quadratic in n, and n*n is past the elements bound: with the default
// bound of 1,000,000, up to 1,000 types.
func (l limits) unifyBound(n int) error {
	if sq := int64(n) * int64(n); sq > l.Elements {
		return boundError(fmt.Sprintf("it has %d elements, whose types go-cty unifies in time quadratic in their number: %s",
			n, bounds.Elements.Exceeded("as if it had", sq, l.Elements)))
	}
	return nil
}

// boundError is the error of unifyBound, which the conversion functions
// (tolist, toset) report as it is instead of their own message.
type boundError string

func (e boundError) Error() string { return string(e) }

// unifyTypes returns the type convert.UnifyUnsafe(ts) returns, unifying
// only the distinct types of ts, and an error when there are so many of
// those that unifying them is past unifyBound.
func (l limits) unifyTypes(ts []cty.Type) (cty.Type, error) {
	distinct, _ := distinctTypes(ts)
	if len(distinct) == 1 {
		return distinct[0], nil
	}
	if err := l.unifyBound(len(distinct)); err != nil {
		return cty.NilType, err
	}
	ty, _ := convert.UnifyUnsafe(distinct)
	return ty, nil
}

// convertArg converts v to ty as convert.Convert does, which is what hcl
// does to the argument of a function parameter of type ty: the same value
// (type, marks, unknowns and nulls included) or the same error. A known
// tuple going to a list or set, and a known object going to a map, take
// convertFast, in time linear in their length; anything else goes to
// convert.Convert, refused when go-cty would unify the types of too many
// elements (unifyBound).
func (l limits) convertArg(v cty.Value, ty cty.Type) (cty.Value, error) {
	if v.Type().Equals(ty.WithoutOptionalAttributesDeep()) {
		return v, nil
	}
	u, marks := v.Unmark()
	if out, ok, err := l.convertFast(u, ty); ok {
		if err != nil {
			return cty.NilVal, err
		}
		return out.WithMarks(marks), nil
	}
	if n := structuralLength(v.Type()); ty.HasDynamicTypes() || ty.IsCollectionType() {
		if err := l.unifyBound(n); err != nil {
			return cty.NilVal, err
		}
	}
	return convert.Convert(v, ty)
}

// structuralLength is the number of elements of a tuple type or
// attributes of an object type, whose types go-cty may unify; 0 for
// other types.
func structuralLength(t cty.Type) int {
	switch {
	case t.IsTupleType():
		return len(t.TupleElementTypes())
	case t.IsObjectType():
		return len(t.AttributeTypes())
	}
	return 0
}

// convertFast converts the known, unmarked, non-null tuple or object u to
// the list, set or map type ty as convert.Convert does, and returns false
// for any other value or type, and for the conversions it does not
// reproduce: a result element type that still holds cty.DynamicPseudoType
// (go-cty unifies the converted elements again) and an empty tuple or
// object (cheap in go-cty).
func (l limits) convertFast(u cty.Value, ty cty.Type) (cty.Value, bool, error) {
	if !u.IsKnown() || u.IsNull() || u.IsMarked() || structuralLength(u.Type()) == 0 {
		return cty.NilVal, false, nil
	}
	switch {
	case u.Type().IsTupleType() && (ty.IsListType() || ty.IsSetType()):
		ets := u.Type().TupleElementTypes()
		ety, convs, ok, err := l.elementTypeFor(ets, ty)
		if !ok || err != nil {
			return cty.NilVal, ok, err
		}
		if ety == cty.NilType {
			return cty.NilVal, true, errors.New(convert.MismatchMessage(u.Type(), ty))
		}
		elems := u.AsValueSlice()
		for i, c := range elems {
			if convs[i] != nil {
				var err error
				if c, err = convs[i](c); err != nil {
					return cty.NilVal, true, cty.Path{cty.IndexStep{Key: cty.NumberIntVal(int64(i))}}.NewError(err)
				}
			}
			if ty.IsSetType() && c.IsNull() {
				c = cty.NullVal(c.Type().WithoutOptionalAttributesDeep())
			}
			elems[i] = c
		}
		if ty.IsSetType() {
			return cty.SetVal(elems), true, nil
		}
		return cty.ListVal(elems), true, nil

	case u.Type().IsObjectType() && ty.IsMapType():
		atys := u.Type().AttributeTypes()
		names := make([]string, 0, len(atys))
		ts := make([]cty.Type, 0, len(atys))
		for it := u.ElementIterator(); it.Next(); {
			k, _ := it.Element()
			names = append(names, k.AsString())
			ts = append(ts, atys[k.AsString()])
		}
		ety, _, ok, err := l.elementTypeFor(ts, ty)
		if !ok || err != nil {
			return cty.NilVal, ok, err
		}
		if ety == cty.NilType {
			return cty.NilVal, true, errors.New(convert.MismatchMessage(u.Type(), ty))
		}
		elems := make(map[string]cty.Value, len(names))
		for _, name := range names {
			c, err := l.convertArg(u.GetAttr(name), ety)
			if err != nil {
				return cty.NilVal, true, cty.Path{cty.IndexStep{Key: cty.StringVal(name)}}.NewError(err)
			}
			elems[name] = c
		}
		return cty.MapVal(elems), true, nil
	}
	return cty.NilVal, false, nil
}

// elementTypeFor returns the element type go-cty converts elements of the
// types ts to, going to the collection type ty: ty's element type or, for
// a collection of any type, their unified type; and for each of ts its
// conversion to that type, nil where the type is already that type. It
// returns cty.NilType (and true) when go-cty finds no conversion, and
// false when convertFast does not reproduce go-cty: the element type
// holds cty.DynamicPseudoType.
func (l limits) elementTypeFor(ts []cty.Type, ty cty.Type) (cty.Type, []convert.Conversion, bool, error) {
	ety := ty.ElementType()
	distinct, index := distinctTypes(ts)
	if ety == cty.DynamicPseudoType {
		if len(distinct) == 1 {
			ety = distinct[0]
		} else {
			if err := l.unifyBound(len(distinct)); err != nil {
				return cty.NilType, nil, true, err
			}
			ety, _ = convert.UnifyUnsafe(distinct)
		}
		if ety == cty.NilType {
			return cty.NilType, nil, true, nil
		}
	}
	if ety.HasDynamicTypes() {
		return cty.NilType, nil, false, nil
	}
	convs := make([]convert.Conversion, len(distinct))
	for j, t := range distinct {
		if t.Equals(ety) {
			continue
		}
		if convs[j] = convert.GetConversionUnsafe(t, ety); convs[j] == nil {
			return cty.NilType, nil, true, nil
		}
	}
	each := make([]convert.Conversion, len(ts))
	for i, j := range index {
		each[i] = convs[j]
	}
	return ety, each, true, nil
}

// convertType returns the type convertArg(v, ty) gives, without building
// the value, when v is a known tuple that convertFast converts; false
// otherwise.
func (l limits) convertType(v cty.Value, ty cty.Type) (cty.Type, bool) {
	u, _ := v.Unmark()
	if !u.IsKnown() || u.IsNull() || !u.Type().IsTupleType() || structuralLength(u.Type()) == 0 ||
		!(ty.IsListType() || ty.IsSetType()) {
		return cty.NilType, false
	}
	ety, _, ok, err := l.elementTypeFor(u.Type().TupleElementTypes(), ty)
	if !ok || err != nil || ety == cty.NilType {
		return cty.NilType, false
	}
	if ty.IsSetType() {
		return cty.Set(ety), true
	}
	return cty.List(ety), true
}

// setProductFunc is cty's setproduct with its known tuple arguments given
// as lists of their unified element type: cty's type function unifies the
// element types of each tuple argument (setproduct of 20,000 strings and
// [1] took 16.0 s). The list is what cty's setproduct builds from the tuple
// (it converts each element to the unified type), so the result is the
// same: a list of tuples when every argument is a list or tuple, a set of
// tuples otherwise. Tuples whose unified type holds
// cty.DynamicPseudoType, and unknown tuples, go to cty as they are,
// bounded by unifyBound.
func (l limits) setProductFunc() function.Function {
	return function.New(&function.Spec{
		Description:  stdlib.SetProductFunc.Description(),
		Params:       stdlib.SetProductFunc.Params(),
		VarParam:     stdlib.SetProductFunc.VarParam(),
		Type:         func(args []cty.Value) (cty.Type, error) { return l.callTuplesAsLists(stdlib.SetProductFunc, args) },
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			conv, err := l.tuplesAsLists(args)
			if err != nil {
				return cty.NilVal, err
			}
			return stdlib.SetProductFunc.Call(conv)
		},
	})
}

// callTuplesAsLists returns f's return type for args with tuplesAsLists.
func (l limits) callTuplesAsLists(f function.Function, args []cty.Value) (cty.Type, error) {
	conv, err := l.tuplesAsLists(args)
	if err != nil {
		return cty.NilType, err
	}
	return f.ReturnTypeForValues(conv)
}

// tuplesAsLists returns args (two or more: with fewer, setproduct reports
// that first) with each known, non-empty tuple, marked or
// not, as a list of the tuple's unified element type, each element
// converted to it as cty's setproduct converts it. A tuple whose types do
// not unify gets setproduct's error.
func (l limits) tuplesAsLists(args []cty.Value) ([]cty.Value, error) {
	out := make([]cty.Value, len(args))
	copy(out, args)
	if len(args) < 2 {
		return out, nil
	}
	for i, a := range args {
		u, marks := a.Unmark()
		if !u.Type().IsTupleType() || structuralLength(u.Type()) == 0 {
			continue
		}
		ety, err := l.unifyTypes(u.Type().TupleElementTypes())
		switch {
		case err != nil:
			return nil, function.NewArgError(i, err)
		case ety == cty.NilType:
			return nil, function.NewArgErrorf(i, "all elements must be of the same type")
		}
		if !u.IsKnown() || u.IsNull() || ety.HasDynamicTypes() {
			if err := l.unifyBound(structuralLength(u.Type())); err != nil {
				return nil, function.NewArgError(i, err)
			}
			continue
		}
		elems := u.AsValueSlice()
		converted := true
		for j, e := range elems {
			if e.Type().Equals(ety) {
				continue
			}
			c, err := convert.Convert(e, ety)
			if err != nil {
				converted = false // cty's setproduct fails on it, in its Impl
				break
			}
			elems[j] = c
		}
		if !converted {
			if err := l.unifyBound(len(elems)); err != nil {
				return nil, function.NewArgError(i, err)
			}
			continue
		}
		out[i] = cty.ListVal(elems).WithMarks(marks)
	}
	return out, nil
}
