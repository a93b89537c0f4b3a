package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// rawValue is a variable value before conversion to the variable's type:
// either an expression (from a .tfvars file or a complex -var) or a plain
// string (from -var or the environment, for primitive types).
type rawValue struct {
	expr   hcl.Expression // nil for a plain string
	str    string
	source string     // "-var", "environment variable TF_VAR_x", file name
	rng    *hcl.Range // of the value, when it comes from a file
}

// collectVariableValues gathers the raw values of every variable from the
// sources Terraform reads, in Terraform's order of precedence (later wins):
// the environment, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars
// and *.auto.tfvars.json (lexical order), then -var and -var-file in
// command-line order. Files whose names end in .json are in the JSON
// syntax, whose strings are taken literally, as Terraform takes them.
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
		raw[vn] = rawValue{str: envVals[vn], source: "environment variable TF_VAR_" + vn}
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
	for _, f := range autoFiles {
		diags = append(diags, e.readVarFile(f, raw, false)...)
	}
	for _, a := range e.opts.Vars {
		if a.File != "" {
			diags = append(diags, e.readVarFile(a.File, raw, true)...)
			continue
		}
		if e.cfg.byVariable[a.Name] == nil {
			detail := fmt.Sprintf("A variable named %q was assigned on the command line, but the configuration does not declare a variable of that name.", a.Name)
			if s := nameSuggestion(a.Name, variableNames(e.cfg)); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				detail += " To use this value, add a \"variable\" block to the configuration."
			}
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Value for undeclared variable", Detail: detail})
			continue
		}
		raw[a.Name] = rawValue{str: a.Value, source: "-var"}
	}
	for name, val := range e.opts.Values {
		if e.cfg.byVariable[name] != nil {
			raw[name] = rawValue{expr: hcl.StaticExpr(val, hcl.Range{}), source: "the saved plan"}
		}
	}
	for _, v := range e.cfg.Variables {
		rv, ok := raw[v.Name]
		if !ok {
			continue
		}
		if rv.expr == nil && !isPrimitiveConstraint(v) {
			// A complex value from -var or the environment is HCL syntax.
			expr, moreDiags := hclsyntax.ParseExpression([]byte(rv.str), rv.source, hcl.InitialPos)
			if moreDiags.HasErrors() {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid value for input variable",
					Detail:   fmt.Sprintf("The value for variable %q from %s is not valid syntax for its type: %s", v.Name, rv.source, fullStop(moreDiags[0].Detail)),
				})
				continue
			}
			rv.expr = expr
		}
		e.pending[v.Name] = rv
	}
	return diags
}

// fullStop ends text quoted from another diagnostic or error with exactly
// one full stop: hcl's details end in one (or in a question), most error
// strings in none.
func fullStop(s string) string {
	s = strings.TrimRight(s, " \n")
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// isPrimitiveConstraint reports whether a variable's type is a primitive
// type, whose values from -var and the environment are taken as literal
// strings, as Terraform does.
func isPrimitiveConstraint(v *Variable) bool {
	if v.Type == nil {
		return true // any: Terraform takes the string as it is
	}
	ty, _, diags := typeexpr.TypeConstraintWithDefaults(v.Type)
	if diags.HasErrors() {
		return true
	}
	return ty.IsPrimitiveType() || ty == cty.DynamicPseudoType
}

func (e *evaluator) readVarFile(name string, raw map[string]rawValue, explicit bool) hcl.Diagnostics {
	src, err := e.opts.ReadFile(name)
	if err != nil {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Failed to read variables file",
			Detail:   fmt.Sprintf("Cannot read %q: %s.", name, errText(err)),
		}}
	}
	f, diags := e.l.ParseSource(src, name)
	if diags.HasErrors() {
		return diags
	}
	attrs, moreDiags := f.Body.JustAttributes()
	diags = append(diags, moreDiags...)
	for _, an := range sortedAttrNames(attrs) {
		a := attrs[an]
		if e.cfg.byVariable[an] == nil {
			sev := hcl.DiagWarning
			if explicit {
				sev = hcl.DiagError
			}
			detail := fmt.Sprintf("The variables file assigns %q, which the configuration does not declare.", an)
			if s := nameSuggestion(an, variableNames(e.cfg)); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				detail += " Declare it with a \"variable\" block or remove the assignment."
			}
			diags = append(diags, &hcl.Diagnostic{Severity: sev, Summary: "Value for undeclared variable", Detail: detail, Subject: a.NameRange.Ptr()})
			continue
		}
		rng := a.Expr.Range()
		raw[an] = rawValue{expr: a.Expr, source: name, rng: &rng}
	}
	return diags
}

// evalVariable gives a variable its final value: the raw value converted to
// the type constraint (with optional attribute defaults), the default, an
// answer to the prompt, or unknown (validate only); then runs its
// validation blocks.
func (e *evaluator) evalVariable(v *Variable) {
	ty, tyDefaults := cty.DynamicPseudoType, (*typeexpr.Defaults)(nil)
	if v.Type != nil {
		var diags hcl.Diagnostics
		ty, tyDefaults, diags = typeexpr.TypeConstraintWithDefaults(v.Type)
		e.diags = append(e.diags, diags...)
		if diags.HasErrors() {
			e.vars[v.Name] = cty.DynamicVal
			return
		}
	}
	subject := v.DeclRange
	var val cty.Value
	rv, given := e.pending[v.Name]
	switch {
	case given:
		var diags hcl.Diagnostics
		if rv.expr != nil {
			val, diags = rv.expr.Value(nil)
		} else {
			val = cty.StringVal(rv.str)
		}
		e.diags = append(e.diags, diags...)
		if diags.HasErrors() {
			e.vars[v.Name] = cty.UnknownVal(ty)
			return
		}
		if rv.rng != nil {
			subject = *rv.rng
		}
	case v.Default != nil:
		var diags hcl.Diagnostics
		val, diags = v.Default.Expr.Value(nil)
		e.diags = append(e.diags, diags...)
		if diags.HasErrors() {
			e.vars[v.Name] = cty.UnknownVal(ty)
			return
		}
		subject = v.Default.Expr.Range()
	case e.opts.Mode == PlanMode && e.opts.Prompt != nil:
		if s, ok := e.opts.Prompt(v); ok {
			val = cty.StringVal(s)
			if !isPrimitiveConstraint(v) {
				expr, diags := hclsyntax.ParseExpression([]byte(s), "<input>", hcl.InitialPos)
				e.diags = append(e.diags, diags...)
				if diags.HasErrors() {
					e.vars[v.Name] = cty.UnknownVal(ty)
					return
				}
				val, diags = expr.Value(nil)
				e.diags = append(e.diags, diags...)
			}
			break
		}
		fallthrough
	case e.opts.Mode == PlanMode:
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No value for required variable",
			Detail:   fmt.Sprintf("The root module input variable %q is not set, and has no default value. Use a -var or -var-file command line argument, a terraform.tfvars file, or the TF_VAR_%s environment variable to provide a value for this variable.", v.Name, v.Name),
			Subject:  v.DeclRange.Ptr(),
		})
		e.vars[v.Name] = cty.UnknownVal(ty)
		return
	default:
		// validate: the value is not needed, and rules stay silent on
		// whatever depends on it.
		val = cty.UnknownVal(ty)
		if v.Sensitive {
			val = val.Mark(funcs.SensitiveMark)
		}
		e.vars[v.Name] = val
		e.model.Variables[v.Name] = cty.UnknownVal(ty)
		return
	}
	if tyDefaults != nil && val.IsKnown() && !val.IsNull() {
		val = tyDefaults.Apply(val)
	}
	conv, err := convert.Convert(val, ty)
	if err != nil {
		what := "The given value"
		if given {
			what = fmt.Sprintf("The value from %s", rv.source)
		} else if v.Default != nil {
			what = "The default value"
		}
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for input variable",
			Detail:   fmt.Sprintf("%s is not suitable for var.%s declared at %s: %s.", what, v.Name, v.DeclRange, err),
			Subject:  subject.Ptr(),
		})
		e.vars[v.Name] = cty.UnknownVal(ty)
		return
	}
	if conv.IsNull() && !v.Nullable {
		if v.Default != nil && given {
			conv, _ = v.Default.Expr.Value(nil)
			conv, _ = convert.Convert(conv, ty)
		} else {
			e.diags = append(e.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Required variable not set",
				Detail:   fmt.Sprintf("Unsuitable value for var.%s: the variable is declared with nullable = false, so it must not be null. Give it a value.", v.Name),
				Subject:  subject.Ptr(),
			})
		}
	}
	e.validateVariable(v, conv, subject)
	e.model.Variables[v.Name] = conv
	if v.Sensitive {
		conv = conv.Mark(funcs.SensitiveMark)
	}
	e.vars[v.Name] = conv
}

// validateVariable runs the validation blocks. A condition that is unknown
// passes; a false one is an error on the value's source.
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
	if v, ok := ctx.Variables["var"]; ok && v.Type().IsObjectType() {
		for k, x := range ctx.Variables["var"].AsValueMap() {
			child[k] = x
		}
	}
	child[v.Name] = val
	ctx.Variables["var"] = cty.ObjectVal(child)
	for _, vr := range v.Validations {
		res, diags := vr.Condition.Value(ctx)
		e.diags = append(e.diags, diags...)
		if diags.HasErrors() {
			continue
		}
		res, _ = res.UnmarkDeep()
		if !res.IsKnown() {
			continue
		}
		if res.IsNull() || res.Type() != cty.Bool {
			e.diags = append(e.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid variable validation result",
				Detail:   "The validation condition must return true or false.",
				Subject:  vr.Condition.Range().Ptr(),
			})
			continue
		}
		if res.True() {
			continue
		}
		msg := "The value does not pass the validation rule."
		if mv, mdiags := vr.ErrorMessage.Value(ctx); !mdiags.HasErrors() {
			mv, _ = mv.UnmarkDeep()
			if mv.IsKnown() && !mv.IsNull() && mv.Type() == cty.String {
				msg = mv.AsString()
			}
		}
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for variable",
			Detail:   fmt.Sprintf("%s\n\nThis was checked by the validation rule at %s.", msg, vr.Condition.Range()),
			Subject:  subject.Ptr(),
		})
	}
}
