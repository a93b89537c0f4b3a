package funcs

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// diffTypes are the element types the differential tests draw from:
// primitives, any, collections of them, and objects and tuples of
// several shapes, so that unification takes each of go-cty's paths
// (all maps, lists or objects, objects with maps, the general sort).
var diffTypes = []cty.Type{
	cty.String, cty.Number, cty.Bool, cty.DynamicPseudoType,
	cty.List(cty.String), cty.List(cty.Number), cty.List(cty.DynamicPseudoType),
	cty.Set(cty.String), cty.Map(cty.String), cty.Map(cty.Number),
	cty.Object(map[string]cty.Type{"a": cty.String}),
	cty.Object(map[string]cty.Type{"a": cty.Number}),
	cty.Object(map[string]cty.Type{"b": cty.Number}),
	cty.Object(map[string]cty.Type{"a": cty.String, "b": cty.Bool}),
	cty.EmptyObject,
	cty.Tuple([]cty.Type{cty.String}),
	cty.Tuple([]cty.Type{cty.Number}),
	cty.Tuple([]cty.Type{cty.String, cty.Number}),
	cty.EmptyTuple,
}

// diffValue returns a random value: a known value of a random shape,
// sometimes null, unknown or marked sensitive (the mark on the value or
// inside it).
func diffValue(r *rand.Rand, depth int) cty.Value {
	var v cty.Value
	switch k := r.IntN(14); {
	case k == 0:
		v = cty.StringVal(fmt.Sprint("s", r.IntN(4)))
	case k == 1:
		v = cty.StringVal([]string{"1", "true", "false", "2.5"}[r.IntN(4)])
	case k == 2:
		v = cty.NumberIntVal(int64(r.IntN(4)))
	case k == 3:
		v = cty.BoolVal(r.IntN(2) == 0)
	case k == 4:
		v = cty.NullVal(diffTypes[r.IntN(len(diffTypes))])
	case k == 5:
		v = cty.UnknownVal(diffTypes[r.IntN(len(diffTypes))])
	case k == 6:
		v = cty.DynamicVal
	case k == 7:
		v = cty.UnknownVal(cty.String).RefineNotNull()
	case k <= 9 && depth < 2:
		v = cty.ObjectVal(diffAttrs(r, depth))
	case k <= 11 && depth < 2:
		v = diffTuple(r, depth+1, r.IntN(4))
	case k == 12 && depth < 2:
		v = cty.ListVal([]cty.Value{cty.StringVal("l"), cty.StringVal(fmt.Sprint(r.IntN(3)))})
	default:
		v = cty.StringVal("x")
	}
	if r.IntN(8) == 0 {
		v = v.Mark(SensitiveMark)
	}
	return v
}

func diffAttrs(r *rand.Rand, depth int) map[string]cty.Value {
	attrs := map[string]cty.Value{}
	for _, name := range []string{"a", "b", "c"} {
		if r.IntN(2) == 0 {
			attrs[name] = diffValue(r, depth+1)
		}
	}
	return attrs
}

func diffTuple(r *rand.Rand, depth, n int) cty.Value {
	elems := make([]cty.Value, n)
	for i := range elems {
		elems[i] = diffValue(r, depth)
	}
	return cty.TupleVal(elems)
}

// sameResult reports whether two calls gave the same value (type, marks,
// unknowns and refinements, exactly) or errors with the same text.
func sameResult(gotV cty.Value, gotErr error, wantV cty.Value, wantErr error) bool {
	if (gotErr != nil) != (wantErr != nil) {
		return false
	}
	if gotErr != nil {
		// A panic's message goes on with its stack.
		firstLine := func(err error) string { return strings.SplitN(err.Error(), "\n", 2)[0] }
		return firstLine(gotErr) == firstLine(wantErr)
	}
	return gotV.RawEquals(wantV)
}

// TestUnifyTypesMatchesGoCty: unifying the distinct types of a list
// gives go-cty's type for the whole list, over random lists of types with
// repeats, in random orders.
func TestUnifyTypesMatchesGoCty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		ts := make([]cty.Type, 1+r.IntN(8))
		pool := diffTypes[:1+r.IntN(len(diffTypes))]
		for j := range ts {
			ts[j] = pool[r.IntN(len(pool))]
		}
		want, _ := convert.UnifyUnsafe(ts)
		got, err := limits(bounds.Defaults()).unifyTypes(ts)
		if err != nil {
			t.Fatalf("case %d: unifyTypes(%#v): %s", i, ts, err)
		}
		if (got == cty.NilType) != (want == cty.NilType) || (got != cty.NilType && !got.Equals(want)) {
			t.Errorf("case %d: unifyTypes(%#v) = %#v, want %#v", i, ts, got, want)
		}
	}
}

// convertTargets are the parameter types the differential test converts
// to: those of the functions that take convertArg (list and set of any
// or of a primitive type, transpose's map of lists of strings) and a few
// with nested types.
var convertTargets = []cty.Type{
	cty.List(cty.DynamicPseudoType), cty.Set(cty.DynamicPseudoType),
	cty.List(cty.String), cty.List(cty.Number), cty.List(cty.Bool), cty.Set(cty.String),
	cty.Map(cty.List(cty.String)), cty.Map(cty.DynamicPseudoType), cty.Map(cty.String),
	cty.List(cty.List(cty.DynamicPseudoType)), cty.List(cty.Map(cty.String)),
}

// TestConvertArgMatchesGoCty: convertArg gives convert.Convert's value or
// error (its text) on random tuples and objects, known or not, marked or
// not, null, empty or holding unknowns, nulls, marks and mixed types.
func TestConvertArgMatchesGoCty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	fast := 0
	for i := range 30000 {
		var v cty.Value
		switch k := r.IntN(10); {
		case k < 6:
			v = diffTuple(r, 1, r.IntN(7))
		case k < 8:
			attrs := map[string]cty.Value{}
			for j := range r.IntN(5) {
				attrs[fmt.Sprint("k", j)] = diffTuple(r, 1, r.IntN(4))
			}
			v = cty.ObjectVal(attrs)
		case k == 8:
			v = cty.ObjectVal(diffAttrs(r, 0))
		default:
			v = diffValue(r, 0)
		}
		switch r.IntN(12) {
		case 0:
			v = v.Mark(SensitiveMark)
		case 1:
			v = cty.UnknownVal(v.Type())
		case 2:
			v = cty.NullVal(v.Type())
		}
		ty := convertTargets[r.IntN(len(convertTargets))]
		want, wantErr := convert.Convert(v, ty)
		got, gotErr := limits(bounds.Defaults()).convertArg(v, ty)
		// go-cty's message for an object that cannot be a map names one
		// attribute that does not convert, chosen in map order: any of
		// its messages is go-cty's.
		for try := 0; try < 100 && gotErr != nil && wantErr != nil && gotErr.Error() != wantErr.Error(); try++ {
			want, wantErr = convert.Convert(v, ty)
		}
		if !sameResult(got, gotErr, want, wantErr) {
			t.Errorf("case %d: convertArg(%#v, %#v)\ngot:  %#v, %v\nwant: %#v, %v", i, v, ty, got, gotErr, want, wantErr)
		}
		if u, _ := v.Unmark(); func() bool { _, ok, _ := limits(bounds.Defaults()).convertFast(u, ty); return ok }() {
			fast++
		}
	}
	// The comparison means something only if the fast path ran.
	if fast < 5000 {
		t.Errorf("convertFast took %d of 30000 cases, want at least 5000", fast)
	}
}

// TestSetProductMatchesGoCty: setProductFunc gives cty's setproduct's
// value or error on random tuples, lists and sets (of mixed element
// types, with unknowns, nulls, marks, empty ones).
func TestSetProductMatchesGoCty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 20000 {
		args := make([]cty.Value, 1+r.IntN(3))
		for j := range args {
			v := diffTuple(r, 2, r.IntN(4))
			switch r.IntN(8) {
			case 0:
				if lv, err := convert.Convert(v, cty.List(cty.DynamicPseudoType)); err == nil {
					v = lv
				}
			case 1:
				if sv, err := convert.Convert(v, cty.Set(cty.DynamicPseudoType)); err == nil {
					v = sv
				}
			case 2:
				v = v.Mark(SensitiveMark)
			case 3:
				v = cty.UnknownVal(v.Type())
			}
			args[j] = v
		}
		want, wantErr := callRecovered(stdlib.SetProductFunc, args)
		got, gotErr := callRecovered(limits(bounds.Defaults()).setProductFunc(), args)
		if !sameResult(got, gotErr, want, wantErr) {
			t.Errorf("case %d: setproduct(%#v)\ngot:  %#v, %v\nwant: %#v, %v", i, args, got, gotErr, want, wantErr)
		}
	}
}

// TestTransposeMatchesGoCty: transpose with its argument converted by
// convertArg gives what transpose gives after hcl's conversion, on random
// objects of tuples.
func TestTransposeMatchesGoCty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	f := limits(bounds.Defaults()).listsAsIs(transposeFunc)
	for i := range 10000 {
		attrs := map[string]cty.Value{}
		for j := range r.IntN(4) {
			elems := make([]cty.Value, r.IntN(4))
			for k := range elems {
				switch r.IntN(6) {
				case 0:
					elems[k] = cty.NumberIntVal(int64(r.IntN(3)))
				case 1:
					elems[k] = diffValue(r, 1)
				default:
					elems[k] = cty.StringVal(fmt.Sprint("v", r.IntN(4)))
				}
			}
			attrs[fmt.Sprint("k", j)] = cty.TupleVal(elems)
		}
		v := cty.ObjectVal(attrs)
		var want cty.Value
		conv, wantErr := convert.Convert(v, cty.Map(cty.List(cty.String)))
		if wantErr == nil {
			want, wantErr = callRecovered(transposeFunc, []cty.Value{conv})
		}
		got, gotErr := callRecovered(f, []cty.Value{v})
		// As in TestConvertArgMatchesGoCty, go-cty names one of the
		// attributes that do not convert, in map order.
		for try := 0; try < 100 && gotErr != nil && wantErr != nil && gotErr.Error() != wantErr.Error(); try++ {
			_, wantErr = convert.Convert(v, cty.Map(cty.List(cty.String)))
		}
		if !sameResult(got, gotErr, want, wantErr) {
			t.Errorf("case %d: transpose(%#v)\ngot:  %#v, %v\nwant: %#v, %v", i, v, got, gotErr, want, wantErr)
		}
	}
}

// callRecovered calls f, turning a panic into an error so that both
// implementations can be compared on it.
func callRecovered(f function.Function, args []cty.Value) (v cty.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return f.Call(args)
}

// TestQuadraticPathsLarge runs the calls go-cty took quadratic time over
// on inputs of 100,000 elements (setproduct of lists at the elements
// bound), and checks their results. Before convertArg and setProductFunc,
// each took minutes or ran out of memory.
func TestQuadraticPathsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	const n = 100000
	mixed := make([]cty.Value, n)
	strs := make([]cty.Value, n)
	for i := range mixed {
		strs[i] = cty.StringVal(fmt.Sprint("s", i))
		if i%2 == 0 {
			mixed[i] = strs[i]
		} else {
			mixed[i] = cty.NumberIntVal(int64(i))
		}
	}
	manyKeys := map[string]cty.Value{}
	for i := range n / 2 {
		manyKeys[fmt.Sprint("k", i)] = cty.TupleVal([]cty.Value{cty.StringVal(fmt.Sprint("v", i%10)), cty.NumberIntVal(int64(i))})
	}
	ctx := map[string]cty.Value{
		"manykeys": cty.ObjectVal(manyKeys),
		"mixed":    cty.TupleVal(mixed),
		"strs":     cty.TupleVal(strs),
		"thousand": cty.TupleVal(func() []cty.Value {
			out := make([]cty.Value, 1000)
			for i := range out {
				out[i] = cty.StringVal(fmt.Sprint("t", i))
			}
			return out
		}()),
	}
	tests := map[string]string{
		// The string of every element, numbers in their decimal form.
		`length(join(",", mixed))`: "638889",
		`tolist(mixed)[1]`:         `"1"`,
		`length(toset(mixed))`:     "100000",
		`distinct(mixed)[99999]`:   `"99999"`,
		// setproduct of tuples gives a list of tuples, keeping the types.
		`setproduct(strs, [1])[99999]`:           `["s99999",1]`,
		`setproduct(mixed, [1])[99999]`:          `["99999",1]`,
		`setproduct(thousand, thousand)[999999]`: `["t999","t999"]`,
		// The numbers of mixed are keys of their own.
		`length(transpose({a = strs, b = mixed}))`: "150000",
		`transpose({a = strs, b = mixed})["s0"]`:   `["a","b"]`,
		`length(transpose(manykeys))`:              "50010",
		`transpose(manykeys)["v3"][0]`:             `"k10003"`, // sorted as strings
	}
	funcs := Table("/", readTestFile)
	for src, want := range tests {
		t.Run(src, func(t *testing.T) {
			v := evalWith(t, src, ctx, funcs)
			if got := jsonOf(t, v); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

// TestUnifyBound: a tuple of more element types than go-cty unifies in
// bounded time is refused with an error naming the bound and its option.
func TestUnifyBound(t *testing.T) {
	objs := make([]string, 1001)
	for i := range objs {
		objs[i] = fmt.Sprintf("{a%d = 1}", i)
	}
	src := "tolist([" + strings.Join(objs, ", ") + "])"
	_, diags := evalTest(t, src)
	if !diags.HasErrors() {
		t.Fatalf("%s: got no error", src[:40])
	}
	want := `Invalid function argument: Invalid value for "v" parameter: it has 1001 elements, whose types go-cty unifies in time quadratic in their number: as if it had 1002001 elements, past the elements per expression bound of 1000000 (raise it with -max-elements=N).`
	if got := diags[0].Summary + ": " + diags[0].Detail; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// evalWith evaluates src with the variables vars and the functions funcs,
// failing the test on an error.
func evalWith(t testing.TB, src string, vars map[string]cty.Value, funcs map[string]function.Function) cty.Value {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: funcs})
	if diags.HasErrors() {
		t.Fatalf("%s: %s", src, diags.Error())
	}
	return v
}

// jsonOf is v in JSON.
func jsonOf(t testing.TB, v cty.Value) string {
	t.Helper()
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkQuadraticPaths times the calls go-cty made quadratic in the
// number of elements, on 20,000 of them: a tuple mixing strings and
// numbers, one of strings, and objects of two shapes. Before convertArg
// and setProductFunc, through vpcplan plan: join 16.5 s, setproduct 16.0
// s, transpose 4.4 s, tolist and toset out of memory.
func BenchmarkQuadraticPaths(b *testing.B) {
	const n = 20000
	mixed, strs, objs := make([]cty.Value, n), make([]cty.Value, n), make([]cty.Value, n)
	for i := range n {
		strs[i] = cty.StringVal(fmt.Sprint("s", i))
		mixed[i], objs[i] = strs[i], cty.ObjectVal(map[string]cty.Value{"a": strs[i]})
		if i%2 == 1 {
			mixed[i] = cty.NumberIntVal(int64(i))
			objs[i] = cty.ObjectVal(map[string]cty.Value{"b": mixed[i]})
		}
	}
	vars := map[string]cty.Value{"mixed": cty.TupleVal(mixed), "strs": cty.TupleVal(strs), "objs": cty.TupleVal(objs)}
	funcs := Table("/", readTestFile)
	for _, src := range []string{
		`join(",", mixed)`, `tolist(mixed)`, `toset(mixed)`, `tolist(objs)`,
		`setproduct(strs, [1])`, `setproduct(mixed, [1])`, `transpose({a = strs})`,
	} {
		b.Run(src, func(b *testing.B) {
			for b.Loop() {
				evalWith(b, src, vars, funcs)
			}
		})
	}
}
