package format

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Source returns src in canonical style. filename is used only in
// diagnostics.
//
// The rewrites match `terraform fmt`:
//
//	rewrite                                  | example
//	-----------------------------------------|-----------------------------------
//	hclwrite.Format layout                   | 2-space indent, aligned "="
//	interpolation-only string unwrapped      | "${var.x}" → var.x
//	legacy quoted type in a variable block   | type = "string" → type = string
//	                                         | type = "list" → type = list(string)
//	                                         | type = "map" → type = map(string)
//	bare collection type in a variable block | type = list → type = list(any)
//	block labels normalised to quoted form   | vpc main { → vpc "main" {
//
// A string is unwrapped only when its whole value is exactly one
// interpolation: "a-${x}", "${x}${y}" and heredocs are left alone, and a
// multi-line interpolation is wrapped in parentheses so it still parses.
//
// If src is not valid HCL native syntax, Source returns src unchanged with
// the parser's error diagnostics, which carry source ranges.
func Source(src []byte, filename string) ([]byte, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	// hclwrite accepts some invalid input and could mangle it, so the
	// strict parser decides whether the file may be formatted at all.
	_, moreDiags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return src, diags
	}
	f, moreDiags := hclwrite.ParseConfig(src, filename, hcl.InitialPos)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return src, diags
	}
	formatBody(f.Body(), nil)
	return f.Bytes(), diags // Bytes applies hclwrite's layout formatting
}

// formatBody applies the token rewrites to every attribute of body and,
// recursively, of its nested blocks. inBlocks is the path of block types
// from the file's root to body.
func formatBody(body *hclwrite.Body, inBlocks []string) {
	attrs := body.Attributes()
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		tokens := attrs[name].Expr().BuildTokens(nil)
		var cleaned hclwrite.Tokens
		if len(inBlocks) == 1 && inBlocks[0] == "variable" && name == "type" {
			cleaned = formatTypeExpr(tokens)
		} else {
			cleaned = formatValueExpr(tokens)
		}
		if !sameTokens(tokens, cleaned) {
			body.SetAttributeRaw(name, cleaned)
		}
	}

	for _, block := range body.Blocks() {
		// Setting the labels to themselves drops unquoted labels and
		// comments interleaved with them in favour of quoted labels.
		block.SetLabels(block.Labels())
		formatBody(block.Body(), append(slices.Clip(inBlocks), block.Type()))
	}
}

func sameTokens(a, b hclwrite.Tokens) bool {
	return slices.EqualFunc(a, b, func(x, y *hclwrite.Token) bool { return x == y })
}

// formatValueExpr unwraps an expression that is a quoted template holding
// exactly one interpolation and nothing else: "${x}" becomes x.
func formatValueExpr(tokens hclwrite.Tokens) hclwrite.Tokens {
	if len(tokens) < 5 {
		return tokens // too short for `"`, `${`, something, `}`, `"`
	}
	oQuote, oBrace := tokens[0], tokens[1]
	cBrace, cQuote := tokens[len(tokens)-2], tokens[len(tokens)-1]
	if oQuote.Type != hclsyntax.TokenOQuote || oBrace.Type != hclsyntax.TokenTemplateInterp ||
		cBrace.Type != hclsyntax.TokenTemplateSeqEnd || cQuote.Type != hclsyntax.TokenCQuote {
		return tokens
	}
	inside := tokens[2 : len(tokens)-2]

	// Reject "${a}${b}" and "${a}-${b}": any template delimiter or literal
	// text at the outer quoting level means there is more than one part.
	// Delimiters inside nested quotes ("${f("${b}")}") belong to a nested
	// expression and are fine. This may miss some unwrappable cases but
	// never unwraps one that is not.
	quotes := 0
	for _, tok := range inside {
		switch {
		case tok.Type == hclsyntax.TokenOQuote:
			quotes++
		case tok.Type == hclsyntax.TokenCQuote:
			quotes--
		case quotes > 0:
		case tok.Type == hclsyntax.TokenTemplateInterp,
			tok.Type == hclsyntax.TokenTemplateSeqEnd,
			tok.Type == hclsyntax.TokenTemplateControl,
			tok.Type == hclsyntax.TokenQuotedLit:
			return tokens
		}
	}

	inside = trimNewlines(inside)
	if len(inside) == 0 {
		return tokens
	}
	// A multi-line expression such as a conditional split over lines only
	// parses outside a template when it is parenthesised.
	multiLine := slices.ContainsFunc(inside, func(tok *hclwrite.Token) bool {
		return tok.Type == hclsyntax.TokenNewline
	})
	parenthesised := inside[0].Type == hclsyntax.TokenOParen &&
		inside[len(inside)-1].Type == hclsyntax.TokenCParen
	if multiLine && !parenthesised {
		wrapped := make(hclwrite.Tokens, 0, len(inside)+2)
		wrapped = append(wrapped, &hclwrite.Token{Type: hclsyntax.TokenOParen, Bytes: []byte("(")})
		wrapped = append(wrapped, inside...)
		wrapped = append(wrapped, &hclwrite.Token{Type: hclsyntax.TokenCParen, Bytes: []byte(")")})
		return wrapped
	}
	out := slices.Clone(inside)
	// The first token must not inherit the spacing it had after "${".
	first := *out[0]
	first.SpacesBefore = oQuote.SpacesBefore
	out[0] = &first
	return out
}

// formatTypeExpr normalises a variable's type constraint written in the
// pre-0.12 quoted style, or a bare collection keyword.
func formatTypeExpr(tokens hclwrite.Tokens) hclwrite.Tokens {
	ident := func(s string) *hclwrite.Token {
		return &hclwrite.Token{Type: hclsyntax.TokenIdent, Bytes: []byte(s)}
	}
	call := func(fn, arg string) hclwrite.Tokens {
		return hclwrite.Tokens{
			ident(fn),
			{Type: hclsyntax.TokenOParen, Bytes: []byte("(")},
			ident(arg),
			{Type: hclsyntax.TokenCParen, Bytes: []byte(")")},
		}
	}
	switch len(tokens) {
	case 1:
		if tokens[0].Type != hclsyntax.TokenIdent {
			return tokens
		}
		// A collection without an element type means "of any".
		switch kw := string(tokens[0].Bytes); kw {
		case "list", "map", "set":
			return call(kw, "any")
		}
	case 3:
		if tokens[0].Type != hclsyntax.TokenOQuote || tokens[1].Type != hclsyntax.TokenQuotedLit ||
			tokens[2].Type != hclsyntax.TokenCQuote {
			return tokens
		}
		// Quoted types come from Terraform 0.11, whose collections held
		// strings; string elements keep such configurations meaning the
		// same, as `terraform 0.12upgrade` did.
		switch string(tokens[1].Bytes) {
		case "string":
			return hclwrite.Tokens{ident("string")}
		case "list":
			return call("list", "string")
		case "map":
			return call("map", "string")
		}
	}
	return tokens
}

func trimNewlines(tokens hclwrite.Tokens) hclwrite.Tokens {
	start, end := 0, len(tokens)
	for start < end && tokens[start].Type == hclsyntax.TokenNewline {
		start++
	}
	for end > start && tokens[end-1].Type == hclsyntax.TokenNewline {
		end--
	}
	return tokens[start:end]
}
