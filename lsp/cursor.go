package lsp

import (
	"regexp"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/schema"
)

// cursor is what surrounds a position in a document, found from the
// tokens before it, so that it works on text that does not parse (the
// normal state while typing).
type cursor struct {
	// blocks are the headers of the blocks that enclose the position,
	// outermost first.
	blocks []blockHeader
	// line are the tokens of the current statement of the innermost block
	// before the position (the block header or attribute being typed),
	// when the position is not inside an expression's brackets.
	line []hclsyntax.Token
	// attr is the attribute whose value the position is in, "" when it is
	// not in a value.
	attr string
	// inString is set when the position is inside a quoted string (not in
	// an interpolation); stringStart is the byte offset of its content.
	inString    bool
	stringStart int
	// word is the identifier or traversal being typed just before the
	// position ("aws_vpc.ma"), "" when none.
	word string
}

// blockHeader is a block's type and labels.
type blockHeader struct {
	typ    string
	labels []string
}

// frame is an open bracket: a block body or an expression's bracket.
type frame struct {
	block  *blockHeader // nil for an expression bracket or interpolation
	attr   string       // the attribute the expression belongs to
	quoted bool         // an open quoted string
	start  int
}

var wordPattern = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*$`)

// cursorAt computes the cursor at byte offset off of src.
func cursorAt(src []byte, off int) cursor {
	if off > len(src) {
		off = len(src)
	}
	tokens, _ := hclsyntax.LexConfig(src[:off], "", hcl.InitialPos)
	var stack []frame
	var line []hclsyntax.Token
	attr := ""
	top := func() *frame {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	inBody := func() bool { f := top(); return f == nil || f.block != nil }
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenNewline:
			if inBody() {
				line, attr = nil, ""
			}
			continue
		case hclsyntax.TokenOBrace:
			if inBody() && attr == "" {
				h := header(line)
				stack = append(stack, frame{block: &h})
				line = nil
				continue
			}
			stack = append(stack, frame{attr: attr})
			continue
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, frame{attr: attr})
			continue
		case hclsyntax.TokenOQuote:
			if inBody() && attr == "" {
				line = append(line, t) // a label
			}
			stack = append(stack, frame{attr: attr, quoted: true, start: t.Range.End.Byte})
			continue
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd, hclsyntax.TokenCQuote:
			if len(stack) > 0 {
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if f.block != nil {
					line, attr = nil, ""
				} else if t.Type == hclsyntax.TokenCQuote && inBody() && attr == "" {
					line = append(line, t)
				}
			}
			continue
		}
		if f := top(); f != nil && f.quoted {
			parentIsBody := len(stack) == 1 || stack[len(stack)-2].block != nil
			if t.Type == hclsyntax.TokenQuotedLit && parentIsBody && attr == "" {
				line = append(line, t) // a label's text
			}
			continue
		}
		if inBody() {
			if t.Type == hclsyntax.TokenEqual && attr == "" && len(line) == 1 && line[0].Type == hclsyntax.TokenIdent {
				attr = string(line[0].Bytes)
			}
			line = append(line, t)
		}
	}
	c := cursor{line: line}
	for _, f := range stack {
		if f.block != nil {
			c.blocks = append(c.blocks, *f.block)
		}
	}
	if f := top(); f != nil && f.block == nil {
		c.attr = f.attr
		parentIsBody := len(stack) == 1 || stack[len(stack)-2].block != nil
		if !(f.quoted && f.attr == "" && parentIsBody) {
			c.line = nil // in an expression; a label keeps its header's tokens
		}
		if f.quoted {
			c.inString = true
			c.stringStart = f.start
		}
	} else {
		c.attr = attr
	}
	if !c.inString {
		c.word = wordPattern.FindString(string(src[lineStart(src, off):off]))
	}
	return c
}

func lineStart(src []byte, off int) int {
	for i := off; i > 0; i-- {
		if src[i-1] == '\n' {
			return i
		}
	}
	return 0
}

// header reads a block header from the tokens of its line: the type, then
// quoted or bare labels.
func header(line []hclsyntax.Token) blockHeader {
	var h blockHeader
	for i, t := range line {
		switch {
		case i == 0 && t.Type == hclsyntax.TokenIdent:
			h.typ = string(t.Bytes)
		case i > 0 && (t.Type == hclsyntax.TokenQuotedLit || t.Type == hclsyntax.TokenIdent):
			h.labels = append(h.labels, string(t.Bytes))
		}
	}
	return h
}

// scope is the schema that applies inside the cursor's innermost block.
type scope struct {
	// resource is the schema of the enclosing resource or data block, nil
	// when it is not one or its type is unknown.
	resource *schema.Resource
	// block is the innermost block's attributes and nested blocks: the
	// resource's own or a nested block's; nil outside a schema.
	block *schema.Block
	// top is set directly inside a resource or data block, where the
	// meta-arguments are.
	top bool
	// addr is the enclosing block's address (zero outside one).
	addr schema.Addr
}

// scopeOf resolves the cursor's blocks against the catalog.
func scopeOf(c cursor, catalog *schema.Catalog) scope {
	var sc scope
	if len(c.blocks) == 0 {
		return sc
	}
	b0 := c.blocks[0]
	mode := schema.ManagedMode
	switch b0.typ {
	case "resource":
	case "data":
		mode = schema.DataMode
	default:
		return sc
	}
	if len(b0.labels) < 1 {
		return sc
	}
	r := catalog.Lookup(mode, schema.TypeName(b0.labels[0]))
	if r == nil {
		return sc
	}
	sc.resource = r
	if len(b0.labels) > 1 {
		sc.addr = schema.Addr{Mode: mode, Type: r.Type, Name: b0.labels[1]}
	}
	block := &r.Block
	sc.top = len(c.blocks) == 1
	for _, h := range c.blocks[1:] {
		name := h.typ
		switch name {
		case "lifecycle":
			return scope{resource: r, addr: sc.addr}
		case "dynamic":
			if len(h.labels) == 0 {
				return scope{resource: r, addr: sc.addr}
			}
			name = h.labels[0]
		case "content":
			continue // dynamic's content: the same block
		}
		nb := block.Blocks[name]
		if nb == nil {
			return scope{resource: r, addr: sc.addr}
		}
		block = &nb.Block
	}
	sc.block = block
	return sc
}
