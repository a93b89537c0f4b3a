package lsp

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/vpcplan/vpcplan/validate"
)

// hover describes what the position is on: a resource type, an
// attribute (type and description), a reference's target; and, for every
// rule diagnostic whose range holds the position, the rule's summary and
// how to fix it.
func (s *Server) hover(_ context.Context, p *TextDocumentPositionParams) (*Hover, error) {
	d, a, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := d.text.offset(p.Position)
	var parts []string
	var rng *Range
	st := s.siteAt(parse(d), off)
	if text, r := s.describe(st, a); text != "" {
		parts = append(parts, text)
		rr := d.text.rangeOf(r)
		rng = &rr
	}
	for _, diag := range a.diags {
		if diag.Subject == nil || absName(a.dir, diag.Subject.Filename) != d.path || !contains(*diag.Subject, off) {
			continue
		}
		parts = append(parts, s.describeDiagnostic(diag))
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &Hover{Contents: MarkupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}, Range: rng}, nil
}

// describe is the Markdown for a site and the range it describes.
func (s *Server) describe(st site, a *analysis) (string, hcl.Range) {
	switch {
	case st.header != nil:
		b := st.header
		if st.resource != nil && (b.Type == "resource" || b.Type == "data") {
			return fmt.Sprintf("**%s** (%s)\n\n%s", st.resource.Type, kindWord(st.resource), st.resource.Description), b.DefRange()
		}
		return "", hcl.Range{}
	case st.attr != nil && st.attrName:
		if st.block == nil {
			return "", hcl.Range{}
		}
		at := st.block.Attributes[st.attr.Name]
		if at == nil {
			return "", hcl.Range{}
		}
		return attributeDoc(st.attr.Name, at), st.attr.NameRange
	case st.traversal != nil:
		return s.describeReference(st.traversal, a), st.travRange
	}
	return "", hcl.Range{}
}

func kindWord(r *schema.Resource) string {
	if r.Mode == schema.DataMode {
		return "data source"
	}
	return "resource"
}

// attributeDoc is an attribute's hover text: its name, type and kind,
// then its description.
func attributeDoc(name string, at *schema.Attribute) string {
	doc := fmt.Sprintf("**%s** `%s`\n\n%s", name, attrDetail(at), at.Description)
	if at.Deprecated != "" {
		doc += "\n\nDeprecated: " + at.Deprecated
	}
	return doc
}

// describeReference describes what a reference names: a resource's
// attribute, a resource, a variable or a local value.
func (s *Server) describeReference(trav hcl.Traversal, a *analysis) string {
	names := traversalNames(trav)
	if len(names) == 0 {
		return ""
	}
	switch names[0] {
	case "var":
		if len(names) > 1 && a.cfg != nil {
			for _, v := range a.cfg.Variables {
				if v.Name == names[1] {
					return fmt.Sprintf("**var.%s** (variable)\n\n%s", v.Name, v.Description)
				}
			}
		}
		return ""
	case "local":
		if len(names) > 1 {
			return fmt.Sprintf("**local.%s** (local value)", names[1])
		}
		return ""
	}
	mode, rest := schema.ManagedMode, names
	if names[0] == "data" {
		mode, rest = schema.DataMode, names[1:]
	}
	if len(rest) < 2 {
		return ""
	}
	r := s.catalog.Lookup(mode, schema.TypeName(rest[0]))
	if r == nil {
		return ""
	}
	addr := schema.Addr{Mode: mode, Type: r.Type, Name: rest[1]}
	if len(rest) > 2 {
		if at := r.Attributes[rest[2]]; at != nil {
			return fmt.Sprintf("**%s.%s**\n\n", addr, rest[2]) + attributeDoc(rest[2], at)
		}
	}
	return fmt.Sprintf("**%s** (%s)\n\n%s", addr, kindWord(r), r.Description)
}

// traversalNames returns the names of a traversal's leading root and
// attribute steps (index steps are skipped).
func traversalNames(trav hcl.Traversal) []string {
	var names []string
	for _, step := range trav {
		switch t := step.(type) {
		case hcl.TraverseRoot:
			names = append(names, t.Name)
		case hcl.TraverseAttr:
			names = append(names, t.Name)
		}
	}
	return names
}

// describeDiagnostic is a rule diagnostic's hover text: the rule and its
// summary, the finding, and how to fix it (from the rule's page).
func (s *Server) describeDiagnostic(d *hcl.Diagnostic) string {
	id := validate.RuleID(d)
	if id == "" {
		return fmt.Sprintf("**%s**\n\n%s", d.Summary, d.Detail)
	}
	summary := ""
	for _, r := range s.rules {
		if r.ID == id {
			summary = r.Summary
		}
	}
	text := fmt.Sprintf("**%s** `%s`\n\n%s\n\n%s", d.Summary, id, summary, d.Detail)
	if fix := validate.HowToFix(id); fix != "" {
		text += "\n\n**How to fix:** " + fix
	}
	if s.opts.RuleDocURL != nil {
		if href := s.opts.RuleDocURL(id); href != "" {
			text += fmt.Sprintf("\n\n[Documentation](%s)", href)
		}
	}
	return text
}
