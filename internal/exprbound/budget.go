package exprbound

import (
	"fmt"
	"reflect"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
)

// A Budget is what one expression's evaluation may produce: elements of
// the values its for expressions give (bounds.Elements) and bytes of the
// strings its templates build (bounds.StringLength), up to the values of
// the Limits given to Scope. It is spent once either is passed, and stays
// spent.
type Budget struct {
	maxElements, maxBytes int64
	elements, bytes       atomic.Int64
	over                  atomic.Bool
}

// budgetVar is the name the budget has among a context's variables: no
// expression can name it (it is not an identifier), and it is far from
// every identifier for hcl's "Did you mean" suggestions.
const budgetVar = "\x00vpcplan expression budget\x00"

var budgetType = cty.CapsuleWithOps("expression budget", reflect.TypeOf(Budget{}), &cty.CapsuleOps{
	GoString: func(any) string { return "exprbound.Budget" },
})

// budgetOf returns the budget of the nearest context from ctx up that
// holds one, or nil.
func budgetOf(ctx *hcl.EvalContext) *Budget {
	for c := ctx; c != nil; c = c.Parent() {
		if v, ok := c.Variables[budgetVar]; ok {
			return v.EncapsulatedValue().(*Budget)
		}
	}
	return nil
}

func (b *Budget) spent() bool { return b.over.Load() }

// chargeValue counts v's elements, nested ones included, and the bytes of
// its strings. The count stops once past the budget, so that a value that
// shares one large element many times costs no more than the budget to
// count.
func (b *Budget) chargeValue(v cty.Value, site hcl.Range) *hcl.Diagnostic {
	var elems, nbytes int64
	leftElems := b.maxElements - b.elements.Load()
	leftBytes := b.maxBytes - b.bytes.Load()
	var walk func(v cty.Value) bool
	walk = func(v cty.Value) bool {
		v, _ = v.Unmark()
		elems++
		if elems > leftElems {
			return false
		}
		if !v.IsKnown() || v.IsNull() {
			return true
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			nbytes += int64(len(v.AsString()))
			return nbytes <= leftBytes
		case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				if _, e := it.Element(); !walk(e) {
					return false
				}
			}
		}
		return true
	}
	walk(v)
	return b.charge(elems, nbytes, site)
}

// chargeString counts the bytes of v when it is a known string.
func (b *Budget) chargeString(v cty.Value, site hcl.Range) *hcl.Diagnostic {
	v, _ = v.Unmark()
	if v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
		return nil
	}
	return b.charge(0, int64(len(v.AsString())), site)
}

// chargeStrings counts the bytes of the known strings of the tuple v.
func (b *Budget) chargeStrings(v cty.Value, site hcl.Range) *hcl.Diagnostic {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	var n int64
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		e, _ = e.Unmark()
		if e.Type() == cty.String && e.IsKnown() && !e.IsNull() {
			n += int64(len(e.AsString()))
		}
	}
	return b.charge(0, n, site)
}

// charge adds to the budget; the first charge past it returns the error
// and spends the budget, later ones return nothing.
func (b *Budget) charge(elems, nbytes int64, site hcl.Range) *hcl.Diagnostic {
	e := b.elements.Add(elems)
	n := b.bytes.Add(nbytes)
	if e <= b.maxElements && n <= b.maxBytes {
		return nil
	}
	if b.over.Swap(true) {
		return nil
	}
	if e > b.maxElements {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Expression too large",
			Detail: fmt.Sprintf("This for expression, with the ones around and inside it, produces more elements than vpcplan builds for one expression: they pass the %s bound of %d (raise it with %s=N). Elements are counted at each level of nesting they pass through. The expression was not evaluated further.",
				bounds.Elements.Name, b.maxElements, bounds.Elements.Flag),
			Subject: site.Ptr(),
		}
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "String too long",
		Detail: fmt.Sprintf("The templates of this expression build more text than vpcplan builds for one expression: %s. The expression was not evaluated further.",
			fmt.Sprintf("they reach %d bytes, past the %s bound of %d (raise it with %s=N)", n, bounds.StringLength.Name, b.maxBytes, bounds.StringLength.Flag)),
		Subject: site.Ptr(),
	}
}

// Scope returns a child of ctx holding a fresh budget, with the elements
// and string length bounds of lim (a zero field meaning its default), for
// one evaluation of expr: what expr produces is counted against it, for
// expressions nested in it included. When expr holds nothing that counts,
// Scope returns ctx itself.
func Scope(ctx *hcl.EvalContext, expr hcl.Expression, lim bounds.Limits) *hcl.EvalContext {
	if !counts(expr) {
		return ctx
	}
	b := &Budget{maxElements: lim.Get(bounds.Elements), maxBytes: lim.Get(bounds.StringLength)}
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{budgetVar: cty.CapsuleVal(budgetType, b)}
	return child
}

// counts reports whether expr holds a counting node. It allocates
// nothing for hclsyntax's node types: it runs for every evaluation of
// every argument.
func counts(expr hcl.Expression) bool {
	e, ok := expr.(hclsyntax.Expression)
	if !ok || e == nil {
		return false
	}
	if _, ok := e.(*Expr); ok {
		return true
	}
	return !children(e, func(c hclsyntax.Expression, _ bool) bool { return !counts(c) })
}
