package lsp

import (
	"context"

	"github.com/vpcplan/vpcplan/planner/format"
)

// formatting formats the document as `vpcplan fmt` does (format.Source),
// as one edit of the whole text; no edit when it is formatted already. A
// document that does not parse is left alone: the answer is an
// InvalidRequest error and the syntax errors are in its diagnostics.
func (s *Server) formatting(_ context.Context, p *DocumentFormattingParams) ([]TextEdit, error) {
	d, _, err := s.docAtNoAnalysis(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out, diags := format.Source(d.text.src, d.path)
	if diags.HasErrors() {
		return nil, requestFailed("the document has syntax errors; fix them to format it")
	}
	if string(out) == string(d.text.src) {
		return []TextEdit{}, nil
	}
	return []TextEdit{{Range: Range{End: d.text.position(len(d.text.src))}, NewText: string(out)}}, nil
}
