// Package exprbound bounds the work one expression does when it is
// evaluated: the elements its for expressions produce and the bytes its
// templates build. hcl evaluates a for expression or a template in one
// call, so a bound on function results and on the values of locals cannot
// see what happens inside: 40 nested for expressions that each double a
// string, or a template for directive over a large list, build gigabytes
// before any value is returned.
//
// Prepare puts counting nodes into a syntax tree, once, after parsing: in
// every for expression around its collection and its value, in every
// template that interpolates around each interpolated part, and around the
// tuple of every template for directive. Scope gives an evaluation
// context a fresh Budget; the counting nodes charge the nearest budget
// of the context they are evaluated in, and past it report one error
// naming the bound and its flag, and stop the work: later for expressions
// iterate nothing and later parts are unknown. Expressions evaluated in
// a context without a budget are not counted.
//
// A counting node is an *Expr. It stands where the node it wraps stood,
// with the same range; a walk of the tree (hclsyntax.Walk, Variables)
// visits the wrapped node as the Expr's only child.
package exprbound

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Prepare puts counting nodes into body and every body and expression it
// holds. It changes the tree in place and is idempotent: a tree prepared
// before is left as it is. A prepared tree must not be prepared by two
// goroutines at once; prepare it before sharing it.
func Prepare(body *hclsyntax.Body) {
	if body == nil {
		return
	}
	hclsyntax.VisitAll(body, visit)
}

// PrepareExpr is Prepare for an expression parsed on its own (a template
// of templatefile).
func PrepareExpr(expr hclsyntax.Expression) {
	if expr == nil {
		return
	}
	hclsyntax.VisitAll(expr, visit)
}

func visit(n hclsyntax.Node) hcl.Diagnostics {
	switch n := n.(type) {
	case *hclsyntax.ForExpr:
		if _, done := n.ValExpr.(*Expr); !done {
			n.CollExpr = wrap(n.CollExpr, collection, n.SrcRange)
			n.ValExpr = wrap(n.ValExpr, elementKind(n.ValExpr), n.SrcRange)
		}
	case *hclsyntax.TemplateExpr:
		if len(n.Parts) < 2 {
			return nil // one part: no string is built
		}
		for i, p := range n.Parts {
			switch p.(type) {
			case *hclsyntax.LiteralValueExpr, *Expr:
				continue
			}
			n.Parts[i] = wrap(p, part, n.SrcRange)
		}
	case *hclsyntax.TemplateJoinExpr:
		if _, done := n.Tuple.(*Expr); !done {
			n.Tuple = wrap(n.Tuple, join, n.Range())
		}
	}
	return nil
}

// elementKind is how a for expression's value counts: a value the
// expression refers to (a variable, an attribute, an element of either),
// a for expression's result, whose elements that for expression counted,
// or a template's, whose parts the template counted, as one element; any
// other value the expression builds (a function's result, a tuple or an
// object) as all its elements and string bytes.
func elementKind(e hclsyntax.Expression) kind {
	switch e.(type) {
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr,
		*hclsyntax.LiteralValueExpr, *hclsyntax.ForExpr,
		*hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr, *hclsyntax.TemplateJoinExpr:
		return slot
	}
	return element
}
