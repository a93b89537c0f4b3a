package funcs

import (
	"math/big"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// bounded returns f with check run on its arguments before it: check
// returns an error (past bounds.Elements) for a call whose result would be
// too large to build, so that range(1e9), setproduct of large sets or a
// format width of 10^9 fail at once instead of exhausting memory.
func bounded(f function.Function, check func(args []cty.Value) error) function.Function {
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
			if err := check(args); err != nil {
				return cty.NilVal, err
			}
			return f.Call(args)
		},
	})
}

// elementsError is the error of a call producing n elements.
func elementsError(arg int, n *big.Float) error {
	i, _ := n.Int64()
	if !n.IsInt() || n.Cmp(new(big.Float).SetInt64(i)) != 0 {
		i = 1<<63 - 1
	}
	return function.NewArgErrorf(arg, "%s", bounds.Elements.Exceeded("the call gives", i))
}

// checkRange bounds range(limit), range(start, limit) and
// range(start, limit, step).
func checkRange(args []cty.Value) error {
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
	if n.Cmp(big.NewFloat(float64(bounds.Elements.Value()))) > 0 {
		return elementsError(len(nums)-1, n)
	}
	return nil
}

// checkSetProduct bounds setproduct by the product of its arguments'
// lengths.
func checkSetProduct(args []cty.Value) error {
	n := big.NewFloat(1)
	for _, a := range args {
		if !a.IsKnown() || a.IsNull() || !a.CanIterateElements() {
			return nil
		}
		n.Mul(n, big.NewFloat(float64(a.LengthInt())))
	}
	if n.Cmp(big.NewFloat(float64(bounds.Elements.Value()))) > 0 {
		return elementsError(0, n)
	}
	return nil
}

// checkFormat bounds the widths and precisions of format and formatlist's
// verbs ("%1000000000s" would build a string of 10^9 bytes).
func checkFormat(args []cty.Value) error {
	if len(args) == 0 || !args[0].IsKnown() || args[0].IsNull() || args[0].Type() != cty.String {
		return nil
	}
	s := args[0].AsString()
	limit := big.NewFloat(float64(bounds.Elements.Value()))
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
					return elementsError(0, n)
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
