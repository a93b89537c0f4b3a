package funcs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// templateFuncNames are the functions that render templates: a template
// cannot call them, or a template could render itself forever.
var templateFuncNames = map[string]bool{"templatefile": true, "templatestring": true}

// fileFuncNames are the functions that read files, which templatestring's
// templates (strings from anywhere) may not call.
var fileFuncNames = map[string]bool{
	"file": true, "fileexists": true, "fileset": true, "filebase64": true, "filebase64sha256": true,
	"filebase64sha512": true, "filemd5": true, "filesha1": true, "filesha256": true, "filesha512": true,
	"templatefile": true,
}

// templateFunctions returns the functions a template may call: all, with
// the template functions (and, unless allowFiles, the file functions)
// replaced by ones that fail with Terraform's message.
func templateFunctions(all map[string]function.Function, allowFiles bool) map[string]function.Function {
	out := make(map[string]function.Function, len(all))
	for name, fn := range all {
		plain := strings.TrimPrefix(name, "core::")
		var msg string
		switch {
		case templateFuncNames[plain]:
			msg = fmt.Sprintf("cannot recursively call %s from inside another template function", plain)
		case !allowFiles && fileFuncNames[plain]:
			msg = fmt.Sprintf("cannot use filesystem access functions like %s in templatestring templates; consider passing the function result as a template variable instead", plain)
		default:
			out[name] = fn
			continue
		}
		out[name] = function.New(&function.Spec{
			Params:   fn.Params(),
			VarParam: fn.VarParam(),
			Type:     func([]cty.Value) (cty.Type, error) { return cty.NilType, errors.New(msg) },
		})
	}
	return out
}

// renderTemplate evaluates a parsed template, prepared by
// exprbound.PrepareExpr, with the attributes of vars as its variables, as
// Terraform's templatefile and templatestring do, counting what it builds
// against the bounds of l.
func renderTemplate(expr hcl.Expression, vars cty.Value, funcs map[string]function.Function, l limits) (cty.Value, error) {
	if ty := vars.Type(); !ty.IsMapType() && !ty.IsObjectType() {
		return cty.DynamicVal, function.NewArgErrorf(1, "invalid vars value: must be a map")
	}
	ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: funcs}
	for name := range ctx.Variables {
		if !hclsyntax.ValidIdentifier(name) {
			return cty.DynamicVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
		}
	}
	// Checked here, not left to HCL, so the message says the problem is in
	// the call. Variables() is in source order, so the first missing key
	// reported is deterministic.
	for _, traversal := range expr.Variables() {
		root := traversal.RootName()
		if _, ok := ctx.Variables[root]; !ok {
			return cty.DynamicVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", root, traversal[0].SourceRange())
		}
	}
	// Its for directives and interpolations (prepared by the caller)
	// count against a budget of their own.
	val, diags := expr.Value(exprbound.Scope(ctx, expr, bounds.Limits(l)))
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return val, nil
}

// templateStringFunc returns templatestring(template, vars): the string
// that template, a reference to a string holding template syntax, renders
// with vars. The template may call every function of all() except the
// template and file functions. As in Terraform, the first argument must be
// a reference (local.tpl, data.x.y.body, var.m["k"]), not a literal or
// inline template, which would be evaluated too early. The template's
// lines and what it builds are bounded by l.
func templateStringFunc(all func() map[string]function.Function, l limits) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: customdecode.ExpressionClosureType},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			closure := customdecode.ExpressionClosureFromVal(args[0])
			switch expr := closure.Expression.(type) {
			case *hclsyntax.TemplateWrapExpr:
				return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to treat the inner expression as template syntax, write the reference expression directly without any template interpolation syntax")
			case *hclsyntax.TemplateExpr:
				if len(expr.Parts) == 1 {
					if _, ok := expr.Parts[0].(*hclsyntax.LiteralValueExpr); ok {
						return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead")
					}
				}
				return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an inline template, consider using a plain template string expression")
			default:
				if !isTemplateReference(expr) {
					return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax")
				}
			}
			tmpl, diags := closure.Value()
			if diags.HasErrors() {
				return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template expression: %s", diags.Error())
			}
			if !tmpl.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if tmpl.Type() != cty.String || tmpl.IsNull() {
				return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template value: a string is required")
			}
			tmpl, marks := tmpl.Unmark()
			if err := l.checkTemplateLines([]byte(tmpl.AsString())); err != nil {
				return cty.UnknownVal(retType), function.NewArgError(0, err)
			}
			expr, diags := hclsyntax.ParseTemplate([]byte(tmpl.AsString()), "<templatestring argument>", hcl.Pos{Line: 1, Column: 1})
			if diags.HasErrors() {
				return cty.UnknownVal(retType), function.NewArgErrorf(0, "invalid template: %s", diags.Error())
			}
			exprbound.PrepareExpr(expr)
			val, err := renderTemplate(expr, args[1], templateFunctions(all(), false), l)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if val.IsNull() {
				return cty.UnknownVal(retType), &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Template result is null",
					Detail:   "The result of the template is null, which is not a valid result for a templatestring call.",
					Subject:  expr.Range().Ptr(),
				}
			}
			val, err = convert.Convert(val, cty.String)
			if err != nil {
				return cty.UnknownVal(retType), fmt.Errorf("invalid template result: %s", err)
			}
			return val.WithMarks(marks), nil
		},
	})
}

// isTemplateReference reports whether expr is a reference, possibly
// indexed or splatted, as templatestring's template argument must be.
func isTemplateReference(expr hcl.Expression) bool {
	switch expr := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return true
	case *hclsyntax.RelativeTraversalExpr:
		return isTemplateReference(expr.Source)
	case *hclsyntax.IndexExpr:
		return isTemplateReference(expr.Collection)
	case *hclsyntax.SplatExpr:
		return isTemplateReference(expr.Source)
	}
	return false
}
