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
// the number of for expressions e is in.
func prepare(e hclsyntax.Expression, fors int) {
	switch x := e.(type) {
	case nil, *Expr:
		return // an Expr was prepared before, and its wrapped node too
	case *hclsyntax.ForExpr:
		if _, done := x.ValExpr.(*Expr); done {
			return
		}
	case *hclsyntax.TemplateJoinExpr:
		if _, done := x.Tuple.(*Expr); done {
			return
		}
	}
	children(e, func(c hclsyntax.Expression, inFor bool) bool {
		if inFor {
			prepare(c, fors+1)
		} else {
			prepare(c, fors)
		}
		return true
	})
	switch x := e.(type) {
	case *hclsyntax.ForExpr:
		x.CollExpr = wrap(x.CollExpr, collection, x.SrcRange)
		x.ValExpr = wrap(x.ValExpr, elementKind(x.ValExpr), x.SrcRange)
	case *hclsyntax.TemplateExpr:
		interpolated := 0
		for _, part := range x.Parts {
			if _, lit := part.(*hclsyntax.LiteralValueExpr); !lit {
				interpolated++
			}
		}
		if len(x.Parts) < 2 || (fors == 0 && interpolated <= maxPlainParts) {
			return
		}
		for i, part := range x.Parts {
			switch part.(type) {
			case *hclsyntax.LiteralValueExpr, *Expr:
				continue
			}
			x.Parts[i] = wrap(part, partKind, x.SrcRange)
		}
	case *hclsyntax.TemplateJoinExpr:
		x.Tuple = wrap(x.Tuple, join, x.Range())
	}
}

// children calls f with each expression e holds directly, in source order,
// until f returns false, and reports whether f never did. inFor is set for
// a for expression's key, value and condition, which are evaluated once per
// element, and for the children of a node type this package does not know
// (taken as if they were). It descends through hclsyntax's node types
// without allocating, and through any other with hclsyntax.Walk; prepare
// and counts share it, so that both know the same node types.
func children(e hclsyntax.Expression, f func(c hclsyntax.Expression, inFor bool) bool) bool {
	each := func(inFor bool, cs ...hclsyntax.Expression) bool {
		for _, c := range cs {
			if c != nil && !f(c, inFor) {
				return false
			}
		}
		return true
	}
	switch x := e.(type) {
	case nil, *hclsyntax.ScopeTraversalExpr, *hclsyntax.LiteralValueExpr, *hclsyntax.AnonSymbolExpr:
		return true
	case *Expr:
		return each(false, x.Expression)
	case *hclsyntax.ForExpr:
		return each(false, x.CollExpr) && each(true, x.KeyExpr, x.ValExpr, x.CondExpr)
	case *hclsyntax.TemplateExpr:
		return each(false, x.Parts...)
	case *hclsyntax.TemplateWrapExpr:
		return each(false, x.Wrapped)
	case *hclsyntax.TemplateJoinExpr:
		return each(false, x.Tuple)
	case *hclsyntax.FunctionCallExpr:
		return each(false, x.Args...)
	case *hclsyntax.TupleConsExpr:
		return each(false, x.Exprs...)
	case *hclsyntax.ObjectConsExpr:
		for _, it := range x.Items {
			if !each(false, it.KeyExpr, it.ValueExpr) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsKeyExpr:
		return each(false, x.Wrapped)
	case *hclsyntax.ConditionalExpr:
		return each(false, x.Condition, x.TrueResult, x.FalseResult)
	case *hclsyntax.BinaryOpExpr:
		return each(false, x.LHS, x.RHS)
	case *hclsyntax.UnaryOpExpr:
		return each(false, x.Val)
	case *hclsyntax.ParenthesesExpr:
		return each(false, x.Expression)
	case *hclsyntax.IndexExpr:
		return each(false, x.Collection, x.Key)
	case *hclsyntax.RelativeTraversalExpr:
		return each(false, x.Source)
	case *hclsyntax.SplatExpr:
		return each(false, x.Source, x.Each)
	default:
		w := &childWalker{}
		hclsyntax.Walk(e, w)
		return each(true, w.children...)
	}
}

// A childWalker collects the expressions directly under the node a walk
// starts at.
type childWalker struct {
	depth    int
	children []hclsyntax.Expression
}

func (c *childWalker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	c.depth++
	if x, ok := n.(hclsyntax.Expression); ok && c.depth == 2 {
		c.children = append(c.children, x)
	}
	return nil
}

func (c *childWalker) Exit(hclsyntax.Node) hcl.Diagnostics {
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
