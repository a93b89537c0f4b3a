package config

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// exprDiag is a diagnostic about expr, whose values in ctx the snippet
// shows, as Terraform's diagnostics about conditions and messages do.
func exprDiag(sev hcl.DiagnosticSeverity, summary, detail string, expr hcl.Expression, ctx *hcl.EvalContext) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity:    sev,
		Summary:     summary,
		Detail:      detail,
		Subject:     expr.Range().Ptr(),
		Expression:  expr,
		EvalContext: ctx,
	}
}

// checkRuleTraversals returns the traversals of the conditions and error
// messages of rules.
func checkRuleTraversals(rules []*CheckRule) []hcl.Traversal {
	var travs []hcl.Traversal
	for _, cr := range rules {
		travs = append(travs, cr.Condition.Variables()...)
		travs = append(travs, cr.ErrorMessage.Variables()...)
	}
	return travs
}

// evalChecks evaluates the assertions of every check block, once
// everything else is evaluated. A failed assertion is a warning, as in
// Terraform, which evaluates them only when it plans.
func (e *evaluator) evalChecks() {
	for _, c := range e.cfg.Checks {
		ctx := e.scope(e.checkRefs[c])
		for _, cr := range c.Asserts {
			e.evalCheckRule(cr, ctx, "Check block assertion", hcl.DiagWarning)
		}
	}
}

// evalCheckRule evaluates a precondition or assertion as Terraform's
// evalCheckRule does, reporting a failure with the given severity as
// "<what> failed" and the rule's error message. It returns false when the
// condition is false or cannot be evaluated; an unknown condition passes
// (an assertion's with a warning).
func (e *evaluator) evalCheckRule(cr *CheckRule, ctx *hcl.EvalContext, what string, severity hcl.DiagnosticSeverity) bool {
	msg := e.evalErrorMessage(cr.ErrorMessage, ctx)
	res, diags := cr.Condition.Value(exprbound.Scope(ctx, cr.Condition, e.l.limits))
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		return false
	}
	if !res.IsKnown() {
		if severity == hcl.DiagWarning {
			e.diags = append(e.diags, exprDiag(hcl.DiagWarning, what+" known after apply",
				"The condition could not be evaluated at this time, a result will be known when this plan is applied.", cr.Condition, ctx))
		}
		return true
	}
	if holds, ok := e.conditionHolds(cr.Condition, ctx, res, "Invalid condition result", "condition"); holds || !ok {
		return holds
	}
	if msg == "" {
		msg = "This check failed, but has an invalid error message as described in the other accompanying messages."
	}
	e.diags = append(e.diags, exprDiag(severity, what+" failed", msg, cr.Condition, ctx))
	return false
}

// conditionHolds converts the known value of a condition to a bool as
// Terraform does, reporting a null or non-bool result as an error with the
// given summary; noun ("condition", "validation condition") words the
// details as Terraform does. ok is false when it reported one.
func (e *evaluator) conditionHolds(expr hcl.Expression, ctx *hcl.EvalContext, v cty.Value, summary, noun string) (holds, ok bool) {
	report := func(detail string) (bool, bool) {
		e.diags = append(e.diags, exprDiag(hcl.DiagError, summary, detail, expr, ctx))
		return false, false
	}
	if v.IsNull() {
		return report(strings.ToUpper(noun[:1]) + noun[1:] + " expression must return either true or false, not null.")
	}
	v, err := convert.Convert(v, cty.Bool)
	if err != nil {
		return report(fmt.Sprintf("Invalid %s result value: %s.", noun, formatError(err)))
	}
	v, _ = v.Unmark()
	return v.True(), true
}

// evalErrorMessage evaluates a check rule's error message as Terraform's
// lang.EvalCheckErrorMessage does: "" when it is unknown or cannot be
// shown, with the reason as a diagnostic.
func (e *evaluator) evalErrorMessage(expr hcl.Expression, ctx *hcl.EvalContext) string {
	val, diags := expr.Value(exprbound.Scope(ctx, expr, e.l.limits))
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		return ""
	}
	invalid := func(detail string) string {
		e.diags = append(e.diags, exprDiag(hcl.DiagError, "Invalid error message", detail, expr, ctx))
		return ""
	}
	val, err := convert.Convert(val, cty.String)
	if err != nil {
		return invalid(fmt.Sprintf("Unsuitable value for error message: %s.", formatError(err)))
	}
	if !val.IsKnown() {
		return ""
	}
	if val.IsNull() {
		return invalid("Unsuitable value for error message: must not be null.")
	}
	val, marks := val.Unmark()
	if _, ok := marks[funcs.SensitiveMark]; ok {
		e.diags = append(e.diags, exprDiag(hcl.DiagWarning, "Error message refers to sensitive values",
			"The error expression used to explain this condition refers to sensitive values, so vpcplan will not display the resulting message.\n\nYou can correct this by removing references to sensitive values, or by carefully using the nonsensitive() function if the expression will not reveal the sensitive data.", expr, ctx))
		return ""
	}
	return strings.TrimSpace(val.AsString())
}
