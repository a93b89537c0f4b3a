package blockparse

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/exprbound"
)

// A rebaser copies a part's syntax tree to where the same text now starts:
// every position moves by the same number of bytes and lines (columns do
// not change, since parts start at the beginning of a line). An edit of
// one block moves every block after it; moving their trees costs a
// fraction of parsing them again. The copy shares nothing that a position
// is kept in with the original, which may belong to an earlier parse still
// in use; values (cty.Value) and operations are shared, and a splat's
// symbol stays the one its expression refers to.
//
// A node type it does not know makes it fail, and the part is parsed
// again: a result is always what parsing the text where it is would give.
type rebaser struct {
	bytes, lines int
	failed       bool
	// symbols maps each splat symbol of the original to its copy.
	symbols map[*hclsyntax.AnonSymbolExpr]*hclsyntax.AnonSymbolExpr
}

// rebase returns body moved by bytes and lines, or nil when it holds a
// node the rebaser does not know.
func rebase(body *hclsyntax.Body, bytes, lines int) *hclsyntax.Body {
	r := &rebaser{bytes: bytes, lines: lines}
	out := r.body(body)
	if r.failed {
		return nil
	}
	return out
}

func (r *rebaser) pos(p hcl.Pos) hcl.Pos {
	return hcl.Pos{Line: p.Line + r.lines, Column: p.Column, Byte: p.Byte + r.bytes}
}

func (r *rebaser) rng(x hcl.Range) hcl.Range {
	return hcl.Range{Filename: x.Filename, Start: r.pos(x.Start), End: r.pos(x.End)}
}

func (r *rebaser) body(b *hclsyntax.Body) *hclsyntax.Body {
	if b == nil {
		return nil
	}
	out := &hclsyntax.Body{SrcRange: r.rng(b.SrcRange), EndRange: r.rng(b.EndRange)}
	if b.Attributes != nil {
		out.Attributes = make(hclsyntax.Attributes, len(b.Attributes))
		for name, a := range b.Attributes {
			out.Attributes[name] = &hclsyntax.Attribute{
				Name: a.Name, Expr: r.expr(a.Expr),
				SrcRange: r.rng(a.SrcRange), NameRange: r.rng(a.NameRange), EqualsRange: r.rng(a.EqualsRange),
			}
		}
	}
	if b.Blocks != nil {
		out.Blocks = make(hclsyntax.Blocks, len(b.Blocks))
		for i, blk := range b.Blocks {
			nb := &hclsyntax.Block{
				Type: blk.Type, Labels: blk.Labels, Body: r.body(blk.Body),
				TypeRange: r.rng(blk.TypeRange), OpenBraceRange: r.rng(blk.OpenBraceRange), CloseBraceRange: r.rng(blk.CloseBraceRange),
			}
			if blk.LabelRanges != nil {
				nb.LabelRanges = make([]hcl.Range, len(blk.LabelRanges))
				for j, lr := range blk.LabelRanges {
					nb.LabelRanges[j] = r.rng(lr)
				}
			}
			out.Blocks[i] = nb
		}
	}
	return out
}

func (r *rebaser) exprs(es []hclsyntax.Expression) []hclsyntax.Expression {
	if es == nil {
		return nil
	}
	out := make([]hclsyntax.Expression, len(es))
	for i, e := range es {
		out[i] = r.expr(e)
	}
	return out
}

func (r *rebaser) traversal(t hcl.Traversal) hcl.Traversal {
	if t == nil {
		return nil
	}
	out := make(hcl.Traversal, len(t))
	for i, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			out[i] = hcl.TraverseRoot{Name: s.Name, SrcRange: r.rng(s.SrcRange)}
		case hcl.TraverseAttr:
			out[i] = hcl.TraverseAttr{Name: s.Name, SrcRange: r.rng(s.SrcRange)}
		case hcl.TraverseIndex:
			out[i] = hcl.TraverseIndex{Key: s.Key, SrcRange: r.rng(s.SrcRange)}
		case hcl.TraverseSplat:
			out[i] = hcl.TraverseSplat{Each: r.traversal(s.Each), SrcRange: r.rng(s.SrcRange)}
		default:
			r.failed = true
			return t
		}
	}
	return out
}

// symbol returns the copy of a splat symbol, the same for every reference.
func (r *rebaser) symbol(s *hclsyntax.AnonSymbolExpr) *hclsyntax.AnonSymbolExpr {
	if s == nil {
		return nil
	}
	if c, ok := r.symbols[s]; ok {
		return c
	}
	if r.symbols == nil {
		r.symbols = map[*hclsyntax.AnonSymbolExpr]*hclsyntax.AnonSymbolExpr{}
	}
	c := &hclsyntax.AnonSymbolExpr{SrcRange: r.rng(s.SrcRange)}
	r.symbols[s] = c
	return c
}

func (r *rebaser) expr(e hclsyntax.Expression) hclsyntax.Expression {
	switch x := e.(type) {
	case nil:
		return nil
	case *hclsyntax.LiteralValueExpr:
		return &hclsyntax.LiteralValueExpr{Val: x.Val, SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.ScopeTraversalExpr:
		return &hclsyntax.ScopeTraversalExpr{Traversal: r.traversal(x.Traversal), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.RelativeTraversalExpr:
		return &hclsyntax.RelativeTraversalExpr{Source: r.expr(x.Source), Traversal: r.traversal(x.Traversal), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.TemplateExpr:
		return &hclsyntax.TemplateExpr{Parts: r.exprs(x.Parts), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.TemplateWrapExpr:
		return &hclsyntax.TemplateWrapExpr{Wrapped: r.expr(x.Wrapped), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.TemplateJoinExpr:
		return &hclsyntax.TemplateJoinExpr{Tuple: r.expr(x.Tuple)}
	case *hclsyntax.FunctionCallExpr:
		return &hclsyntax.FunctionCallExpr{
			Name: x.Name, Args: r.exprs(x.Args), ExpandFinal: x.ExpandFinal,
			NameRange: r.rng(x.NameRange), OpenParenRange: r.rng(x.OpenParenRange), CloseParenRange: r.rng(x.CloseParenRange),
		}
	case *hclsyntax.ConditionalExpr:
		return &hclsyntax.ConditionalExpr{Condition: r.expr(x.Condition), TrueResult: r.expr(x.TrueResult), FalseResult: r.expr(x.FalseResult), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.IndexExpr:
		return &hclsyntax.IndexExpr{Collection: r.expr(x.Collection), Key: r.expr(x.Key), SrcRange: r.rng(x.SrcRange), OpenRange: r.rng(x.OpenRange), BracketRange: r.rng(x.BracketRange)}
	case *hclsyntax.TupleConsExpr:
		return &hclsyntax.TupleConsExpr{Exprs: r.exprs(x.Exprs), SrcRange: r.rng(x.SrcRange), OpenRange: r.rng(x.OpenRange)}
	case *hclsyntax.ObjectConsExpr:
		out := &hclsyntax.ObjectConsExpr{SrcRange: r.rng(x.SrcRange), OpenRange: r.rng(x.OpenRange)}
		if x.Items != nil {
			out.Items = make([]hclsyntax.ObjectConsItem, len(x.Items))
			for i, it := range x.Items {
				out.Items[i] = hclsyntax.ObjectConsItem{KeyExpr: r.expr(it.KeyExpr), ValueExpr: r.expr(it.ValueExpr)}
			}
		}
		return out
	case *hclsyntax.ObjectConsKeyExpr:
		return &hclsyntax.ObjectConsKeyExpr{Wrapped: r.expr(x.Wrapped), ForceNonLiteral: x.ForceNonLiteral}
	case *hclsyntax.ForExpr:
		return &hclsyntax.ForExpr{
			KeyVar: x.KeyVar, ValVar: x.ValVar,
			CollExpr: r.expr(x.CollExpr), KeyExpr: r.expr(x.KeyExpr), ValExpr: r.expr(x.ValExpr), CondExpr: r.expr(x.CondExpr),
			Group: x.Group, SrcRange: r.rng(x.SrcRange), OpenRange: r.rng(x.OpenRange), CloseRange: r.rng(x.CloseRange),
		}
	case *hclsyntax.SplatExpr:
		item := r.symbol(x.Item)
		return &hclsyntax.SplatExpr{Source: r.expr(x.Source), Each: r.expr(x.Each), Item: item, SrcRange: r.rng(x.SrcRange), MarkerRange: r.rng(x.MarkerRange)}
	case *hclsyntax.AnonSymbolExpr:
		return r.symbol(x)
	case *hclsyntax.BinaryOpExpr:
		return &hclsyntax.BinaryOpExpr{LHS: r.expr(x.LHS), Op: x.Op, RHS: r.expr(x.RHS), SrcRange: r.rng(x.SrcRange)}
	case *hclsyntax.UnaryOpExpr:
		return &hclsyntax.UnaryOpExpr{Op: x.Op, Val: r.expr(x.Val), SrcRange: r.rng(x.SrcRange), SymbolRange: r.rng(x.SymbolRange)}
	case *hclsyntax.ParenthesesExpr:
		return &hclsyntax.ParenthesesExpr{Expression: r.expr(x.Expression), SrcRange: r.rng(x.SrcRange)}
	case *exprbound.Expr:
		return x.Rewrap(r.expr(x.Wrapped()), r.rng(x.Site()))
	default:
		r.failed = true
		return e
	}
}
