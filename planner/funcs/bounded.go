package funcs

import (
	"bytes"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// limits are the bounds the functions of one table check their calls
// against: Options.Limits, every field set (bounds.Limits.OrDefaults).
type limits bounds.Limits

// bounded returns f with check run on its arguments before it: check
// returns an error (past the elements bound) for a call whose result would
// be too large to build, so that range(1e9), setproduct of large sets or a
// format width of 10^9 fail at once instead of exhausting memory. A result
// holding a string past the string length bound is an error too.
func (l limits) bounded(f function.Function, check func(args []cty.Value) error) function.Function {
	var varParam *function.Parameter
	if vp := f.VarParam(); vp != nil {
		c := *vp
		varParam = &c
	}
	return function.New(&function.Spec{
		Description:  f.Description(),
		Params:       f.Params(),
		VarParam:     varParam,
		Type:         f.ReturnTypeForValues,
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if check != nil {
				if err := check(args); err != nil {
					return cty.NilVal, err
				}
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			if n := longestString(v); n > l.StringLength {
				return cty.NilVal, l.stringError(n)
			}
			return v, nil
		},
	})
}

// longestString returns the length in bytes of the longest known string
// of v, looking at v and, when v is a collection, at its elements: what
// the functions bounded wraps return.
func longestString(v cty.Value) int64 {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	if v.Type() == cty.String {
		return int64(len(v.AsString()))
	}
	if !v.CanIterateElements() {
		return 0
	}
	if ty := v.Type(); ty.IsCollectionType() && ty.ElementType() != cty.String && ty.ElementType() != cty.DynamicPseudoType {
		// No string to find; iterating a large set sorts it (setproduct).
		return 0
	}
	var n int64
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		e, _ = e.Unmark()
		if e.IsKnown() && !e.IsNull() && e.Type() == cty.String {
			n = max(n, int64(len(e.AsString())))
		}
	}
	return n
}

// stringError is the error of a call producing a string of n bytes.
func (l limits) stringError(n int64) error {
	return fmt.Errorf("%s", bounds.StringLength.Exceeded("the call gives a string of", n, l.StringLength))
}

// stringArgError is stringError on argument arg, when the length follows
// from it.
func (l limits) stringArgError(arg int, n int64) error {
	return function.NewArgErrorf(arg, "%s", bounds.StringLength.Exceeded("the call gives a string of", n, l.StringLength))
}

// knownString returns the string of v and true when v is a known string.
func knownString(v cty.Value) (string, bool) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// checkJoin bounds join(separator, lists...) by the length of the string
// it would build: the lengths of the elements and of a separator between
// each two, before building it (join over a for expression of a million
// copies of a long string would build it first).
func (l limits) checkJoin(args []cty.Value) error {
	if len(args) == 0 {
		return nil
	}
	sep, ok := knownString(args[0])
	if !ok {
		return nil
	}
	var total, count int64
	for _, l := range args[1:] {
		l, _ = l.Unmark()
		if !l.IsKnown() || l.IsNull() || !l.CanIterateElements() {
			return nil
		}
		for it := l.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if s, ok := knownString(e); ok {
				total += int64(len(s))
			}
			count++
		}
	}
	if count > 1 {
		total += (count - 1) * int64(len(sep))
	}
	if total > l.StringLength {
		return l.stringArgError(1, total)
	}
	return nil
}

// checkReplace bounds replace(string, substring, replacement) when the
// substring is plain text: each occurrence (each position, for an empty
// substring) grows the result by the replacement's length.
func (l limits) checkReplace(args []cty.Value) error {
	if len(args) != 3 {
		return nil
	}
	str, ok1 := knownString(args[0])
	sub, ok2 := knownString(args[1])
	repl, ok3 := knownString(args[2])
	if !ok1 || !ok2 || !ok3 || (len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/') {
		return nil // a regular expression: checked after the call
	}
	var n int64
	if sub == "" {
		n = int64(len(str)) + int64(utf8.RuneCountInString(str)+1)*int64(len(repl))
	} else {
		k := int64(strings.Count(str, sub))
		n = int64(len(str)) + k*(int64(len(repl))-int64(len(sub)))
	}
	if n > l.StringLength {
		return l.stringArgError(2, n)
	}
	return nil
}

// checkIndent bounds indent(spaces, string): each line after the first
// grows by spaces.
func (l limits) checkIndent(args []cty.Value) error {
	if len(args) != 2 {
		return nil
	}
	s, ok := knownString(args[1])
	a, _ := args[0].Unmark()
	if !ok || !a.IsKnown() || a.IsNull() || a.Type() != cty.Number {
		return nil
	}
	spaces, _ := a.AsBigFloat().Int64()
	n := new(big.Float).Mul(big.NewFloat(float64(strings.Count(s, "\n"))), big.NewFloat(float64(max(spaces, 0))))
	n.Add(n, big.NewFloat(float64(len(s))))
	if n.Cmp(big.NewFloat(float64(l.StringLength))) > 0 {
		i, _ := n.Int64()
		return l.stringArgError(0, i)
	}
	return nil
}

// elementsError is the error of a call producing n elements.
func (l limits) elementsError(arg int, n *big.Float) error {
	i, _ := n.Int64()
	if !n.IsInt() || n.Cmp(new(big.Float).SetInt64(i)) != 0 {
		i = 1<<63 - 1
	}
	return function.NewArgErrorf(arg, "%s", bounds.Elements.Exceeded("the call gives", i, l.Elements))
}

// checkRange bounds range(limit), range(start, limit) and
// range(start, limit, step).
func (l limits) checkRange(args []cty.Value) error {
	nums := make([]*big.Float, len(args))
	for i, a := range args {
		if !a.IsKnown() || a.IsNull() || a.Type() != cty.Number {
			return nil // range reports these itself
		}
		nums[i] = a.AsBigFloat()
	}
	start, limit, step := big.NewFloat(0), big.NewFloat(0), big.NewFloat(1)
	switch len(nums) {
	case 1:
		limit = nums[0]
	case 2:
		start, limit = nums[0], nums[1]
	case 3:
		start, limit, step = nums[0], nums[1], nums[2]
	default:
		return nil
	}
	if step.Sign() == 0 {
		return nil
	}
	n := new(big.Float).Quo(new(big.Float).Sub(limit, start), step)
	if n.Cmp(big.NewFloat(float64(l.Elements))) > 0 {
		return l.elementsError(len(nums)-1, n)
	}
	return nil
}

// setElementCost is what an element of a set produced by setproduct
// counts against the elements bound: go-cty sorts a set (a stable sort
// comparing hashes it builds again for every comparison) each time it is
// read, and hcl, go-cty and vpcplan read a result several times. Measured
// on setproduct of two sets of numbers: 10,000 elements took 1.71 s,
// 40,000 took 9.73 s, against 2.03 s for a list of 1,000,000.
const setElementCost = 64

// checkSetProduct bounds setproduct by the product of its arguments'
// lengths, each element counting setElementCost times when the result is a
// set (when any argument is one).
func (l limits) checkSetProduct(args []cty.Value) error {
	n := big.NewFloat(1)
	set := false
	for _, a := range args {
		if !a.IsKnown() || a.IsNull() || !a.CanIterateElements() {
			return nil
		}
		set = set || a.Type().IsSetType()
		n.Mul(n, big.NewFloat(float64(a.LengthInt())))
	}
	if !set {
		if n.Cmp(big.NewFloat(float64(l.Elements))) > 0 {
			return l.elementsError(0, n)
		}
		return nil
	}
	weighted := new(big.Float).Mul(n, big.NewFloat(setElementCost))
	if weighted.Cmp(big.NewFloat(float64(l.Elements))) <= 0 {
		return nil
	}
	elems, _ := n.Int64()
	cost, _ := weighted.Int64()
	what := fmt.Sprintf("the call gives a set of %d elements, which go-cty sorts each time it reads the set, so that each element counts %d times: as if it had", elems, setElementCost)
	return function.NewArgErrorf(0, "%s", bounds.Elements.Exceeded(what, cost, l.Elements))
}

// checkFormat bounds the widths and precisions of format and formatlist's
// verbs ("%1000000000s" would build a string of 10^9 bytes).
func (l limits) checkFormat(args []cty.Value) error {
	if len(args) == 0 || !args[0].IsKnown() || args[0].IsNull() || args[0].Type() != cty.String {
		return nil
	}
	s := args[0].AsString()
	limit := big.NewFloat(float64(l.Elements))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		// Flags, width, precision: every run of digits up to the verb.
		for i++; i < len(s); i++ {
			c := s[i]
			if c >= '0' && c <= '9' {
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				n, _ := new(big.Float).SetString(s[i:j])
				if n != nil && n.Cmp(limit) > 0 {
					return l.elementsError(0, n)
				}
				i = j - 1
				continue
			}
			if c == '-' || c == '+' || c == '#' || c == ' ' || c == '.' || c == '[' || c == ']' {
				continue
			}
			break
		}
	}
	return nil
}

// listsAsIs returns f with its list-, set- and map-typed parameters
// converting their arguments with convertArg instead of hcl's
// convert.Convert. hcl converts an argument to a parameter's type before
// the call, and go-cty converts a tuple to a list (or an object to a map)
// by unifying the types of its elements with a sort that is quadratic in
// their number: join over a for expression of 20,000 strings took 4 s, of
// 100,000 over a minute. convertArg gives the same value or error in
// linear time for known tuples and objects, and bounds the rest.
func (l limits) listsAsIs(f function.Function) function.Function {
	retype := func(p function.Parameter) function.Parameter {
		if p.Type.IsCollectionType() {
			p.Type = cty.DynamicPseudoType
			p.AllowDynamicType = true
		}
		return p
	}
	params := f.Params()
	for i := range params {
		params[i] = retype(params[i])
	}
	var varParam *function.Parameter
	if vp := f.VarParam(); vp != nil {
		c := retype(*vp)
		varParam = &c
	}
	// asLists converts the list arguments as hcl would, taking the quick
	// way for a tuple of the list's element type.
	asLists := func(args []cty.Value) ([]cty.Value, error) {
		out := make([]cty.Value, len(args))
		for i, a := range args {
			out[i] = a
			p, ok := paramAt(f, i)
			if !ok || !p.Type.IsCollectionType() {
				continue
			}
			// An argument of no known type converts to an unknown of the
			// parameter's type, as hcl converts it before calling f: f's
			// own type function may not take it (setsubtract panicked).
			v, err := l.convertArg(a, p.Type)
			if err != nil {
				return nil, function.NewArgError(i, err)
			}
			out[i] = v
		}
		return out, nil
	}
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      params,
		VarParam:    varParam,
		Type: func(args []cty.Value) (cty.Type, error) {
			conv, err := asLists(args)
			if err != nil {
				return cty.NilType, err
			}
			return f.ReturnTypeForValues(conv)
		},
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			conv, err := asLists(args)
			if err != nil {
				return cty.NilVal, err
			}
			return f.Call(conv)
		},
	})
}

// paramAt returns the parameter of f that argument i binds to.
func paramAt(f function.Function, i int) (function.Parameter, bool) {
	params := f.Params()
	if i < len(params) {
		return params[i], true
	}
	if vp := f.VarParam(); vp != nil {
		return *vp, true
	}
	return function.Parameter{}, false
}

// checkFormatCall runs both checks of format and formatlist: the widths
// (checkFormat) and the length of the string each verb copies in
// (checkFormatLength).
func (l limits) checkFormatCall(args []cty.Value) error {
	if err := l.checkFormat(args); err != nil {
		return err
	}
	return l.checkFormatLength(args)
}

// checkFormatLength bounds format and formatlist by the length of the
// format and of every string argument each verb copies in, before the
// string is built: format("%[1]s%[1]s", x) copies x twice. For
// formatlist, a list argument counts as its longest element.
func (l limits) checkFormatLength(args []cty.Value) error {
	f, ok := knownString(args[0])
	if !ok {
		return nil
	}
	lengths := make([]int64, len(args))
	for i, a := range args[1:] {
		if s, ok := knownString(a); ok {
			lengths[i+1] = int64(len(s))
		} else {
			lengths[i+1] = longestString(a)
		}
	}
	total, next := int64(len(f)), 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		// Flags, width, precision and an explicit [n] up to the verb.
		for ; i < len(f); i++ {
			c := f[i]
			if c == '[' {
				j := i + 1
				for j < len(f) && f[j] >= '0' && f[j] <= '9' {
					j++
				}
				if n, err := strconv.Atoi(f[i+1 : j]); err == nil {
					next = n
				}
				i = j
				continue
			}
			if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '#' || c == ' ' || c == '.' || c == '*' {
				continue
			}
			break
		}
		if next >= 1 && next < len(lengths) {
			total += lengths[next]
		}
		next++
	}
	if total > l.StringLength {
		return l.stringArgError(0, total)
	}
	return nil
}

// checkTemplateLines bounds the lines of a template before hcl parses it:
// hcl melds a template's lines in time quadratic in their number.
func (l limits) checkTemplateLines(src []byte) error {
	if n := int64(bytes.Count(src, []byte("\n"))); n > l.TemplateLines {
		return fmt.Errorf("%s; hcl parses a template in time quadratic in its lines", bounds.TemplateLines.Exceeded("the template has", n, l.TemplateLines))
	}
	return nil
}
