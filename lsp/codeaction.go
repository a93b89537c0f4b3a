package lsp

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// codeAction offers, for each rule diagnostic in the request's context,
// to add `# vpcplan-ignore: <id>` on its own line above the attribute (or
// else the block) the diagnostic starts in, indented as it is: the comment
// validate.FindIgnores reads, which suppresses the rule in the block or
// attribute that starts on the next line.
func (s *Server) codeAction(_ context.Context, p *CodeActionParams) ([]CodeAction, error) {
	d, _, err := s.docAtNoAnalysis(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	actions := []CodeAction{}
	seen := map[string]bool{}
	for _, diag := range p.Context.Diagnostics {
		id := diag.Code
		if id == "" || diag.Source != "" && diag.Source != "vpcplan" {
			continue
		}
		line := targetLine(d, diag.Range.Start)
		key := fmt.Sprintf("%s@%d", id, line)
		if seen[key] {
			continue
		}
		seen[key] = true
		text := string(d.text.lineText(line))
		indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
		at := Position{Line: line, Character: 0}
		actions = append(actions, CodeAction{
			Title:       fmt.Sprintf("Ignore %s here (# vpcplan-ignore)", id),
			Kind:        "quickfix",
			Diagnostics: []Diagnostic{diag},
			Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{
				d.uri: {{Range: Range{Start: at, End: at}, NewText: indent + "# vpcplan-ignore: " + id + "\n"}},
			}},
		})
	}
	sort.SliceStable(actions, func(i, j int) bool { return actions[i].Title < actions[j].Title })
	return actions, nil
}

// targetLine returns the line of the innermost attribute, else block, that
// holds the position: where an ignore comment applies to it. It is the
// position's own line when the document does not parse there.
func targetLine(d *document, pos Position) int {
	off := d.text.offset(pos)
	body := parse(d)
	line := -1
	for body != nil {
		var next *hclsyntax.Body
		for _, attr := range body.Attributes {
			if contains(attr.SrcRange, off) {
				return attr.SrcRange.Start.Line - 1
			}
		}
		for _, b := range body.Blocks {
			if contains(b.Range(), off) {
				line = b.DefRange().Start.Line - 1
				next = b.Body
				break
			}
		}
		body = next
	}
	if line < 0 {
		return pos.Line
	}
	return line
}
