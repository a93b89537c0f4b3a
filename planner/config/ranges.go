package config

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// SourceRanges are the ranges of one argument as written: its name and its
// expression. For an argument the configuration does not write, both are
// the range of the innermost block written on the path (a nested block, or
// the resource's header), so a diagnostic about something missing still
// points at the right place.
type SourceRanges struct {
	Name  hcl.Range
	Expr  hcl.Range
	Found bool // the argument itself is written
}

// Ranges returns the source ranges of the argument at path, written as
// Link.Path writes it: "vpc_id", "rule[0].destination[0].bucket",
// "route[*].vpc_endpoint_id" (the first block of a set) or a nested block
// itself ("dns_options[0]"). Blocks made by `dynamic` are found as the
// dynamic block.
func (r *Resource) Ranges(path string) SourceRanges {
	out := SourceRanges{Name: r.DeclRange, Expr: r.DeclRange}
	body := r.Syntax
	if body == nil || path == "" {
		return out
	}
	parts := strings.Split(path, ".")
	for i, part := range parts {
		name, idx := part, -1
		if open := strings.IndexByte(part, '['); open >= 0 && strings.HasSuffix(part, "]") {
			name = part[:open]
			key := part[open+1 : len(part)-1]
			idx = 0
			if key != "*" {
				n, err := strconv.Atoi(key)
				if err != nil {
					return out
				}
				idx = n
			}
		}
		last := i == len(parts)-1
		if a, ok := body.Attributes[name]; ok && idx < 0 {
			if last {
				return SourceRanges{Name: a.NameRange, Expr: a.Expr.Range(), Found: true}
			}
			return out
		}
		blk := nthBlock(body, name, idx)
		if blk == nil {
			return out
		}
		out.Name, out.Expr = blk.TypeRange, blk.DefRange()
		if last {
			out.Found = true
			return out
		}
		if blk.Type == "dynamic" {
			return out
		}
		body = blk.Body
	}
	return out
}

// nthBlock returns the idx-th block of the type (the first when idx < 0),
// or the dynamic block that generates blocks of that type.
func nthBlock(body *hclsyntax.Body, typ string, idx int) *hclsyntax.Block {
	if idx < 0 {
		idx = 0
	}
	n := 0
	for _, b := range body.Blocks {
		if b.Type == typ {
			if n == idx {
				return b
			}
			n++
		}
	}
	for _, b := range body.Blocks {
		if b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == typ {
			return b
		}
	}
	return nil
}
