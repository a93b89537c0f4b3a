package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// RequiredProvider is one entry of terraform { required_providers }: the
// local name a module uses for a provider and where it comes from.
type RequiredProvider struct {
	Name string
	// Source is the source address as written ("hashicorp/aws"), or ""
	// when the entry gives none (a bare version constraint, or an object
	// without source).
	Source    string
	DeclRange hcl.Range
}

// builtinTerraformSource is the source address of Terraform's built-in
// provider, whose functions vpcplan offers.
const builtinTerraformSource = "terraform.io/builtin/terraform"

// IsBuiltinTerraform reports whether the entry requires Terraform's
// built-in provider (terraform.io/builtin/terraform; the host name and
// the rest compare without regard to case, as Terraform normalizes them).
func (rp *RequiredProvider) IsBuiltinTerraform() bool {
	return strings.EqualFold(rp.Source, builtinTerraformSource)
}

// requiredProviders reads the required_providers of the primary files
// (at most one block, as in Terraform) and lets each entry of the override
// files' blocks replace the entry of the same name.
func requiredProviders(primaries, overrides []*sourceFile) (map[string]*RequiredProvider, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	out := map[string]*RequiredProvider{}
	var first *hclsyntax.Block
	for _, f := range primaries {
		for _, rp := range requiredProvidersBlocks(f.body) {
			if first != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Duplicate required providers configuration",
					Detail:   fmt.Sprintf("A module may have only one required providers configuration. The required providers were previously configured at %s.", first.DefRange()),
					Subject:  rp.DefRange().Ptr(),
				})
				continue
			}
			first = rp
			diags = append(diags, addRequiredProviders(out, rp)...)
		}
	}
	for _, f := range overrides {
		for _, rp := range requiredProvidersBlocks(f.body) {
			diags = append(diags, addRequiredProviders(out, rp)...)
		}
	}
	return out, diags
}

// requiredProvidersBlocks returns the required_providers blocks of a file's
// terraform blocks.
func requiredProvidersBlocks(body *hclsyntax.Body) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, b := range body.Blocks {
		if b.Type != "terraform" {
			continue
		}
		for _, inner := range b.Body.Blocks {
			if inner.Type == "required_providers" {
				out = append(out, inner)
			}
		}
	}
	return out
}

// addRequiredProviders adds (or replaces) the entries of one block. An
// entry is an object with source, version and configuration_aliases, or,
// from before Terraform 0.13, a version constraint string.
func addRequiredProviders(out map[string]*RequiredProvider, b *hclsyntax.Block) hcl.Diagnostics {
	var diags hcl.Diagnostics
	names := make([]string, 0, len(b.Body.Attributes))
	for n := range b.Body.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		a := b.Body.Attributes[name]
		rp := &RequiredProvider{Name: name, DeclRange: a.SrcRange}
		if pairs, moreDiags := hcl.ExprMap(a.Expr); !moreDiags.HasErrors() {
			for _, p := range pairs {
				if hcl.ExprAsKeyword(p.Key) != "source" && !isStaticString(p.Key, "source") {
					continue
				}
				v, moreDiags := p.Value.Value(nil)
				if moreDiags.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
					diags = append(diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Invalid source",
						Detail:   "Source must be specified as a string.",
						Subject:  p.Value.Range().Ptr(),
					})
					continue
				}
				rp.Source = v.AsString()
			}
		}
		out[name] = rp
	}
	return diags
}

// isStaticString reports whether expr is the string s without
// interpolation (an object key written "source").
func isStaticString(expr hcl.Expression, s string) bool {
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().Equals(cty.String) && v.AsString() == s
}

// terraformProviderNames returns the local names under which the
// configuration requires Terraform's built-in provider, sorted.
func (cfg *Config) terraformProviderNames() []string {
	var names []string
	for name, rp := range cfg.RequiredProviders {
		if rp.IsBuiltinTerraform() {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
