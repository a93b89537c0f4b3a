package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/schema"
)

// narrowUses finds, in a block's expressions, the resource references that
// name a whole block value but only ever read one attribute of its
// instances: aws_subnet.a[each.key].id (an index then an attribute) and
// aws_subnet.a[*].id (a splat of an attribute). It returns, per resource
// address referenced that way, the attributes read; an address some
// expression uses otherwise (as a whole object, in a for expression) maps
// to nil. refAttrs uses this to build small objects instead of whole ones.
func narrowUses(body *hclsyntax.Body) map[schema.Addr][]string {
	if body == nil {
		return nil
	}
	w := &narrowWalker{uses: map[schema.Addr][]string{}, whole: map[schema.Addr]bool{}}
	hclsyntax.Walk(body, w)
	for a := range w.whole {
		w.uses[a] = nil
	}
	return w.uses
}

type narrowWalker struct {
	stack []hclsyntax.Node
	uses  map[schema.Addr][]string
	whole map[schema.Addr]bool
}

func (w *narrowWalker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	if st, ok := n.(*hclsyntax.ScopeTraversalExpr); ok {
		w.traversal(st)
	}
	w.stack = append(w.stack, n)
	return nil
}

func (w *narrowWalker) Exit(hclsyntax.Node) hcl.Diagnostics {
	w.stack = w.stack[:len(w.stack)-1]
	return nil
}

func (w *narrowWalker) parent(i int) hclsyntax.Node {
	if len(w.stack) < i {
		return nil
	}
	return w.stack[len(w.stack)-i]
}

func (w *narrowWalker) traversal(st *hclsyntax.ScopeTraversalExpr) {
	ref, diags := schema.ParseRef(st.Traversal)
	if diags.HasErrors() || ref.Kind != schema.RefResource || len(ref.Remaining) > 0 {
		return // references with an attribute are narrowed by refAttrs itself
	}
	addr := ref.Resource
	switch p := w.parent(1).(type) {
	case *hclsyntax.IndexExpr:
		if rt, ok := w.parent(2).(*hclsyntax.RelativeTraversalExpr); ok && p.Collection == st && rt.Source == p {
			if a, ok := rt.Traversal[0].(hcl.TraverseAttr); ok {
				w.uses[addr] = append(w.uses[addr], a.Name)
				return
			}
		}
	case *hclsyntax.SplatExpr:
		if rt, ok := p.Each.(*hclsyntax.RelativeTraversalExpr); ok && p.Source == st {
			if a, ok := rt.Traversal[0].(hcl.TraverseAttr); ok {
				w.uses[addr] = append(w.uses[addr], a.Name)
				return
			}
		}
	}
	w.whole[addr] = true
}
