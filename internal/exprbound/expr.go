package exprbound

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// kind is what a counting node counts.
type kind uint8

const (
	// collection wraps a for expression's collection: it counts nothing,
	// and gives an unknown collection, over which the for expression does
	// not iterate, once the budget is spent.
	collection kind = iota
	// element wraps a for expression's value: each value it gives counts
	// as its elements and string bytes, nested ones included.
	element
	// slot wraps a for expression's value that is built elsewhere: each
	// value it gives counts as one element.
	slot
	// partKind wraps an interpolated part of a template: its string
	// counts.
	partKind
	// join wraps the tuple of a template for directive: the strings the
	// directive joins count.
	join
)

// Expr is a counting node: it evaluates the expression it wraps and
// charges the result to the budget of its evaluation context.
type Expr struct {
	// The embedded parentheses make the wrapped expression the node's
	// only child in walks, and give Variables and StartRange.
	*hclsyntax.ParenthesesExpr
	kind kind
	// site is the for expression or template whose work is counted: the
	// subject of the error.
	site hcl.Range
}

func wrap(e hclsyntax.Expression, k kind, site hcl.Range) *Expr {
	return &Expr{
		ParenthesesExpr: &hclsyntax.ParenthesesExpr{Expression: e, SrcRange: e.Range()},
		kind:            k,
		site:            site,
	}
}

// Wrapped returns the expression x counts.
func (x *Expr) Wrapped() hclsyntax.Expression { return x.Expression }

// Site returns the range of the for expression or template x counts for.
func (x *Expr) Site() hcl.Range { return x.site }

// Rewrap returns a counting node like x around e, counting for site: the
// same node for a copy of the tree.
func (x *Expr) Rewrap(e hclsyntax.Expression, site hcl.Range) *Expr {
	return wrap(e, x.kind, site)
}

// Value evaluates the wrapped expression and charges its result.
func (x *Expr) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	b := budgetOf(ctx)
	if b == nil {
		return x.Expression.Value(ctx)
	}
	if b.spent() {
		return cty.DynamicVal, nil
	}
	v, diags := x.Expression.Value(ctx)
	var d *hcl.Diagnostic
	switch x.kind {
	case element:
		d = b.chargeValue(v, x.site)
	case slot:
		d = b.charge(1, 0, x.site)
	case partKind:
		d = b.chargeString(v, x.site)
	case join:
		d = b.chargeStrings(v, x.site)
	}
	if d != nil {
		return cty.DynamicVal, append(diags, d)
	}
	return v, diags
}
