package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "terraform"},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "moved"},
		{Type: "import"},
		{Type: "removed"},
		{Type: "check", LabelNames: []string{"name"}},
	},
}

// resourceMetaSchema is the first phase of decoding a resource or data
// block: the meta-arguments, with everything else left for the type's
// schema. (Decoding it with gohcl's reflection costs more than the rest of
// a small block's evaluation, so the schema is written out.)
var resourceMetaSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "lifecycle"}, {Type: "provisioner", LabelNames: []string{"type"}}, {Type: "connection"}},
}

// lifecycleSchema is Terraform's lifecycle block. replace_triggered_by,
// precondition and postcondition are accepted (and the conditions checked
// for shape) but not evaluated: vpcplan neither replaces on triggers nor
// checks conditions. Anything else is an error with a suggestion, as an
// unknown argument of a resource is.
var lifecycleSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "create_before_destroy"}, {Name: "prevent_destroy"}, {Name: "ignore_changes"}, {Name: "replace_triggered_by"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "precondition"}, {Type: "postcondition"}},
}

// checkRuleSchema is a block with a condition and its error message: a
// variable's validation, a precondition, a postcondition, an assert.
var checkRuleSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "condition", Required: true}, {Name: "error_message", Required: true}},
}

// decodeCheckRule decodes a block of checkRuleSchema. A condition that
// refers to nothing is an error, as in Terraform: it would always give the
// same result.
func decodeCheckRule(block *hcl.Block) (*CheckRule, hcl.Diagnostics) {
	cr := &CheckRule{DeclRange: block.DefRange}
	content, diags := block.Body.Content(checkRuleSchema)
	if a := content.Attributes["condition"]; a != nil {
		cr.Condition = a.Expr
		if len(a.Expr.Variables()) == 0 {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Invalid %s expression", block.Type),
				Detail:   "The condition expression must refer to at least one object from elsewhere in the configuration, or else its result would not be checking anything.",
				Subject:  a.Expr.Range().Ptr(),
			})
		}
	}
	if a := content.Attributes["error_message"]; a != nil {
		cr.ErrorMessage = a.Expr
	}
	return cr, diags
}

// isTF reports whether a file is Terraform's (.tf or .tf.json) rather than
// vpcplan's own (.hcl, .hcl.json).
func isTF(filename string) bool {
	return strings.HasSuffix(filename, ".tf") || strings.HasSuffix(filename, ".tf.json")
}

func (l *Loader) decodeFile(cfg *Config, filename string, f *hcl.File) hcl.Diagnostics {
	content, diags := f.Body.Content(fileSchema)
	for _, block := range content.Blocks {
		switch block.Type {
		case "resource":
			diags = append(diags, l.decodeResource(cfg, schema.ManagedMode, block, filename)...)
		case "data":
			diags = append(diags, l.decodeResource(cfg, schema.DataMode, block, filename)...)
		case "variable":
			diags = append(diags, decodeVariable(cfg, block)...)
		case "locals":
			diags = append(diags, decodeLocals(cfg, block)...)
		case "output":
			diags = append(diags, decodeOutput(cfg, block)...)
		case "provider":
			diags = append(diags, decodeProvider(cfg, block, filename)...)
		case "terraform":
			diags = append(diags, decodeTerraform(cfg, block)...)
		case "module":
			diags = append(diags, decodeModule(cfg, block)...)
		case "check":
			diags = append(diags, l.decodeCheck(cfg, block, filename)...)
		case "moved":
			diags = append(diags, decodeMoved(cfg, block)...)
		default:
			// import and removed blocks concern Terraform's own
			// bookkeeping; they do not change what is planned here.
		}
	}
	return diags
}

func (l *Loader) decodeResource(cfg *Config, mode schema.Mode, block *hcl.Block, filename string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	typeName, name := block.Labels[0], block.Labels[1]
	kind := "resource"
	if mode == schema.DataMode {
		kind = "data source"
	}
	if moreDiags := checkIdentifier("Invalid "+kind+" name", name, block.LabelRanges[1]); moreDiags != nil {
		return append(diags, moreDiags...)
	}
	addr := schema.Addr{Mode: mode, Type: schema.TypeName(typeName), Name: name}
	if prev := cfg.byAddr[addr]; prev != nil {
		// Terraform's words: `Duplicate data "TYPE" configuration`, "A TYPE
		// data resource named ...".
		mode, what := "resource", "resource"
		if addr.Mode == schema.DataMode {
			mode, what = "data", "data resource"
		}
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Duplicate %s %q configuration", mode, typeName),
			Detail:   fmt.Sprintf("A %s %s named %q was already declared at %s. Resource names must be unique per type in each module.", typeName, what, name, prev.DeclRange),
			Subject:  block.DefRange.Ptr(),
		})
	}
	sch := l.catalog.Lookup(mode, schema.TypeName(typeName))
	if sch == nil && !isTF(filename) {
		detail := fmt.Sprintf("vpcplan does not know the %s type %q.", kind, typeName)
		if !strings.HasPrefix(typeName, "aws_") {
			detail += " Only the aws provider's types are checked; move other providers' resources to .tf files, where unknown types are skipped."
		} else if s := suggest.Closest(typeName, l.catalog.ManagedTypeNames()); s != "" && mode == schema.ManagedMode {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		} else {
			detail += " See the resource catalog for the supported types; in a .tf file, unknown types are skipped."
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unsupported " + kind + " type",
			Detail:   detail,
			Subject:  block.LabelRanges[0].Ptr(),
		})
	}

	meta, remain, moreDiags := block.Body.PartialContent(resourceMetaSchema)
	diags = append(diags, moreDiags...)
	r := &Resource{
		Addr:      addr,
		Schema:    sch,
		Count:     meta.Attributes["count"],
		ForEach:   meta.Attributes["for_each"],
		Body:      remain,
		DeclRange: block.DefRange,
		TypeRange: block.LabelRanges[0],
		NameRange: block.LabelRanges[1],
		File:      filename,
	}
	r.Syntax, _ = block.Body.(*hclsyntax.Body)
	if r.Body == nil {
		r.Body = hcl.EmptyBody()
	}
	if r.Count != nil && r.ForEach != nil {
		diags = append(diags, countAndForEach(r.ForEach))
		r.ForEach = nil
	}
	if a := meta.Attributes["provider"]; a != nil {
		ref, moreDiags := decodeProviderRef(a)
		diags = append(diags, moreDiags...)
		r.Provider = ref
	}
	if a := meta.Attributes["depends_on"]; a != nil {
		travs, moreDiags := decodeDependsOn(a)
		diags = append(diags, moreDiags...)
		r.DependsOn = travs
	}
	seenLifecycle := false
	for _, b := range meta.Blocks {
		if b.Type == "provisioner" {
			diags = append(diags, decodeProvisioner(b)...)
			continue
		}
		if b.Type != "lifecycle" {
			continue
		}
		lc, moreDiags := decodeLifecycle(b)
		diags = append(diags, moreDiags...)
		if seenLifecycle {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate lifecycle block",
				Detail:   "A resource may have only one lifecycle block; merge them.",
				Subject:  b.DefRange.Ptr(),
			})
			continue
		}
		seenLifecycle = true
		r.Lifecycle = lc
	}
	cfg.Resources = append(cfg.Resources, r)
	cfg.byAddr[addr] = r
	return diags
}

// decodeLifecycle decodes a lifecycle block; see lifecycleSchema.
func decodeLifecycle(b *hcl.Block) (Lifecycle, hcl.Diagnostics) {
	lc := Lifecycle{Range: b.DefRange}
	content, diags := b.Body.Content(lifecycleSchema)
	if a := content.Attributes["create_before_destroy"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &lc.CreateBeforeDestroy)...)
	}
	if a := content.Attributes["prevent_destroy"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &lc.PreventDestroy)...)
	}
	if a := content.Attributes["ignore_changes"]; a != nil {
		travs, all, moreDiags := decodeIgnoreChanges(a)
		diags = append(diags, moreDiags...)
		lc.IgnoreChanges, lc.IgnoreAllChanges = travs, all
	}
	for _, cb := range content.Blocks {
		_, moreDiags := decodeCheckRule(cb)
		diags = append(diags, moreDiags...)
	}
	return lc, diags
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"}, {Name: "default"}, {Name: "description"}, {Name: "sensitive"}, {Name: "nullable"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

// moduleSchema is the module block's own arguments and reserved blocks;
// every other argument is an input of the module. No variable may take
// one of their names.
var moduleSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "source", Required: true}, {Name: "version"}, {Name: "count"}, {Name: "for_each"}, {Name: "depends_on"}, {Name: "providers"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "_"}, {Type: "lifecycle"}, {Type: "locals"}, {Type: "provider", LabelNames: []string{"type"}},
	},
}

// checkIdentifier returns Terraform's error (with the given summary) for a
// block name that is not an identifier, or nil.
func checkIdentifier(summary, name string, rng hcl.Range) hcl.Diagnostics {
	if hclsyntax.ValidIdentifier(name) {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
		Subject:  rng.Ptr(),
	}}
}

func decodeVariable(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	name := block.Labels[0]
	content, diags := block.Body.Content(variableSchema)
	if moreDiags := checkIdentifier("Invalid variable name", name, block.LabelRanges[0]); moreDiags != nil {
		return append(diags, moreDiags...)
	}
	if isModuleArgument(name) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid variable name",
			Detail:   fmt.Sprintf("The variable name %q is reserved due to its special meaning inside module blocks.", name),
			Subject:  block.LabelRanges[0].Ptr(),
		})
	}
	v := &Variable{Name: name, ConstraintType: cty.DynamicPseudoType, Nullable: true, DeclRange: block.DefRange}
	decodeStatic := func(attrName string, target any) {
		if a := content.Attributes[attrName]; a != nil {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, target)...)
		}
	}
	decodeStatic("description", &v.Description)
	if a := content.Attributes["type"]; a != nil {
		v.Type = a.Expr
		var moreDiags hcl.Diagnostics
		v.ConstraintType, v.TypeDefaults, moreDiags = decodeVariableType(a.Expr)
		diags = append(diags, moreDiags...)
	}
	decodeStatic("sensitive", &v.Sensitive)
	decodeStatic("nullable", &v.Nullable)
	if a := content.Attributes["default"]; a != nil {
		v.Default = a
		diags = append(diags, checkVariableDefault(v)...)
	}
	for _, vb := range content.Blocks {
		vr, moreDiags := decodeCheckRule(vb)
		diags = append(diags, moreDiags...)
		if vr.Condition != nil && !refersToVariable(vr.Condition, name) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid variable validation condition",
				Detail:   fmt.Sprintf("The condition for variable %q must refer to var.%s in order to test incoming values.", name, name),
				Subject:  vr.Condition.Range().Ptr(),
			})
		}
		if !moreDiags.HasErrors() {
			v.Validations = append(v.Validations, vr)
		}
	}
	if prev := cfg.byVariable[name]; prev != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate variable declaration",
			Detail:   fmt.Sprintf("A variable named %q was already declared at %s. Variable names must be unique within a module.", name, prev.DeclRange),
			Subject:  block.DefRange.Ptr(),
		})
	}
	cfg.Variables = append(cfg.Variables, v)
	cfg.byVariable[name] = v
	return diags
}

// isModuleArgument reports whether name is an argument or block type of
// the module block itself.
func isModuleArgument(name string) bool {
	for _, a := range moduleSchema.Attributes {
		if a.Name == name {
			return true
		}
	}
	for _, b := range moduleSchema.Blocks {
		if b.Type == name {
			return true
		}
	}
	return false
}

// refersToVariable reports whether expr refers to var.name.
func refersToVariable(expr hcl.Expression, name string) bool {
	for _, t := range expr.Variables() {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok && a.Name == name {
			return true
		}
	}
	return false
}

// decodeVariableType decodes a variable's type constraint as Terraform
// does: the bare keywords list and map mean list(any) and map(any), and
// the quoted types of Terraform 0.11 are errors that say how to write them
// now. The type is cty.DynamicPseudoType after an error.
func decodeVariableType(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, hcl.Diagnostics) {
	if tmpl, ok := expr.(*hclsyntax.TemplateExpr); ok && tmpl.IsStringLiteral() {
		val, diags := expr.Value(nil)
		if diags.HasErrors() {
			return cty.DynamicPseudoType, nil, diags
		}
		const quoted = "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around %q"
		detail := ""
		switch str := val.AsString(); str {
		case "string":
			detail = fmt.Sprintf(quoted+".", str)
		case "list", "map":
			detail = fmt.Sprintf(quoted+" and write %s(string) instead to explicitly indicate that the %s elements are strings.", str, str, str)
		default:
			return cty.DynamicPseudoType, nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid legacy variable type hint",
				Detail:   "To provide a full type expression, remove the surrounding quotes and give the type expression directly.",
				Subject:  expr.Range().Ptr(),
			}}
		}
		return cty.DynamicPseudoType, nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid quoted type constraints",
			Detail:   detail,
			Subject:  expr.Range().Ptr(),
		}}
	}
	switch hcl.ExprAsKeyword(expr) {
	case "list":
		return cty.List(cty.DynamicPseudoType), nil, nil
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil, nil
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
	if diags.HasErrors() {
		return cty.DynamicPseudoType, nil, diags
	}
	return ty, defaults, diags
}

// checkVariableDefault reports a default value that the type constraint
// does not accept, and a null default of a variable that is not nullable.
func checkVariableDefault(v *Variable) hcl.Diagnostics {
	val, diags := v.Default.Expr.Value(nil)
	if diags.HasErrors() {
		return diags
	}
	if v.TypeDefaults != nil && !val.IsNull() {
		val = v.TypeDefaults.Apply(val)
	}
	val, err := convert.Convert(val, v.ConstraintType)
	if err != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid default value for variable",
			Detail:   fmt.Sprintf("This default value is not compatible with the variable's type constraint: %s.", formatError(err)),
			Subject:  v.Default.Expr.Range().Ptr(),
		})
	}
	if !v.Nullable && val.IsNull() {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid default value for variable",
			Detail:   "A null default value is not valid when nullable=false.",
			Subject:  v.Default.Expr.Range().Ptr(),
		})
	}
	return diags
}

// formatError is Terraform's tfdiags.FormatError: a cty path error is
// prefixed with its path.
func formatError(err error) string {
	var pe cty.PathError
	if !errors.As(err, &pe) || len(pe.Path) == 0 {
		return err.Error()
	}
	return fmt.Sprintf("%s: %s", formatCtyPath(pe.Path), pe.Error())
}

// formatCtyPath renders a path as Terraform's tfdiags.FormatCtyPath does.
func formatCtyPath(path cty.Path) string {
	var b strings.Builder
	for _, step := range path {
		switch ts := step.(type) {
		case cty.GetAttrStep:
			b.WriteString("." + ts.Name)
		case cty.IndexStep:
			key := ts.Key
			switch {
			case key.IsNull():
				b.WriteString("[null]")
			case !key.IsKnown():
				b.WriteString("[(not yet known)]")
			case key.Type() == cty.Number:
				b.WriteString("[" + key.AsBigFloat().Text('g', -1) + "]")
			case key.Type() == cty.String:
				b.WriteString("[" + strconv.Quote(key.AsString()) + "]")
			default:
				b.WriteString("[...]")
			}
		}
	}
	return b.String()
}

func decodeLocals(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	attrs, diags := block.Body.JustAttributes()
	for _, name := range sortedAttrNames(attrs) {
		a := attrs[name]
		if prev := cfg.byLocal[name]; prev != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate local value definition",
				Detail:   fmt.Sprintf("A local value named %q was already defined at %s. Local value names must be unique within a module.", name, prev.DeclRange),
				Subject:  a.Range.Ptr(),
			})
			continue
		}
		lv := &Local{Name: name, Expr: a.Expr, DeclRange: a.Range}
		cfg.Locals = append(cfg.Locals, lv)
		cfg.byLocal[name] = lv
	}
	return diags
}

var outputSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "value", Required: true}, {Name: "description"}, {Name: "sensitive"}, {Name: "depends_on"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "precondition"}, {Type: "postcondition"}},
}

func decodeOutput(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	name := block.Labels[0]
	content, diags := block.Body.Content(outputSchema)
	diags = append(diags, checkIdentifier("Invalid output name", name, block.LabelRanges[0])...)
	o := &Output{Name: name, DeclRange: block.DefRange}
	if a := content.Attributes["value"]; a != nil {
		o.Expr = a.Expr
	} else {
		o.Expr = hcl.StaticExpr(cty.NullVal(cty.DynamicPseudoType), block.DefRange)
	}
	if a := content.Attributes["description"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &o.Description)...)
	}
	if a := content.Attributes["sensitive"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &o.Sensitive)...)
	}
	if a := content.Attributes["depends_on"]; a != nil {
		travs, moreDiags := decodeDependsOn(a)
		diags = append(diags, moreDiags...)
		o.DependsOn = travs
	}
	for _, b := range content.Blocks {
		if b.Type == "postcondition" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Postconditions are not allowed",
				Detail:   "Output values can only have preconditions, not postconditions.",
				Subject:  b.TypeRange.Ptr(),
			})
			continue
		}
		cr, moreDiags := decodeCheckRule(b)
		diags = append(diags, moreDiags...)
		if cr.Condition != nil && cr.ErrorMessage != nil {
			o.Preconditions = append(o.Preconditions, cr)
		}
	}
	for _, prev := range cfg.Outputs {
		if prev.Name == name {
			return append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate output definition",
				Detail:   fmt.Sprintf("An output named %q was already defined at %s. Output names must be unique within a module.", name, prev.DeclRange),
				Subject:  block.DefRange.Ptr(),
			})
		}
	}
	cfg.Outputs = append(cfg.Outputs, o)
	return diags
}

var providerSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "alias"}, {Name: "region"}, {Name: "allowed_account_ids"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "assume_role"}},
}

func decodeProvider(cfg *Config, block *hcl.Block, filename string) hcl.Diagnostics {
	name := block.Labels[0]
	if name != "aws" {
		if !isTF(filename) {
			return hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Unsupported provider",
				Detail:   fmt.Sprintf("vpcplan checks only the aws provider, not %q. Move other providers' configuration to .tf files, where it is skipped.", name),
				Subject:  block.LabelRanges[0].Ptr(),
			}}
		}
		// Another provider's configuration is skipped, but it is still one
		// of the module's provider configurations.
		content, _, diags := block.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "alias"}}})
		var alias string
		if a := content.Attributes["alias"]; a != nil {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &alias)...)
		}
		return append(diags, declareProvider(cfg, providerKey{name, alias}, block.DefRange)...)
	}
	// Only the arguments vpcplan uses are read; the provider has many more
	// (profile, default_tags, endpoints, ...), which are accepted as they are.
	content, _, diags := block.Body.PartialContent(providerSchema)
	p := &Provider{Name: name, Body: block.Body, DeclRange: block.DefRange}
	if a := content.Attributes["alias"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &p.Alias)...)
	}
	if a := content.Attributes["region"]; a != nil {
		p.Region = a.Expr
	}
	if a := content.Attributes["allowed_account_ids"]; a != nil {
		p.AllowedAccountIDs = a.Expr
	}
	for _, ar := range content.Blocks {
		c, _, moreDiags := ar.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "role_arn"}}})
		diags = append(diags, moreDiags...)
		if a := c.Attributes["role_arn"]; a != nil {
			p.AssumeRoleARN = a.Expr
		}
	}
	if moreDiags := declareProvider(cfg, providerKey{name, p.Alias}, block.DefRange); moreDiags.HasErrors() {
		return append(diags, moreDiags...)
	}
	cfg.Providers = append(cfg.Providers, p)
	cfg.byProvider[p.Alias] = p
	return diags
}

// declareProvider records a provider configuration, reporting a second
// one with the same alias as Terraform does.
func declareProvider(cfg *Config, key providerKey, rng hcl.Range) hcl.Diagnostics {
	prev, ok := cfg.providerDecls[key]
	if !ok {
		cfg.providerDecls[key] = rng
		return nil
	}
	detail := fmt.Sprintf("A default (non-aliased) provider configuration for %q was already given at %s. If multiple configurations are required, set the \"alias\" argument for alternative configurations.", key.name, prev)
	if key.alias != "" {
		detail = fmt.Sprintf("A provider configuration for %q with alias %q was already given at %s. Each configuration for the same provider must have a distinct alias.", key.name, key.alias, prev)
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Duplicate provider configuration",
		Detail:   detail,
		Subject:  rng.Ptr(),
	}}
}

// terraformSchema is the terraform block's. required_providers is read by
// requiredProviders; experiments and language are accepted and ignored.
var terraformSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "required_version"}, {Name: "experiments"}, {Name: "language"}},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "backend", LabelNames: []string{"type"}},
		{Type: "cloud"},
		{Type: "required_providers"},
		{Type: "provider_meta", LabelNames: []string{"provider"}},
	},
}

func decodeTerraform(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	content, diags := block.Body.Content(terraformSchema)
	if a := content.Attributes["required_version"]; a != nil {
		vc, moreDiags := decodeVersionConstraint(a)
		diags = append(diags, moreDiags...)
		if vc.Required != nil {
			cfg.CoreVersionConstraints = append(cfg.CoreVersionConstraints, vc)
		}
	}
	for _, b := range content.Blocks {
		if b.Type != "backend" {
			continue
		}
		if cfg.Backend != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate backend configuration",
				Detail:   fmt.Sprintf("A backend was already configured at %s. A configuration has at most one backend.", cfg.Backend.DeclRange),
				Subject:  b.DefRange.Ptr(),
			})
			continue
		}
		cfg.Backend = &Backend{Type: b.Labels[0], Body: b.Body, DeclRange: b.DefRange}
	}
	return diags
}

func decodeModule(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	name := block.Labels[0]
	content, remain, diags := block.Body.PartialContent(moduleSchema)
	diags = append(diags, checkIdentifier("Invalid module instance name", name, block.LabelRanges[0])...)
	if prev := cfg.byModule[name]; prev != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate module call",
			Detail:   fmt.Sprintf("A module call named %q was already defined at %s. Module calls must have unique names within a module.", name, prev.DeclRange),
			Subject:  block.DefRange.Ptr(),
		})
	}
	m := &Module{Name: name, DeclRange: block.DefRange, NameRange: block.LabelRanges[0], BodyRange: block.Body.MissingItemRange(), Args: map[string]*hcl.Attribute{}}
	if a := content.Attributes["source"]; a != nil {
		m.SourceRange = a.Expr.Range()
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &m.Source)...)
	}
	if a := content.Attributes["version"]; a != nil {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &m.Version)...)
	}
	m.Count = content.Attributes["count"]
	m.ForEach = content.Attributes["for_each"]
	if m.Count != nil && m.ForEach != nil {
		diags = append(diags, countAndForEach(m.ForEach))
		m.ForEach = nil
	}
	if a := content.Attributes["depends_on"]; a != nil {
		travs, moreDiags := decodeDependsOn(a)
		diags = append(diags, moreDiags...)
		m.DependsOn = travs
	}
	if a := content.Attributes["providers"]; a != nil {
		passes, moreDiags := decodeProviderPasses(a)
		diags = append(diags, moreDiags...)
		m.Providers = passes
	}
	for _, b := range content.Blocks {
		if b.Type == "_" {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unsupported block type",
			Detail:   fmt.Sprintf("Blocks of type %q are not expected here.", b.Type),
			Subject:  b.TypeRange.Ptr(),
		})
	}
	attrs, moreDiags := remain.JustAttributes()
	diags = append(diags, moreDiags...)
	for n, a := range attrs {
		m.Args[n] = a
	}
	cfg.Modules = append(cfg.Modules, m)
	cfg.byModule[name] = m
	return diags
}

// decodeProviderPasses decodes a module call's providers map, whose keys
// and values are provider references: { aws = aws.west, aws.b = aws.b }.
func decodeProviderPasses(attr *hcl.Attribute) ([]ProviderPass, hcl.Diagnostics) {
	pairs, diags := hcl.ExprMap(attr.Expr)
	if diags.HasErrors() {
		return nil, diags
	}
	var out []ProviderPass
	for _, kv := range pairs {
		child, d1 := providerRefOf(kv.Key)
		parent, d2 := providerRefOf(kv.Value)
		diags = append(append(diags, d1...), d2...)
		if d1.HasErrors() || d2.HasErrors() {
			continue
		}
		out = append(out, ProviderPass{InChild: child, InParent: parent})
	}
	return out, diags
}

// providerRefOf reads a provider reference written as a traversal (aws,
// aws.west) in a providers map.
func providerRefOf(expr hcl.Expression) (ProviderRef, hcl.Diagnostics) {
	trav, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() {
		return ProviderRef{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid provider configuration reference",
			Detail:   "A provider configuration reference must not include a data value, like aws or aws.west.",
			Subject:  expr.Range().Ptr(),
		}}
	}
	ref := ProviderRef{Name: trav.RootName(), Range: expr.Range()}
	switch len(trav) {
	case 1:
	case 2:
		a, ok := trav[1].(hcl.TraverseAttr)
		if !ok {
			return ProviderRef{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid provider configuration reference", Detail: "Provider name must either stand alone or be followed by a period and then a configuration alias.", Subject: expr.Range().Ptr()}}
		}
		ref.Alias = a.Name
	default:
		return ProviderRef{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid provider configuration reference", Detail: "Extraneous extra operators after provider configuration reference.", Subject: trav[2].SourceRange().Ptr()}}
	}
	return ref, nil
}

var checkSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{{Type: "data", LabelNames: []string{"type", "name"}}, {Type: "assert"}},
}

// decodeCheck decodes a check block. Its data block, if any, is decoded
// as any other data block; vpcplan does not keep it from references
// outside the check block, as Terraform does.
func (l *Loader) decodeCheck(cfg *Config, block *hcl.Block, filename string) hcl.Diagnostics {
	name := block.Labels[0]
	content, diags := block.Body.Content(checkSchema)
	diags = append(diags, checkIdentifier("Invalid check block name", name, block.LabelRanges[0])...)
	c := &Check{Name: name, DeclRange: block.DefRange}
	var data *hcl.Block
	for _, b := range content.Blocks {
		switch b.Type {
		case "data":
			if data != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Multiple data resource blocks",
					Detail:   fmt.Sprintf("This check block already has a data resource defined at %s.", data.DefRange.Ptr()),
					Subject:  b.DefRange.Ptr(),
				})
				continue
			}
			data = b
			diags = append(diags, l.decodeResource(cfg, schema.DataMode, b, filename)...)
		case "assert":
			cr, moreDiags := decodeCheckRule(b)
			diags = append(diags, moreDiags...)
			if !moreDiags.HasErrors() {
				c.Asserts = append(c.Asserts, cr)
			}
		}
	}
	if len(c.Asserts) == 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Zero assert blocks",
			Detail:   "Check blocks must have at least one assert block.",
			Subject:  block.DefRange.Ptr(),
		})
	}
	if prev := cfg.byCheck[name]; prev != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Duplicate check %q configuration", name),
			Detail:   fmt.Sprintf("A check block named %q was already declared at %s. Check blocks must be unique within each module.", name, prev.DeclRange),
			Subject:  block.DefRange.Ptr(),
		})
	}
	cfg.Checks = append(cfg.Checks, c)
	cfg.byCheck[name] = c
	return diags
}

var movedSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "from", Required: true}, {Name: "to", Required: true}},
}

// decodeMoved decodes a moved block, checking what Terraform checks of it
// statically: both ends resources or both modules, and not the same.
func decodeMoved(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	content, diags := block.Body.Content(movedSchema)
	if diags.HasErrors() {
		return diags
	}
	from, d1 := schema.ParseMoveEndpoint(content.Attributes["from"].Expr)
	to, d2 := schema.ParseMoveEndpoint(content.Attributes["to"].Expr)
	diags = append(append(diags, d1...), d2...)
	if diags.HasErrors() {
		return diags
	}
	bad := func(detail string) hcl.Diagnostics {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid \"moved\" addresses",
			Detail:   detail,
			Subject:  block.DefRange.Ptr(),
		})
	}
	switch {
	case (from.Resource == nil) != (to.Resource == nil):
		return bad(fmt.Sprintf("Cannot move %s to %s: a resource moves to a resource and a module to a module.", from, to))
	case from.String() == to.String():
		return bad(fmt.Sprintf("The from and to addresses are both %s: a move must change the address.", from))
	case from.Resource != nil && from.Resource.Type != to.Resource.Type:
		return bad(fmt.Sprintf("Cannot move %s to %s: a move cannot change the resource type.", from, to))
	}
	cfg.Moved = append(cfg.Moved, &Moved{From: from, To: to, DeclRange: block.DefRange})
	return diags
}

// countAndForEach is Terraform's error for a block that sets both count
// and for_each, on the for_each argument.
func countAndForEach(forEach *hcl.Attribute) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  `Invalid combination of "count" and "for_each"`,
		Detail:   `The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.`,
		Subject:  forEach.NameRange.Ptr(),
	}
}
