// Package blockparse parses HCL native-syntax configuration files by their
// top-level blocks: each block is parsed on its own (in parallel), and a
// Cache reuses the parse of every block whose text and position did not
// change since the file was last parsed. The language server parses the
// file being edited on every keystroke; this keeps that cost to the blocks
// at and after the edit instead of the whole file.
//
// The result is the one hclsyntax.ParseConfig gives for the whole file:
// the same body, blocks, attributes, ranges and diagnostics. When the file
// cannot be split, or any part has a diagnostic, the whole file is parsed
// as one, so errors are reported exactly as the CLI reports them.
package blockparse

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/parallel"
)

// minParts is the fewest parts worth parsing separately: a small file is
// parsed as one.
const minParts = 8

// part is a run of whole lines of a file, ending after a line that holds
// only "}" at column 1: the end of a top-level block in any formatted file.
type part struct {
	src   []byte
	start hcl.Pos
}

// split cuts src after every line that is exactly "}" (trailing white
// space allowed). A cut inside a heredoc, a comment or an unbalanced
// construct leaves a part that does not parse; ParseFile then parses the
// whole file instead, so a wrong cut never changes the result.
func split(src []byte) []part {
	var parts []part
	start := hcl.InitialPos
	pos := hcl.InitialPos
	for pos.Byte < len(src) {
		end := bytes.IndexByte(src[pos.Byte:], '\n')
		next := len(src)
		if end >= 0 {
			next = pos.Byte + end + 1
		}
		line := bytes.TrimRight(src[pos.Byte:next], " \t\r\n")
		pos = hcl.Pos{Line: pos.Line + 1, Column: 1, Byte: next}
		if len(line) == 1 && line[0] == '}' && end >= 0 {
			parts = append(parts, part{src: src[start.Byte:next], start: start})
			start = pos
		}
	}
	if start.Byte < len(src) || len(parts) == 0 {
		parts = append(parts, part{src: src[start.Byte:], start: start})
	}
	return parts
}

// ParseFile parses src as hclsyntax.ParseConfig does, part by part when it
// splits into enough parts. reuse, when not nil, is asked for a part's
// earlier parse before parsing it, concurrently for several parts; parsed
// is told of every part parsed without diagnostics. File.Nav is nil when
// the file was parsed in parts.
func ParseFile(src []byte, filename string, reuse func(p []byte, start hcl.Pos) *hclsyntax.Body, parsed func(p []byte, start hcl.Pos, body *hclsyntax.Body)) (*hcl.File, hcl.Diagnostics) {
	parts := split(src)
	if len(parts) < minParts {
		return hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	}
	bodies := make([]*hclsyntax.Body, len(parts))
	failed := make([]bool, len(parts))
	parallel.Workers(len(parts), 0, 16, func(i int) {
		if reuse != nil {
			if bodies[i] = reuse(parts[i].src, parts[i].start); bodies[i] != nil {
				return
			}
		}
		f, diags := hclsyntax.ParseConfig(parts[i].src, filename, parts[i].start)
		if len(diags) > 0 {
			failed[i] = true
			return
		}
		bodies[i] = f.Body.(*hclsyntax.Body)
	})
	for _, bad := range failed {
		if bad {
			return hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
		}
	}
	body, ok := join(bodies, src, filename)
	if !ok {
		return hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	}
	if parsed != nil {
		for i, p := range parts {
			parsed(p.src, p.start, bodies[i])
		}
	}
	return &hcl.File{Body: body, Bytes: src}, nil
}

// join makes one file body of the parts' bodies, as the whole file's parse
// would be. It fails when two parts set the same top-level attribute
// (the whole parse reports that).
func join(bodies []*hclsyntax.Body, src []byte, filename string) (*hclsyntax.Body, bool) {
	out := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	n := 0
	for _, b := range bodies {
		n += len(b.Blocks)
	}
	out.Blocks = make(hclsyntax.Blocks, 0, n)
	for _, b := range bodies {
		for name, a := range b.Attributes {
			if _, dup := out.Attributes[name]; dup {
				return nil, false
			}
			out.Attributes[name] = a
		}
		out.Blocks = append(out.Blocks, b.Blocks...)
	}
	last := bodies[len(bodies)-1]
	out.SrcRange = hcl.Range{Filename: filename, Start: bodies[0].SrcRange.Start, End: last.SrcRange.End}
	out.EndRange = last.EndRange
	return out, true
}
