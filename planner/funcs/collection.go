package funcs

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// lengthFunc is Terraform's length: unlike cty's, it also accepts strings
// (counting grapheme clusters, as stdlib.Strlen does), tuples and objects.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch ty := args[0].Type(); {
		case ty == cty.String, ty == cty.DynamicPseudoType,
			ty.IsListType(), ty.IsMapType(), ty.IsSetType(), ty.IsTupleType(), ty.IsObjectType():
			return cty.Number, nil
		default:
			return cty.Number, errors.New("argument must be a string, a collection type, or a structural type")
		}
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		switch ty := v.Type(); {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))).WithMarks(marks), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		default:
			return v.Length().WithMarks(marks), nil
		}
	},
})

// allTrueFunc reports whether every element of a list of bools is true; a
// null element counts as false and an empty list is true. As in Terraform,
// the result is unknown if an unknown element comes before any false one.
var allTrueFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		for it := args[0].ElementIterator(); it.Next(); {
			_, v := it.Element()
			switch {
			case !v.IsKnown():
				return cty.UnknownVal(cty.Bool), nil
			case v.IsNull(), v.False():
				return cty.False, nil
			}
		}
		return cty.True, nil
	},
})

// anyTrueFunc reports whether any element of a list of bools is true; null
// elements count as false and an empty list is false.
var anyTrueFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		unknown := false
		for it := args[0].ElementIterator(); it.Next(); {
			_, v := it.Element()
			switch {
			case !v.IsKnown():
				unknown = true
			case !v.IsNull() && v.True():
				return cty.True, nil
			}
		}
		if unknown {
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.False, nil
	},
})

// coalesceFunc is Terraform's coalesce: it returns the first argument that
// is neither null nor, when the arguments unify to string, the empty
// string. cty's coalesce skips only nulls.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, v := range args {
			types[i] = v.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, v := range args {
			v, _ = convert.Convert(v, retType) // Type proved this succeeds
			switch {
			case !v.IsKnown():
				return cty.UnknownVal(retType), nil
			case v.IsNull():
				continue
			case retType == cty.String && v.RawEquals(cty.StringVal("")):
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// indexFunc is Terraform's index(list, value), which returns the index of
// the first element equal to value and fails if there is none. cty's
// stdlib.IndexFunc is a different function (collection indexing).
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if ty := list.Type(); !ty.IsListType() && !ty.IsTupleType() {
			return cty.NilVal, errors.New("argument must be a list or tuple")
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, errors.New("cannot search an empty list")
		}
		for it := list.ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq, err := stdlib.Equal(v, args[1])
			if err != nil {
				return cty.NilVal, err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// lookupFunc is Terraform's lookup(map, key, default?). It accepts objects
// as well as maps; with an object the result has the type of the chosen
// attribute (or of the default). Marks on the map and on the key are
// carried onto the result; the default keeps its own.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true, AllowUnknown: true},
		{Name: "key", Type: cty.String, AllowMarked: true, AllowUnknown: true},
	},
	VarParam: &function.Parameter{
		Name:             "default",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, fmt.Errorf("lookup() takes two or three arguments, got %d", len(args))
		}
		switch ty := args[0].Type(); {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			keyVal, _ := args[1].Unmark()
			key := keyVal.AsString()
			switch {
			case ty.HasAttribute(key):
				return args[0].GetAttr(key).Type(), nil
			case len(args) == 3:
				return args[2].Type(), nil
			}
			return cty.DynamicPseudoType, function.NewArgErrorf(0, "the given object has no attribute %q", key)
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
		}
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		coll, collMarks := args[0].Unmark()
		key, keyMarks := args[1].Unmark()
		markses := []cty.ValueMarks{collMarks, keyMarks}
		if !coll.IsKnown() || !key.IsKnown() {
			return cty.UnknownVal(retType).WithMarks(markses...), nil
		}

		k := key.AsString()
		if coll.Type().IsObjectType() {
			if coll.Type().HasAttribute(k) {
				return coll.GetAttr(k).WithMarks(markses...), nil
			}
		} else if coll.HasIndex(cty.StringVal(k)) == cty.True {
			return coll.Index(cty.StringVal(k)).WithMarks(markses...), nil
		}

		if len(args) == 3 {
			def, err := convert.Convert(args[2], retType)
			if err != nil {
				return cty.NilVal, err
			}
			return def.WithMarks(markses...), nil
		}
		return cty.UnknownVal(cty.DynamicPseudoType), fmt.Errorf("lookup failed to find key %s", redactIfSensitive(k, keyMarks))
	},
})

// matchkeysFunc returns the elements of values whose corresponding element
// in keys is in searchset.
var matchkeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()}); ty == cty.NilType {
			return cty.NilType, errors.New("keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		elemTy := retType.ElementType()
		if args[0].LengthInt() != args[1].LengthInt() {
			return cty.ListValEmpty(elemTy), errors.New("length of keys and values should be equal")
		}
		// Type proved that keys and searchset unify.
		ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()})
		keys, _ := convert.Convert(args[1], ty)
		searchset, _ := convert.Convert(args[2], ty)
		if searchset.LengthInt() == 0 {
			return cty.ListValEmpty(elemTy), nil
		}
		if !args[0].IsWhollyKnown() || !keys.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}

		var out []cty.Value
		values := args[0].AsValueSlice()
		for i, key := range keys.AsValueSlice() {
			for it := searchset.ElementIterator(); it.Next(); {
				_, search := it.Element()
				eq, err := stdlib.Equal(key, search)
				if err != nil {
					return cty.NilVal, err
				}
				if !eq.IsKnown() {
					// As Terraform: an unknown search element matches nothing.
					return cty.ListValEmpty(elemTy), nil
				}
				if eq.True() {
					out = append(out, values[i])
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(elemTy), nil
		}
		return cty.ListVal(out), nil
	},
})

// oneFunc returns the only element of a list, set or tuple, or null if it
// is empty; two or more elements are an error.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch ty := args[0].Type(); {
		case ty.IsListType(), ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch elems := ty.TupleElementTypes(); len(elems) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return elems[0], nil
			}
		}
		return cty.NilType, errOneElement
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type().IsTupleType() {
			if v.LengthInt() == 0 {
				return cty.NullVal(retType), nil
			}
			return v.Index(cty.NumberIntVal(0)), nil
		}
		n := v.Length()
		if !n.IsKnown() {
			// A set with unknown elements whose count could still shrink.
			return cty.UnknownVal(retType), nil
		}
		switch l, _ := n.AsBigFloat().Int64(); l {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			// An iterator works for sets, which can't be indexed.
			it := v.ElementIterator()
			it.Next()
			_, elem := it.Element()
			return elem, nil
		}
		return cty.NilVal, errOneElement
	},
})

var errOneElement = function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")

// sumFunc adds up the numbers in a non-empty list, set or tuple.
var sumFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (ret cty.Value, err error) {
		list := args[0]
		if !list.CanIterateElements() {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum noniterable")
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		if ty := list.Type(); !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple. Received %s", ty.FriendlyName())
		}
		if !list.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}

		// big.Float.Add panics on opposing infinities.
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(big.ErrNaN); !ok {
					panic(r)
				}
				ret, err = cty.NilVal, errors.New("can't compute sum of opposing infinities")
			}
		}()
		var sum cty.Value
		for i, v := range list.AsValueSlice() {
			if v.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			n, err := convert.Convert(v, cty.Number)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			if i == 0 {
				sum = n
				continue
			}
			sum = sum.Add(n)
		}
		return sum, nil
	},
})

// transposeFunc swaps the keys and values of a map of lists of strings:
// each string becomes a key whose list holds, sorted, the original keys
// that listed it.
var transposeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:         function.StaticReturnType(cty.Map(cty.List(cty.String))),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		in := args[0]
		if !in.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		keysByValue := map[string][]string{}
		for it := in.ElementIterator(); it.Next(); {
			k, list := it.Element()
			for it := list.ElementIterator(); it.Next(); {
				_, v := it.Element()
				if v.IsNull() {
					return cty.MapValEmpty(cty.List(cty.String)), errors.New("input must be a map of lists of strings")
				}
				keysByValue[v.AsString()] = append(keysByValue[v.AsString()], k.AsString())
			}
		}
		if len(keysByValue) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		out := make(map[string]cty.Value, len(keysByValue))
		for v, keys := range keysByValue {
			slices.Sort(keys)
			elems := make([]cty.Value, len(keys))
			for i, k := range keys {
				elems[i] = cty.StringVal(k)
			}
			out[v] = cty.ListVal(elems)
		}
		return cty.MapVal(out), nil
	},
})

// removedFunc is a function Terraform v0.12 removed, kept so that old
// configurations get Terraform's explanation rather than "Call to unknown
// function".
func removedFunc(msg string) function.Function {
	err := errors.New(msg)
	return function.New(&function.Spec{
		VarParam: &function.Parameter{
			Name:             "vals",
			Type:             cty.DynamicPseudoType,
			AllowUnknown:     true,
			AllowDynamicType: true,
			AllowNull:        true,
		},
		Type: func([]cty.Value) (cty.Type, error) { return cty.DynamicPseudoType, err },
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, err },
	})
}

var (
	listFunc = removedFunc(`the "list" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list`)
	mapFunc  = removedFunc(`the "map" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map`)
)

// distinctFunc is cty's distinct, which compares each element with every
// element kept so far (20,000 strings took over 4 minutes), made linear
// for lists of known, unmarked strings, numbers or bools: those are kept
// by a map of what was seen. Any other list goes to cty's.
var distinctFunc = function.New(&function.Spec{
	Description:  stdlib.DistinctFunc.Description(),
	Params:       stdlib.DistinctFunc.Params(),
	Type:         stdlib.DistinctFunc.ReturnTypeForValues,
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list := args[0]
		ety := list.Type().ElementType()
		if !list.IsWhollyKnown() || list.ContainsMarked() || !ety.IsPrimitiveType() || list.LengthInt() == 0 {
			return stdlib.DistinctFunc.Call(args)
		}
		seen := make(map[string]bool, list.LengthInt())
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			var key string
			switch {
			case v.IsNull():
				key = "null"
			case ety == cty.String:
				key = "s" + v.AsString()
			case ety == cty.Number && v.AsBigFloat().Sign() == 0:
				key = "n0" // -0 equals 0
			case ety == cty.Number:
				key = "n" + v.AsBigFloat().Text('g', -1)
			case ety == cty.Bool:
				key = fmt.Sprint(v.True())
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, v)
			}
		}
		return cty.ListVal(out), nil
	},
})
