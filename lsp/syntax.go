package lsp

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/schema"
)

// parse parses a document with the loader's native-syntax parser
// (hclsyntax), keeping what parses when the text has errors: hover,
// definition and symbols read the document as it is typed.
func parse(d *document) *hclsyntax.Body {
	f, _ := hclsyntax.ParseConfig(d.text.src, d.path, hcl.InitialPos)
	if f == nil {
		return nil
	}
	body, _ := f.Body.(*hclsyntax.Body)
	return body
}

// site is what a position in a parsed document is on.
type site struct {
	resource *schema.Resource // the enclosing resource or data block's schema
	block    *schema.Block    // the innermost block's schema, nil when unknown
	// One of these is set: the block whose type or label the position is
	// on, the attribute whose name it is on, or the reference it is in.
	header    *hclsyntax.Block
	attr      *hclsyntax.Attribute
	attrName  bool
	traversal hcl.Traversal
	travRange hcl.Range
}

// siteAt finds what the byte offset is on.
func (s *Server) siteAt(body *hclsyntax.Body, off int) site {
	var st site
	if body == nil {
		return st
	}
	s.walkSite(body, off, nil, 0, &st)
	return st
}

func (s *Server) walkSite(body *hclsyntax.Body, off int, block *schema.Block, depth int, st *site) {
	for _, attr := range body.Attributes {
		if !contains(attr.SrcRange, off) {
			continue
		}
		st.block, st.attr = block, attr
		if contains(attr.NameRange, off) {
			st.attrName = true
			return
		}
		hclsyntax.VisitAll(attr.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
			if e, ok := n.(*hclsyntax.ScopeTraversalExpr); ok && contains(e.SrcRange, off) {
				st.traversal, st.travRange = e.Traversal, e.SrcRange
			}
			return nil
		})
		return
	}
	for _, b := range body.Blocks {
		if !contains(b.Range(), off) {
			continue
		}
		next := (*schema.Block)(nil)
		if depth == 0 {
			mode := schema.ManagedMode
			if b.Type == "data" {
				mode = schema.DataMode
			}
			if (b.Type == "resource" || b.Type == "data") && len(b.Labels) > 0 {
				if r := s.catalog.Lookup(mode, schema.TypeName(b.Labels[0])); r != nil {
					st.resource = r
					next = &r.Block
				}
			}
		} else if block != nil {
			name := b.Type
			switch {
			case name == "dynamic" && len(b.Labels) > 0:
				name = b.Labels[0]
			case name == "content":
				next = block
			}
			if nb := block.Blocks[name]; nb != nil {
				next = &nb.Block
			}
		}
		if contains(b.TypeRange, off) || len(b.LabelRanges) > 0 && contains(hcl.RangeBetween(b.LabelRanges[0], b.LabelRanges[len(b.LabelRanges)-1]), off) {
			st.header, st.block = b, block
			return
		}
		s.walkSite(b.Body, off, next, depth+1, st)
		return
	}
}
