package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
)

// redactFunctionErrors replaces the detail of every failed function call
// one of whose arguments is sensitive: functions quote their arguments in
// their errors (cidrsubnet(var.secret, 8, 1) names the address it could
// not parse), and a sensitive value must not reach any output. The
// arguments are evaluated again, with the call's own context, only for
// calls that failed, within the bounds of lim.
func redactFunctionErrors(diags hcl.Diagnostics, lim bounds.Limits) {
	for _, d := range diags {
		extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
		if !ok || d.Expression == nil || d.EvalContext == nil {
			continue
		}
		if !sensitiveArgs(d.Expression, d.EvalContext, lim) {
			continue
		}
		d.Detail = fmt.Sprintf("Call to function %q failed, and the error is not shown because an argument is sensitive (the message could tell its value). Check the arguments' values without sensitive, or with nonsensitive() in a temporary output.", extra.CalledFunctionName())
	}
}

// sensitiveArgs reports whether expr (a function call, or one argument of
// it) evaluates to a value holding something sensitive.
func sensitiveArgs(expr hcl.Expression, ctx *hcl.EvalContext, lim bounds.Limits) bool {
	exprs := []hcl.Expression{expr}
	if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok {
		exprs = exprs[:0]
		for _, a := range call.Args {
			exprs = append(exprs, a)
		}
	}
	for _, x := range exprs {
		v, _ := x.Value(exprbound.Scope(ctx, x, lim))
		if containsSensitive(v) {
			return true
		}
	}
	return false
}

func containsSensitive(v cty.Value) bool {
	if v.HasMark(funcs.SensitiveMark) {
		return true
	}
	_, pvm := v.UnmarkDeepWithPaths()
	for _, p := range pvm {
		if p.Marks.Has(funcs.SensitiveMark) {
			return true
		}
	}
	return false
}
