package lsp

import (
	"context"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// definition goes from a reference to the block, variable, local value
// or module call it names, in any file of the directory's configuration.
// It answers null when the position is on no reference or the target is
// not declared.
func (s *Server) definition(_ context.Context, p *TextDocumentPositionParams) ([]Location, error) {
	d, a, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	st := s.siteAt(parse(d), d.text.offset(p.Position))
	if st.traversal == nil || a.cfg == nil {
		return nil, nil
	}
	rng, ok := s.declaration(traversalNames(st.traversal), a)
	if !ok {
		return nil, nil
	}
	path := absName(a.dir, rng.Filename)
	// The ranges are the analysed text's (which may be a little older
	// than an open document's), so they are converted with that text.
	t := a.texts[path]
	if t == nil {
		return nil, nil
	}
	return []Location{{URI: pathToURI(path), Range: t.rangeOf(rng)}}, nil
}

// declaration returns the range of what a reference's names name in the
// root module of the analysis.
func (s *Server) declaration(names []string, a *analysis) (hcl.Range, bool) {
	if len(names) < 2 {
		return hcl.Range{}, false
	}
	cfg := a.cfg
	switch names[0] {
	case "var":
		for _, v := range cfg.Variables {
			if v.Name == names[1] {
				return v.DeclRange, true
			}
		}
		return hcl.Range{}, false
	case "local":
		for _, l := range cfg.Locals {
			if l.Name == names[1] {
				return l.DeclRange, true
			}
		}
		return hcl.Range{}, false
	case "module":
		for _, m := range cfg.Modules {
			if m.Name == names[1] {
				return m.DeclRange, true
			}
		}
		return hcl.Range{}, false
	}
	mode, rest := schema.ManagedMode, names
	if names[0] == "data" {
		mode, rest = schema.DataMode, names[1:]
	}
	if len(rest) < 2 {
		return hcl.Range{}, false
	}
	for _, r := range cfg.Resources {
		if r.Addr.Module == "" && r.Addr.Mode == mode && string(r.Addr.Type) == rest[0] && r.Addr.Name == rest[1] {
			return r.DeclRange, true
		}
	}
	return hcl.Range{}, false
}
