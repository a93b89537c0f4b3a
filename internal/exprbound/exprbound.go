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
// template inside a for expression (or with more than maxPlainParts
// interpolations) around each interpolated part, and around the tuple of
// every template for directive. Scope gives an evaluation context a fresh
// Budget; the counting nodes charge the nearest budget of the context they
// are evaluated in, and past it report one error naming the bound and its
// flag, and stop the work: later for expressions iterate nothing and later
// parts are unknown. Expressions evaluated in a context without a budget
// are not counted.
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
	for _, a := range body.Attributes {
		prepare(a.Expr, 0)
	}
	for _, b := range body.Blocks {
		Prepare(b.Body)
	}
}

// PrepareExpr is Prepare for an expression parsed on its own (a template
// of templatefile).
func PrepareExpr(expr hclsyntax.Expression) {
	prepare(expr, 0)
}

// maxPlainParts is the most interpolated parts a template outside every
// for expression has without counting them: such a template builds at most
// that many times the longest string a value holds, and repeats only as
// often as the source does. Inside a for expression, any template counts.
const maxPlainParts = 4

// prepare puts counting nodes into e and the expressions it holds; fors is
// the number of for expressions e is in. It descends through the node
// types of hclsyntax without allocating, and through any other with
// hclsyntax.Walk.
func prepare(e hclsyntax.Expression, fors int) {
	switch e := e.(type) {
	case nil, *hclsyntax.ScopeTraversalExpr, *hclsyntax.LiteralValueExpr, *hclsyntax.AnonSymbolExpr:
	case *Expr:
		// prepared before; its wrapped node is too
	case *hclsyntax.ForExpr:
		if _, done := e.ValExpr.(*Expr); done {
			return
		}
		prepare(e.CollExpr, fors)
		prepare(e.KeyExpr, fors+1)
		prepare(e.ValExpr, fors+1)
		prepare(e.CondExpr, fors+1)
		e.CollExpr = wrap(e.CollExpr, collection, e.SrcRange)
		e.ValExpr = wrap(e.ValExpr, elementKind(e.ValExpr), e.SrcRange)
	case *hclsyntax.TemplateExpr:
		interpolated := 0
		for _, part := range e.Parts {
			prepare(part, fors)
			if _, lit := part.(*hclsyntax.LiteralValueExpr); !lit {
				interpolated++
			}
		}
		if len(e.Parts) < 2 || (fors == 0 && interpolated <= maxPlainParts) {
			return
		}
		for i, part := range e.Parts {
			switch part.(type) {
			case *hclsyntax.LiteralValueExpr, *Expr:
				continue
			}
			e.Parts[i] = wrap(part, partKind, e.SrcRange)
		}
	case *hclsyntax.TemplateWrapExpr:
		prepare(e.Wrapped, fors)
	case *hclsyntax.TemplateJoinExpr:
		if _, done := e.Tuple.(*Expr); done {
			return
		}
		prepare(e.Tuple, fors)
		e.Tuple = wrap(e.Tuple, join, e.Range())
	case *hclsyntax.FunctionCallExpr:
		for _, a := range e.Args {
			prepare(a, fors)
		}
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			prepare(x, fors)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, it := range e.Items {
			prepare(it.KeyExpr, fors)
			prepare(it.ValueExpr, fors)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		prepare(e.Wrapped, fors)
	case *hclsyntax.ConditionalExpr:
		prepare(e.Condition, fors)
		prepare(e.TrueResult, fors)
		prepare(e.FalseResult, fors)
	case *hclsyntax.BinaryOpExpr:
		prepare(e.LHS, fors)
		prepare(e.RHS, fors)
	case *hclsyntax.UnaryOpExpr:
		prepare(e.Val, fors)
	case *hclsyntax.ParenthesesExpr:
		prepare(e.Expression, fors)
	case *hclsyntax.IndexExpr:
		prepare(e.Collection, fors)
		prepare(e.Key, fors)
	case *hclsyntax.RelativeTraversalExpr:
		prepare(e.Source, fors)
	case *hclsyntax.SplatExpr:
		prepare(e.Source, fors)
		prepare(e.Each, fors)
	default:
		// A node type this does not know: each of its children is
		// prepared as the root of what it holds, as if in a for
		// expression.
		hclsyntax.Walk(e, &childPreparer{fors: fors + 1})
	}
}

// A childPreparer prepares the children of the node a walk starts at.
type childPreparer struct {
	fors, depth int
}

func (c *childPreparer) Enter(n hclsyntax.Node) hcl.Diagnostics {
	c.depth++
	if x, ok := n.(hclsyntax.Expression); ok && c.depth == 2 {
		prepare(x, c.fors)
	}
	return nil
}

func (c *childPreparer) Exit(hclsyntax.Node) hcl.Diagnostics {
	c.depth--
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
