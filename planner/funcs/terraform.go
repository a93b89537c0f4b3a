package funcs

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// terraformProviderFuncs are the functions of Terraform's built-in provider
// (terraform.io/builtin/terraform), by name, with that provider's
// parameters: as for every provider function, marks on the arguments move
// to the result, a null argument is an error and, unless a parameter takes
// unknown values, an argument that is not wholly known makes the result
// unknown.
var terraformProviderFuncs = map[string]function.Function{
	"encode_tfvars": providerFunc("value", cty.DynamicPseudoType, true, cty.String, encodeTfvars),
	"decode_tfvars": providerFunc("src", cty.String, false, cty.DynamicPseudoType, decodeTfvars),
	"encode_expr":   providerFunc("value", cty.DynamicPseudoType, true, cty.String, encodeExpr),
}

// providerFunc builds a one-parameter provider function as Terraform's
// providers.FunctionDecl.BuildFunction does.
func providerFunc(name string, param cty.Type, allowUnknown bool, ret cty.Type, impl func(cty.Value) (cty.Value, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name:             name,
			Type:             param,
			AllowDynamicType: param == cty.DynamicPseudoType,
			AllowUnknown:     allowUnknown,
		}},
		Type: function.StaticReturnType(ret),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if !allowUnknown && !args[0].IsWhollyKnown() {
				return cty.UnknownVal(retType), nil
			}
			if args[0].IsNull() {
				return cty.UnknownVal(retType), fmt.Errorf("argument %q cannot be null", name)
			}
			return impl(args[0])
		},
	})
}

// encodeTfvars renders an object or map as a .tfvars file, its keys
// sorted.
func encodeTfvars(v cty.Value) (cty.Value, error) {
	if !v.IsWhollyKnown() {
		return cty.UnknownVal(cty.String).RefineNotNull(), nil
	}
	ty := v.Type()
	var keys []string
	switch {
	case ty.IsObjectType():
		for k := range ty.AttributeTypes() {
			keys = append(keys, k)
		}
	case ty.IsMapType():
		for it := v.ElementIterator(); it.Next(); {
			k, _ := it.Element()
			keys = append(keys, k.AsString())
		}
	default:
		return cty.NilVal, function.NewArgErrorf(1, "invalid value to encode: must be an object whose attribute names will become the encoded variable names")
	}
	sort.Strings(keys)
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for _, k := range keys {
		if !hclsyntax.ValidIdentifier(k) {
			return cty.NilVal, function.NewArgErrorf(1, "invalid variable name %q: must be a valid identifier, per Terraform's rules for input variable declarations", k)
		}
		attr, _ := hcl.Index(v, cty.StringVal(k), nil)
		body.SetAttributeValue(k, attr)
	}
	return cty.StringVal(string(f.Bytes())), nil
}

// decodeTfvars parses the text of a .tfvars file into an object of its
// values; like a .tfvars file, it may not call functions or refer to
// anything.
func decodeTfvars(src cty.Value) (cty.Value, error) {
	f, diags := hclsyntax.ParseConfig([]byte(src.AsString()), "<decode_tfvars argument>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("invalid tfvars syntax: %s", diags.Error())
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("invalid tfvars content: %s", diags.Error())
	}
	vals := make(map[string]cty.Value, len(attrs))
	for name, attr := range attrs {
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() {
			return cty.NilVal, fmt.Errorf("invalid expression for variable %q: %s", name, diags.Error())
		}
		vals[name] = v
	}
	return cty.ObjectVal(vals), nil
}

// encodeExpr renders any value in the expression syntax; an unknown value
// gives an unknown string refined by the syntax's first character where
// the type decides it.
func encodeExpr(v cty.Value) (cty.Value, error) {
	if !v.IsWhollyKnown() {
		ret := cty.UnknownVal(cty.String).RefineNotNull()
		if !v.Range().CouldBeNull() {
			switch ty := v.Type(); {
			case ty.IsObjectType() || ty.IsMapType():
				ret = ret.Refine().StringPrefixFull("{").NewValue()
			case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
				ret = ret.Refine().StringPrefixFull("[").NewValue()
			case ty == cty.String:
				ret = ret.Refine().StringPrefixFull(`"`).NewValue()
			}
		}
		return ret, nil
	}
	return cty.StringVal(string(bytes.TrimSpace(hclwrite.TokensForValue(v).Bytes()))), nil
}
