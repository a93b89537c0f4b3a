package config

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
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

// conditionSchema is a lifecycle precondition or postcondition block.
var conditionSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "condition", Required: true}, {Name: "error_message", Required: true}},
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
			cfg.Modules = append(cfg.Modules, &Module{Name: block.Labels[0], DeclRange: block.DefRange})
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Module not checked",
				Detail:   fmt.Sprintf("vpcplan does not evaluate modules: the resources inside module %q are not checked, and references to its outputs are unknown.", block.Labels[0]),
				Subject:  block.DefRange.Ptr(),
			})
		default:
			// moved, import, removed and check blocks concern Terraform's
			// own bookkeeping; they do not change what is planned here.
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
	if !hclsyntax.ValidIdentifier(name) {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid " + kind + " name",
			Detail:   "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
			Subject:  block.LabelRanges[1].Ptr(),
		})
	}
	addr := schema.Addr{Mode: mode, Type: schema.TypeName(typeName), Name: name}
	if prev := cfg.byAddr[addr]; prev != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate " + kind + " configuration",
			Detail:   fmt.Sprintf("A %s named %s was already declared at %s. Each %s name must be unique per type; rename one of them.", kind, addr, prev.DeclRange, kind),
			Subject:  block.LabelRanges[1].Ptr(),
		})
	}
	sch := l.catalog.Lookup(mode, schema.TypeName(typeName))
	if sch == nil && !isTF(filename) {
		detail := fmt.Sprintf("vpcplan does not know the %s type %q.", kind, typeName)
		if !strings.HasPrefix(typeName, "aws_") {
			detail += " Only the aws provider's types are checked; move other providers' resources to .tf files, where unknown types are skipped."
		} else if s := nameSuggestion(typeName, l.catalog.ManagedTypeNames()); s != "" && mode == schema.ManagedMode {
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
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  `Invalid combination of "count" and "for_each"`,
			Detail:   `The "count" and "for_each" meta-arguments are mutually-exclusive; only one may be used to be explicit about the number of instances. Remove one of them.`,
			Subject:  r.ForEach.NameRange.Ptr(),
		})
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
		_, moreDiags := cb.Body.Content(conditionSchema)
		diags = append(diags, moreDiags...)
	}
	return lc, diags
}

type validationShell struct {
	Condition    hcl.Expression `hcl:"condition"`
	ErrorMessage hcl.Expression `hcl:"error_message"`
	DefRange     hcl.Range      `hcl:",def_range"`
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"}, {Name: "default"}, {Name: "description"}, {Name: "sensitive"}, {Name: "nullable"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

func decodeVariable(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	name := block.Labels[0]
	content, diags := block.Body.Content(variableSchema)
	if !hclsyntax.ValidIdentifier(name) {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid variable name",
			Detail:   "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
			Subject:  block.LabelRanges[0].Ptr(),
		})
	}
	if prev := cfg.byVariable[name]; prev != nil {
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate variable declaration",
			Detail:   fmt.Sprintf("A variable named %q was already declared at %s. Variable names must be unique.", name, prev.DeclRange),
			Subject:  block.LabelRanges[0].Ptr(),
		})
	}
	v := &Variable{Name: name, Nullable: true, DeclRange: block.DefRange}
	if a := content.Attributes["type"]; a != nil {
		v.Type = a.Expr
	}
	v.Default = content.Attributes["default"]
	decodeStatic := func(attrName string, target any) {
		if a := content.Attributes[attrName]; a != nil {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, target)...)
		}
	}
	decodeStatic("description", &v.Description)
	decodeStatic("sensitive", &v.Sensitive)
	decodeStatic("nullable", &v.Nullable)
	for _, vb := range content.Blocks {
		var vs validationShell
		moreDiags := gohcl.DecodeBody(vb.Body, nil, &vs)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		v.Validations = append(v.Validations, &VariableValidation{Condition: vs.Condition, ErrorMessage: vs.ErrorMessage, DeclRange: vb.DefRange})
	}
	cfg.Variables = append(cfg.Variables, v)
	cfg.byVariable[name] = v
	return diags
}

func decodeLocals(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	attrs, diags := block.Body.JustAttributes()
	for _, name := range sortedAttrNames(attrs) {
		a := attrs[name]
		if prev := cfg.byLocal[name]; prev != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate local value definition",
				Detail:   fmt.Sprintf("A local value named %q was already defined at %s. Local value names must be unique.", name, prev.DeclRange),
				Subject:  a.NameRange.Ptr(),
			})
			continue
		}
		lv := &Local{Name: name, Expr: a.Expr, DeclRange: a.NameRange}
		cfg.Locals = append(cfg.Locals, lv)
		cfg.byLocal[name] = lv
	}
	return diags
}

var outputSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "value", Required: true}, {Name: "description"}, {Name: "sensitive"}, {Name: "depends_on"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "precondition"}},
}

func decodeOutput(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	name := block.Labels[0]
	content, diags := block.Body.Content(outputSchema)
	for _, o := range cfg.Outputs {
		if o.Name == name {
			return append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate output definition",
				Detail:   fmt.Sprintf("An output named %q was already defined at %s. Output names must be unique.", name, o.DeclRange),
				Subject:  block.LabelRanges[0].Ptr(),
			})
		}
	}
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
		if isTF(filename) {
			return nil
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unsupported provider",
			Detail:   fmt.Sprintf("vpcplan checks only the aws provider, not %q. Move other providers' configuration to .tf files, where it is skipped.", name),
			Subject:  block.LabelRanges[0].Ptr(),
		}}
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
	if prev := cfg.byProvider[p.Alias]; prev != nil {
		what := "default configuration"
		if p.Alias != "" {
			what = fmt.Sprintf("configuration with alias %q", p.Alias)
		}
		return append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate provider configuration",
			Detail:   fmt.Sprintf("The aws provider's %s was already declared at %s. Give each additional configuration a unique alias.", what, prev.DeclRange),
			Subject:  block.DefRange.Ptr(),
		})
	}
	cfg.Providers = append(cfg.Providers, p)
	cfg.byProvider[p.Alias] = p
	return diags
}

func decodeTerraform(cfg *Config, block *hcl.Block) hcl.Diagnostics {
	content, _, diags := block.Body.PartialContent(&hcl.BodySchema{
		Blocks: []hcl.BlockHeaderSchema{{Type: "backend", LabelNames: []string{"type"}}},
	})
	for _, b := range content.Blocks {
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
