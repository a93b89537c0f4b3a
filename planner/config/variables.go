package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// valueSource says where a variable's value comes from, for Terraform's
// messages about it.
type valueSource int

const (
	fromFile   valueSource = iota // a .tfvars file: the value has a range
	fromCLI                       // -var
	fromEnv                       // TF_VAR_name
	fromPrompt                    // the interactive prompt
	fromPlan                      // a saved plan
)

// rawValue is a variable value before conversion to the variable's type:
// either an expression (from a .tfvars file or a complex -var) or a plain
// string (from -var or the environment, for primitive types).
type rawValue struct {
	expr hcl.Expression // nil for a plain string
	str  string
	from valueSource
	rng  *hcl.Range // of the value, when it comes from a file
}

// nonFileSource is Terraform's phrase for a value that does not come from
// a file, as in "Unsuitable value for var.x set using -var="x=...": ...".
func (rv rawValue) nonFileSource(name string) string {
	switch rv.from {
	case fromCLI:
		return fmt.Sprintf("set using -var=\"%s=...\"", name)
	case fromEnv:
		return fmt.Sprintf("set using the TF_VAR_%s environment variable", name)
	case fromPrompt:
		return "set using an interactive prompt"
	}
	return "set from outside of the configuration"
}

// inputError marks the diagnostics about the values given for variables
// (undeclared ones, unparsable ones, required ones without a value): at
// plan time Terraform reports them before it evaluates anything. See
// PlanFailure.
type inputError struct{}

// collectVariableValues gathers the raw values of every variable from the
// sources Terraform reads, in Terraform's order of precedence (later wins):
// the environment, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars
// and *.auto.tfvars.json (lexical order), then -var and -var-file in
// command-line order. Files whose names end in .json are in the JSON
// syntax, whose strings are taken literally, as Terraform takes them. In
// PlanMode a variable with neither a value nor a default is asked for
// through Options.Prompt, in name order, or is an error, as Terraform
// asks before it plans.
func (e *evaluator) collectVariableValues() hcl.Diagnostics {
	var diags hcl.Diagnostics
	raw := map[string]rawValue{}
	envNames := make([]string, 0)
	envVals := map[string]string{}
	for _, kv := range e.opts.Env {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, "TF_VAR_") {
			continue
		}
		vn := strings.TrimPrefix(name, "TF_VAR_")
		if e.cfg.byVariable[vn] == nil {
			continue // as Terraform: undeclared environment values are ignored
		}
		envNames = append(envNames, vn)
		envVals[vn] = val
	}
	sort.Strings(envNames)
	for _, vn := range envNames {
		raw[vn] = rawValue{str: envVals[vn], from: fromEnv}
	}
	// terraform.tfvars, then terraform.tfvars.json, then the *.auto.tfvars
	// and *.auto.tfvars.json files in the order of their names (os.ReadDir
	// sorts), as Terraform reads them.
	var autoFiles []string
	for _, name := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if _, err := os.Stat(filepath.Join(e.cfg.Dir, name)); err == nil {
			autoFiles = append(autoFiles, filepath.Join(e.cfg.Dir, name))
		}
	}
	if entries, err := os.ReadDir(e.cfg.Dir); err == nil {
		for _, ent := range entries {
			if !ent.IsDir() && (strings.HasSuffix(ent.Name(), ".auto.tfvars") || strings.HasSuffix(ent.Name(), ".auto.tfvars.json")) {
				autoFiles = append(autoFiles, filepath.Join(e.cfg.Dir, ent.Name()))
			}
		}
	}
	var undeclared []string // in files: warnings, as Terraform gives them
	for _, f := range autoFiles {
		diags = append(diags, e.readVarFile(f, raw, &undeclared)...)
	}
	for _, a := range e.opts.Vars {
		if a.File != "" {
			diags = append(diags, e.readVarFile(a.File, raw, &undeclared)...)
			continue
		}
		if e.cfg.byVariable[a.Name] == nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Value for undeclared variable",
				Detail:   fmt.Sprintf("A variable named %q was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a \"variable\" block to the configuration.", a.Name),
				Extra:    inputError{},
			})
			continue
		}
		raw[a.Name] = rawValue{str: a.Value, from: fromCLI}
	}
	diags = append(diags, undeclaredInFiles(undeclared)...)
	for name, val := range e.opts.Values {
		if e.cfg.byVariable[name] != nil {
			raw[name] = rawValue{expr: hcl.StaticExpr(val, hcl.Range{}), from: fromPlan}
		}
	}
	for _, v := range e.cfg.Variables {
		rv, ok := raw[v.Name]
		if !ok && e.opts.Mode == PlanMode && v.Default == nil {
			s, answered := "", false
			if e.opts.Prompt != nil {
				s, answered = e.opts.Prompt(v)
			}
			if !answered {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "No value for required variable",
					Detail:   fmt.Sprintf("The root module input variable %q is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.", v.Name),
					Subject:  v.DeclRange.Ptr(),
					Extra:    inputError{},
				})
				continue
			}
			rv, ok = rawValue{str: s, from: fromPrompt}, true
		}
		if !ok {
			continue
		}
		if rv.expr == nil && !isPrimitiveConstraint(v) {
			// A complex value from -var, the environment or the prompt is
			// HCL syntax.
			expr, moreDiags := hclsyntax.ParseExpression([]byte(rv.str), fmt.Sprintf("<value for var.%s>", v.Name), hcl.InitialPos)
			if moreDiags.HasErrors() {
				for _, d := range moreDiags {
					d.Extra = inputError{}
				}
				diags = append(diags, moreDiags...)
				continue
			}
			rv.expr = expr
		}
		e.pending[v.Name] = rv
	}
	return diags
}

// undeclaredInFiles returns Terraform's warnings about values that files
// give to undeclared variables: the first two named, then one for the
// rest.
func undeclaredInFiles(undeclared []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for i, u := range undeclared {
		if i == 2 {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Values for undeclared variables",
				Detail:   fmt.Sprintf("In addition to the other similar warnings shown, %d other variable(s) defined without being declared.", len(undeclared)-2),
			})
			break
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Value for undeclared variable",
			Detail:   u + "\n\nTo silence these warnings, use TF_VAR_... environment variables to provide certain \"global\" settings to all configurations in your organization. To reduce the verbosity of these warnings, use the -compact-warnings option.",
		})
	}
	return diags
}

// isPrimitiveConstraint reports whether a variable's type is a primitive
// type (or any), whose values from -var, the environment and the prompt
// are taken as literal strings, as Terraform does.
func isPrimitiveConstraint(v *Variable) bool {
	ty := v.ConstraintType
	return ty == cty.NilType || ty.IsPrimitiveType() || ty == cty.DynamicPseudoType
}

// readVarFile reads a variables file into raw. Values for variables the
// configuration does not declare are added to undeclared as the first
// paragraph of Terraform's warning; they are warnings for -var-file too,
// as in Terraform.
func (e *evaluator) readVarFile(name string, raw map[string]rawValue, undeclared *[]string) hcl.Diagnostics {
	src, err := e.opts.ReadFile(name)
	if err != nil {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Failed to read variables file",
			Detail:   fmt.Sprintf("Cannot read %q: %s.", name, errText(err)),
			Extra:    inputError{},
		}}
	}
	f, diags := e.l.ParseSource(src, name)
	if diags.HasErrors() {
		for _, d := range diags {
			d.Extra = inputError{}
		}
		return diags
	}
	attrs, moreDiags := f.Body.JustAttributes()
	for _, d := range moreDiags {
		d.Extra = inputError{}
	}
	diags = append(diags, moreDiags...)
	for _, an := range sortedAttrNames(attrs) {
		a := attrs[an]
		if e.cfg.byVariable[an] == nil {
			*undeclared = append(*undeclared, fmt.Sprintf("The root module does not declare a variable named %q but a value was found in file %q. If you meant to use this value, add a \"variable\" block to the configuration.", an, name))
			continue
		}
		rng := a.Expr.Range()
		raw[an] = rawValue{expr: a.Expr, from: fromFile, rng: &rng}
	}
	return diags
}

// evalVariable gives a variable its final value: the raw value converted
// to the type constraint (with optional attribute defaults), the default,
// or unknown (validate, or Terraform's validate walk); then runs its
// validation blocks. Its errors are Terraform's (prepareFinalInputVariable
// Value and evalVariableValidations).
func (e *evaluator) evalVariable(v *Variable) {
	ty := v.ConstraintType
	rv, given := e.pending[v.Name]
	if e.allUnknown || (!given && v.Default == nil) {
		// validate: the value is not needed, and rules stay silent on
		// whatever depends on it. (In PlanMode a variable without a value
		// never gets here: collectVariableValues reported it.)
		val := cty.UnknownVal(ty)
		if e.parent == nil {
			e.model.Variables[v.Name] = val
		}
		if v.Sensitive {
			val = val.Mark(funcs.SensitiveMark)
		}
		e.vars[v.Name] = val
		return
	}
	fail := func(diags ...*hcl.Diagnostic) {
		e.diags = append(e.diags, diags...)
		e.vars[v.Name] = cty.UnknownVal(ty)
	}
	var val cty.Value
	var diags hcl.Diagnostics
	switch {
	case given && rv.expr != nil:
		val, diags = rv.expr.Value(nil)
	case given:
		val = cty.StringVal(rv.str)
	default:
		val, diags = v.Default.Expr.Value(nil)
		if e.opts.Mode == ValidateMode {
			e.defaulted[v.Name] = true
		}
	}
	if diags.HasErrors() {
		fail(diags...)
		return
	}
	e.diags = append(e.diags, diags...)
	// Where Terraform's messages point: the value in its file, else the
	// declaration.
	subject := v.DeclRange
	if given && rv.rng != nil {
		subject = *rv.rng
	}
	// A module's caller may pass marked values (sensitive, owned by an
	// instance): they are converted unmarked and marked again.
	val, pvm := val.UnmarkDeepWithPaths()
	if v.TypeDefaults != nil && val.IsKnown() && !val.IsNull() {
		val = v.TypeDefaults.Apply(val)
	}
	conv, err := convert.Convert(val, ty)
	if err != nil {
		if !given {
			fail() // decodeVariable reported the default
			return
		}
		d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid value for input variable", Subject: subject.Ptr()}
		switch {
		case rv.rng == nil:
			d.Detail = fmt.Sprintf("Unsuitable value for var.%s %s: %s.", v.Name, rv.nonFileSource(v.Name), err)
		case v.Sensitive:
			d.Detail = fmt.Sprintf("The given value is not suitable for var.%s, which is sensitive: %s. Invalid value defined at %s.", v.Name, err, subject)
			d.Subject = v.DeclRange.Ptr()
		default:
			d.Detail = fmt.Sprintf("The given value is not suitable for var.%s declared at %s: %s.", v.Name, v.DeclRange, err)
		}
		fail(d)
		return
	}
	if conv.IsNull() && !v.Nullable {
		switch {
		case v.Default != nil:
			conv, _ = v.Default.Expr.Value(nil)
			conv, _ = convert.Convert(conv, ty)
		case rv.rng == nil:
			fail(&hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Required variable not set",
				Detail:   fmt.Sprintf("Unsuitable value for var.%s %s: required variable may not be set to null.", v.Name, rv.nonFileSource(v.Name)),
				Subject:  v.DeclRange.Ptr(),
			})
			return
		default:
			fail(&hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Required variable not set",
				Detail:   fmt.Sprintf("The given value is not suitable for var.%s defined at %s: required variable may not be set to null.", v.Name, v.DeclRange),
				Subject:  subject.Ptr(),
			})
			return
		}
	}
	if e.parent == nil {
		e.model.Variables[v.Name] = conv
	}
	if len(pvm) > 0 {
		conv = conv.MarkWithPaths(pvm)
	}
	if v.Sensitive {
		conv = conv.Mark(funcs.SensitiveMark)
	}
	e.vars[v.Name] = conv
	e.validateVariable(v, conv, subject)
}

// validateVariable runs the validation blocks, as Terraform's
// evalVariableValidation does: an unknown condition passes, a false one is
// an error on the value's source with the condition's values shown.
func (e *evaluator) validateVariable(v *Variable, val cty.Value, subject hcl.Range) {
	if len(v.Validations) == 0 {
		return
	}
	n := node{kind: nodeVariable, name: v.Name}
	ctx := e.scope(e.refs[n])
	if ctx.Variables == nil {
		ctx.Variables = map[string]cty.Value{}
	}
	child := map[string]cty.Value{}
	if vars, ok := ctx.Variables["var"]; ok && vars.Type().IsObjectType() {
		for k, x := range vars.AsValueMap() {
			child[k] = x
		}
	}
	child[v.Name] = val
	ctx.Variables["var"] = cty.ObjectVal(child)
	for _, vr := range v.Validations {
		res, diags := vr.Condition.Value(exprbound.Scope(ctx, vr.Condition, e.l.limits))
		msg, msgDiags := vr.ErrorMessage.Value(exprbound.Scope(ctx, vr.ErrorMessage, e.l.limits))
		e.diags = append(append(e.diags, diags...), msgDiags...)
		if diags.HasErrors() || !res.IsKnown() {
			continue
		}
		if holds, ok := e.conditionHolds(vr.Condition, ctx, res, "Invalid variable validation result", "validation condition"); holds || !ok {
			continue
		}
		text := e.checkErrorMessage(vr, msg, msgDiags, ctx)
		if text == "" {
			continue // unknown at validate time: Terraform skips the check
		}
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     "Invalid value for variable",
			Detail:      fmt.Sprintf("%s\n\nThis was checked by the validation rule at %s.", text, vr.DeclRange),
			Subject:     subject.Ptr(),
			Expression:  vr.Condition,
			EvalContext: ctx,
		})
	}
}

// checkErrorMessage returns the text of a failed validation's error
// message, reporting a message that is not a string or is sensitive as
// Terraform does. It returns "" when the message is unknown at validate
// time, where Terraform waits for plan.
func (e *evaluator) checkErrorMessage(vr *CheckRule, msg cty.Value, msgDiags hcl.Diagnostics, ctx *hcl.EvalContext) string {
	const failed = "Failed to evaluate condition error message."
	if msgDiags.HasErrors() {
		return failed
	}
	if !msg.IsKnown() {
		if e.opts.Mode != PlanMode || e.allUnknown {
			return ""
		}
		e.diags = append(e.diags, exprDiag(hcl.DiagError, "Invalid error message",
			"Unsuitable value for error message: expression refers to values that won't be known until the apply phase.", vr.ErrorMessage, ctx))
		return failed
	}
	if msg.IsNull() {
		return failed
	}
	str, err := convert.Convert(msg, cty.String)
	if err != nil {
		e.diags = append(e.diags, exprDiag(hcl.DiagError, "Invalid error message",
			fmt.Sprintf("Unsuitable value for error message: %s.", formatError(err)), vr.ErrorMessage, ctx))
		return failed
	}
	if str.HasMark(funcs.SensitiveMark) {
		e.diags = append(e.diags, exprDiag(hcl.DiagError, "Error message refers to sensitive values",
			"The error expression used to explain this condition refers to sensitive values. vpcplan will not display the resulting message.\n\nYou can correct this by removing references to sensitive values, or by carefully using the nonsensitive() function if the expression will not reveal the sensitive data.", vr.ErrorMessage, ctx))
		return "The error message included a sensitive value, so it will not be displayed."
	}
	str, _ = str.UnmarkDeep()
	if text := strings.TrimSpace(str.AsString()); text != "" {
		return text
	}
	return failed
}
