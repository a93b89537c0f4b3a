package lsp

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// documentSymbol lists the document's blocks as Terraform writes their
// headers (resource "aws_vpc" "main"), with their attributes and nested
// blocks as children, in source order. It reads what parses of a document
// with errors.
func (s *Server) documentSymbol(_ context.Context, p *DocumentSymbolParams) ([]DocumentSymbol, error) {
	d, _, err := s.docAtNoAnalysis(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	body := parse(d)
	if body == nil {
		return []DocumentSymbol{}, nil
	}
	return symbolsOf(d.text, body, true), nil
}

func symbolsOf(t *text, body *hclsyntax.Body, top bool) []DocumentSymbol {
	out := []DocumentSymbol{}
	for _, attr := range body.Attributes {
		out = append(out, DocumentSymbol{
			Name: attr.Name, Kind: SymbolProperty,
			Range: t.rangeOf(attr.SrcRange), SelectionRange: t.rangeOf(attr.NameRange),
		})
	}
	for _, b := range body.Blocks {
		name := b.Type
		for _, l := range b.Labels {
			name += " " + strconv.Quote(l)
		}
		kind := SymbolStruct
		if top {
			switch b.Type {
			case "resource", "data":
				kind = SymbolClass
			case "variable":
				kind = SymbolVariable
			case "locals":
				kind = SymbolNamespace
			case "output":
				kind = SymbolConstant
			case "module":
				kind = SymbolModule
			default:
				kind = SymbolObject
			}
		}
		out = append(out, DocumentSymbol{
			Name: name, Kind: kind, Detail: strings.Join(b.Labels, "."),
			Range: t.rangeOf(b.Range()), SelectionRange: t.rangeOf(b.DefRange()),
			Children: symbolsOf(t, b.Body, false),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Range.Start, out[j].Range.Start
		return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
	})
	return out
}
