package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/bounds"
)

// checkNesting fails when src nests deeper than lim's nesting bound: hcl's
// parsers recurse once per level of brackets, braces, parentheses,
// templates and unary operators, so 100,000 levels overflow the stack, a
// fatal error no recover catches. It runs before the parser sees src, in
// time linear in its size.
//
// It also refuses a file larger than the configuration file size bound,
// and one whose templates have more lines than the template lines bound
// (lim holds every bound, as Loader.SetLimits sets them). hcl's lexer and
// syntax tree take 100 to 120 bytes of memory for every byte of source
// (a file of a million locals, 18.7 MB, took 1.8 GB and 14 s to parse),
// so the file size bound, which lets state files of 100,000 instances
// through, does not bound their memory.
func checkNesting(src []byte, name string, json bool, lim bounds.Limits) hcl.Diagnostics {
	if max := lim.ConfigSize; int64(len(src)) > max {
		pos := hcl.Pos{Line: 1, Column: 1}
		for _, c := range src[:max] {
			if c == '\n' {
				pos.Line, pos.Column = pos.Line+1, 1
			} else if c&0xc0 != 0x80 {
				pos.Column++
			}
		}
		pos.Byte = int(max)
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Configuration file too large",
			Detail:   fmt.Sprintf("This file is larger than vpcplan parses: %s. Parsing takes about 100 bytes of memory for each byte of the file; if the machine has the memory, raise the bound. The file was not parsed.", bounds.ConfigSize.Exceeded("it has", int64(len(src)), max)),
			Subject:  &hcl.Range{Filename: name, Start: pos, End: hcl.Pos{Line: pos.Line, Column: pos.Column + 1, Byte: pos.Byte + 1}},
		}}
	}
	limit := int(lim.Nesting)
	lineLimit := int(lim.TemplateLines)
	// No file with fewer openers than the bound can pass it, nor one with
	// fewer lines (in JSON, escapes) than the template lines bound: the
	// common case costs one pass over the bytes.
	openers, lines := 0, 0
	for _, c := range src {
		switch c {
		case '{', '[', '(', '!', '-', '"', '<', '$', '%':
			openers++
		case '\n':
			if !json {
				lines++
			}
		case '\\':
			if json {
				lines++
			}
		}
	}
	if openers <= limit && lines <= lineLimit {
		return nil
	}
	var depth int
	var at hcl.Range
	if json {
		depth, lines, at = jsonNesting(src, name, limit, lineLimit)
	} else {
		depth, lines, at = hclNesting(src, name, limit, lineLimit)
	}
	if lines > lineLimit {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Templates too long",
			Detail:   fmt.Sprintf("The heredocs and multi-line strings of this file have more lines than vpcplan parses: %s. hcl parses a template in time quadratic in its lines. Move long text into a file and read it with file(), or raise the bound. The file was not parsed.", bounds.TemplateLines.Exceeded("they reach", int64(lines), lim.TemplateLines)),
			Subject:  &at,
		}}
	}
	if depth <= limit {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Configuration nested too deeply",
		Detail:   fmt.Sprintf("This file nests brackets, braces, parentheses, templates or unary operators deeper than vpcplan reads: %s. The file was not parsed.", bounds.Nesting.Exceeded("it reaches", int64(depth), lim.Nesting)),
		Subject:  &at,
	}}
}

// hclNesting returns the depth of the native syntax src, stopping at the
// first byte past limit, and that byte's range. It is a scanner of its
// own, not hcl's lexer (which would allocate a token for every byte of
// punctuation): it tells code from strings, comments and heredocs, counts
// brackets, braces and parentheses in code, template sequences (${ and %{)
// in strings and heredocs, and runs of unary operators.
//
// It also counts the lines of heredocs, and returns at the first line
// past lineLimit with the count and that line's first byte.
func hclNesting(src []byte, name string, limit, lineLimit int) (int, int, hcl.Range) {
	const (
		code = iota
		str
		heredoc
	)
	type frame struct {
		kind   int
		marker string // a heredoc's closing marker
	}
	stack := []frame{{kind: code}}
	depth, unary, lines := 0, 0, 0
	line, lineStart := 1, 0
	at := func(i int) hcl.Range {
		p := hcl.Pos{Line: line, Column: i - lineStart + 1, Byte: i}
		return hcl.Range{Filename: name, Start: p, End: hcl.Pos{Line: p.Line, Column: p.Column + 1, Byte: i + 1}}
	}
	push := func(f frame) { stack = append(stack, f); depth++ }
	pop := func() {
		if len(stack) > 1 {
			stack = stack[:len(stack)-1]
			depth--
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			line, lineStart = line+1, i+1
		}
		top := stack[len(stack)-1]
		switch top.kind {
		case code:
			switch {
			case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
				for i < len(src) && src[i] != '\n' {
					i++
				}
				if i < len(src) {
					line, lineStart = line+1, i+1
				}
				continue
			case c == '/' && i+1 < len(src) && src[i+1] == '*':
				for i += 2; i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/'); i++ {
					if src[i] == '\n' {
						line, lineStart = line+1, i+1
					}
				}
				i++
				continue
			case c == '"':
				push(frame{kind: str})
			case c == '<' && i+2 < len(src) && src[i+1] == '<':
				j := i + 2
				if src[j] == '-' {
					j++
				}
				k := j
				for k < len(src) && (src[k] == '_' || src[k] >= 'a' && src[k] <= 'z' || src[k] >= 'A' && src[k] <= 'Z' || src[k] >= '0' && src[k] <= '9') {
					k++
				}
				if k > j && k < len(src) && (src[k] == '\n' || src[k] == '\r') {
					push(frame{kind: heredoc, marker: string(src[j:k])})
					i = k - 1
				}
			case c == '{' || c == '[' || c == '(':
				push(frame{kind: code})
			case c == '}' || c == ']' || c == ')':
				pop()
			}
			switch c {
			case '-', '!':
				unary++
			case ' ', '\t', '\r':
			default:
				unary = 0
			}
		case str, heredoc:
			unary = 0
			switch {
			case c == '\\' && top.kind == str:
				i++
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				push(frame{kind: code})
				i++
			case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
				i += 2 // $${ and %%{ are literal
			case c == '"' && top.kind == str:
				pop()
			case c == '\n' && top.kind == str:
				pop() // an unterminated string ends at the line's end
			case c == '\n' && top.kind == heredoc:
				if lines++; lines > lineLimit {
					return 0, lines, at(i + 1)
				}
				j := i + 1
				for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
					j++
				}
				if len(src)-j >= len(top.marker) && string(src[j:j+len(top.marker)]) == top.marker {
					e := j + len(top.marker)
					if e == len(src) || src[e] == '\n' || src[e] == '\r' {
						pop()
						i = e - 1
					}
				}
			}
		}
		if depth+unary > limit {
			return depth + unary, lines, at(i)
		}
	}
	return 0, lines, hcl.Range{}
}

// jsonNesting is hclNesting for the JSON syntax, where the lines of
// strings (templates) are their \n escapes.
func jsonNesting(src []byte, name string, limit, lineLimit int) (int, int, hcl.Range) {
	depth, lines := 0, 0
	pos := hcl.InitialPos
	inString, escaped := false, false
	for i, c := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
				if c == 'n' {
					if lines++; lines > lineLimit {
						pos.Byte = i - 1
						pos.Column--
						end := hcl.Pos{Line: pos.Line, Column: pos.Column + 2, Byte: i + 1}
						return 0, lines, hcl.Range{Filename: name, Start: pos, End: end}
					}
				}
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > limit {
				pos.Byte = i
				end := hcl.Pos{Line: pos.Line, Column: pos.Column + 1, Byte: i + 1}
				return depth, lines, hcl.Range{Filename: name, Start: pos, End: end}
			}
		case c == '}' || c == ']':
			depth--
		}
		if c == '\n' {
			pos.Line++
			pos.Column = 1
		} else if c < 0x80 || c >= 0xC0 {
			pos.Column++
		}
	}
	return 0, lines, hcl.Range{}
}
