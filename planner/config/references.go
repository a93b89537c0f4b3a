package config

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// This file decodes the meta-arguments that take references rather than
// values (provider, depends_on, lifecycle's ignore_changes) as Terraform's
// configs package decodes them, with its messages. Terraform 0.11 and
// earlier wrote these references in quotes; Terraform 1.x still accepts
// the quoted forms, parsed as the references they hold, with a warning
// (see unquoteReference).

// Terraform's warnings about a quoted reference and a quoted keyword.
const (
	quotedReferenceDetail = "In this context, references are expected literally rather than in quotes. Terraform 0.11 and earlier required quotes, but quoted references are now deprecated and will be removed in a future version of Terraform. Remove the quotes surrounding this reference to silence this warning."
	quotedKeywordDetail   = "In this context, keywords are expected literally rather than in quotes. Terraform 0.11 and earlier required quotes, but quoted keywords are now deprecated and will be removed in a future version of Terraform. Remove the quotes surrounding this keyword to silence this warning."
)

// isQuotedString reports whether expr is a quoted string of the native
// syntax ("aws.west", "x${y}"); "${y}" alone is not one, and neither is
// anything of the JSON syntax, where strings are how references are
// written.
func isQuotedString(expr hcl.Expression) bool {
	_, ok := expr.(*hclsyntax.TemplateExpr)
	return ok
}

// unquoteReference returns, for a quoted string of the native syntax whose
// value is known without evaluation, the reference the string holds, with
// Terraform's warning (and hcl's errors when the string is not a valid
// reference); any other expression is returned as it is, without
// diagnostics. Positions inside the string assume it has no escape
// sequences, as Terraform's do.
func unquoteReference(expr hcl.Expression) (hcl.Expression, hcl.Diagnostics) {
	return unquote(expr, false)
}

// unquoteKeyword is unquoteReference for an argument that takes a keyword
// (a provisioner's when and on_failure), with Terraform's warning about
// quoted keywords; the caller checks the keyword.
func unquoteKeyword(expr hcl.Expression) (hcl.Expression, hcl.Diagnostics) {
	return unquote(expr, true)
}

func unquote(expr hcl.Expression, keyword bool) (hcl.Expression, hcl.Diagnostics) {
	if !isQuotedString(expr) {
		return expr, nil
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		// Not a literal string: the caller reports it as it is.
		return expr, nil
	}
	rng := expr.Range()
	start := rng.Start
	start.Column++ // past the opening quote
	start.Byte++
	trav, diags := hclsyntax.ParseTraversalAbs([]byte(v.AsString()), rng.Filename, start)
	warning := &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Quoted references are deprecated",
		Detail:   quotedReferenceDetail,
		Subject:  rng.Ptr(),
	}
	if keyword {
		warning.Summary, warning.Detail = "Quoted keywords are deprecated", quotedKeywordDetail
	}
	diags = append(diags, warning)
	return &hclsyntax.ScopeTraversalExpr{Traversal: trav, SrcRange: rng}, diags
}

// decodeProviderRef decodes the provider meta-argument: a provider local
// name, optionally followed by a period and an alias.
func decodeProviderRef(attr *hcl.Attribute) (*ProviderRef, hcl.Diagnostics) {
	expr, diags := unquoteReference(attr.Expr)
	trav, travDiags := hcl.AbsTraversalForExpr(expr)
	if !travDiags.HasErrors() {
		diags = append(diags, travDiags...)
	}
	if len(trav) < 1 || len(trav) > 2 {
		detail := fmt.Sprintf("The %s argument requires a provider type name, optionally followed by a period and then a configuration alias.", attr.Name)
		if isQuotedString(expr) {
			detail = "A provider configuration reference must not be given in quotes."
		}
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid provider configuration reference",
			Detail:   detail,
			Subject:  expr.Range().Ptr(),
		})
	}
	name := trav.RootName()
	diags = append(diags, checkProviderName(name, trav[0].SourceRange())...)
	if diags.HasErrors() {
		return nil, diags
	}
	ref := &ProviderRef{Name: name, Range: attr.Expr.Range()}
	if len(trav) == 2 {
		a, ok := trav[1].(hcl.TraverseAttr)
		if !ok {
			return nil, append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid provider configuration reference",
				Detail:   "Provider name must either stand alone or be followed by a period and then a configuration alias.",
				Subject:  trav[1].SourceRange().Ptr(),
			})
		}
		ref.Alias = a.Name
	}
	return ref, diags
}

// checkProviderName checks that a provider local name is written in its
// normalized form, as Terraform requires: letters (lowercase), digits and
// dashes, with no dash first or last and no two dashes in a row.
// (Terraform normalizes names with IDNA's rules; for the names an
// identifier can hold these are lowercasing and the rejection of
// underscores.)
func checkProviderName(name string, rng hcl.Range) hcl.Diagnostics {
	invalid := func(detail string) hcl.Diagnostics {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid provider local name",
			Detail:   detail,
			Subject:  rng.Ptr(),
		}}
	}
	switch {
	case strings.Contains(name, "--"):
		return invalid(fmt.Sprintf("%s is an invalid provider local name: cannot use multiple consecutive dashes", name))
	case strings.HasPrefix(name, "-") || strings.HasSuffix(name, "-") || strings.ContainsFunc(name, func(r rune) bool {
		return r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}):
		return invalid(fmt.Sprintf("%s is an invalid provider local name: must contain only letters, digits, and dashes, and may not use leading or trailing dashes", name))
	}
	if lower := strings.ToLower(name); lower != name {
		return invalid(fmt.Sprintf("Provider names must be normalized. Replace %q with %q to fix this error.", name, lower))
	}
	return nil
}

// decodeDependsOn decodes depends_on: a static list of references.
func decodeDependsOn(attr *hcl.Attribute) ([]hcl.Traversal, hcl.Diagnostics) {
	exprs, diags := hcl.ExprList(attr.Expr)
	var travs []hcl.Traversal
	for _, e := range exprs {
		e, moreDiags := unquoteReference(e)
		diags = append(diags, moreDiags...)
		trav, moreDiags := hcl.AbsTraversalForExpr(e)
		diags = append(diags, moreDiags...)
		if len(trav) > 0 {
			travs = append(travs, trav)
		}
	}
	return travs, diags
}

// decodeIgnoreChanges decodes lifecycle's ignore_changes: the keyword all,
// or a static list of attribute paths (kept as traversals whose root is
// the top-level attribute). ["*"], the legacy form of all, is an error in
// Terraform 1.x.
func decodeIgnoreChanges(attr *hcl.Attribute) (travs []hcl.Traversal, all bool, diags hcl.Diagnostics) {
	if hcl.ExprAsKeyword(attr.Expr) == "all" {
		return nil, true, nil
	}
	exprs, diags := hcl.ExprList(attr.Expr)
	var star hcl.Range
	for _, e := range exprs {
		if isStar(e) {
			all, star = true, e.Range()
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid ignore_changes wildcard",
				Detail:   `The ["*"] form of ignore_changes wildcard is was deprecated and is now invalid. Use "ignore_changes = all" to ignore changes to all attributes.`,
				Subject:  attr.Expr.Range().Ptr(),
			})
			continue
		}
		e, moreDiags := unquoteReference(e)
		diags = append(diags, moreDiags...)
		trav, moreDiags := hcl.AbsTraversalForExpr(e)
		diags = append(diags, moreDiags...)
		if len(trav) > 0 {
			travs = append(travs, trav)
		}
	}
	if all && len(travs) > 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid ignore_changes ruleset",
			Detail:   `Cannot mix wildcard string "*" with non-wildcard references.`,
			Subject:  star.Ptr(),
			Context:  attr.Expr.Range().Ptr(),
		})
	}
	return travs, all, diags
}

// isStar reports whether expr is the literal string "*".
func isStar(expr hcl.Expression) bool {
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() && v.AsString() == "*"
}

// provisionerSchema is the part of a provisioner block Terraform decodes
// itself; the rest belongs to the provisioner, which vpcplan does not run.
var provisionerSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "when"}, {Name: "on_failure"}},
}

// decodeProvisioner checks the keywords of a provisioner block: when
// (create or destroy) and on_failure (continue or fail).
func decodeProvisioner(b *hcl.Block) hcl.Diagnostics {
	content, _, diags := b.Body.PartialContent(provisionerSchema)
	if a := content.Attributes["when"]; a != nil {
		expr, moreDiags := unquoteKeyword(a.Expr)
		diags = append(diags, moreDiags...)
		if kw := hcl.ExprAsKeyword(expr); kw != "create" && kw != "destroy" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  `Invalid "when" keyword`,
				Detail:   `The "when" argument requires one of the following keywords: create or destroy.`,
				Subject:  expr.Range().Ptr(),
			})
		}
	}
	if a := content.Attributes["on_failure"]; a != nil {
		expr, moreDiags := unquoteKeyword(a.Expr)
		diags = append(diags, moreDiags...)
		if kw := hcl.ExprAsKeyword(expr); kw != "continue" && kw != "fail" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  `Invalid "on_failure" keyword`,
				Detail:   `The "on_failure" argument requires one of the following keywords: continue or fail.`,
				Subject:  a.Expr.Range().Ptr(),
			})
		}
	}
	return diags
}
