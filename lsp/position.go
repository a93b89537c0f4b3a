package lsp

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// text is a document's bytes with the offsets its lines start at, to
// convert between LSP positions (line, UTF-16 unit) and byte offsets
// (hcl.Pos.Byte). It is immutable.
type text struct {
	src   []byte
	lines []int // byte offset of each line's first byte; lines[0] == 0
}

func newText(src []byte) *text {
	t := &text{src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// offset returns the byte offset of p, clamped to the text: a line past
// the end is the end, a character past the line's end is the line's end.
func (t *text) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.lines) {
		return len(t.src)
	}
	start := t.lines[p.Line]
	end := len(t.src)
	if p.Line+1 < len(t.lines) {
		end = t.lines[p.Line+1] - 1 // the newline
	}
	units := 0
	i := start
	for i < end && units < p.Character {
		r, size := utf8.DecodeRune(t.src[i:end])
		if r == '\r' && i+1 == end {
			break
		}
		units += utf16.RuneLen(r)
		if units > p.Character && utf16.RuneLen(r) == 2 {
			break // inside a surrogate pair: stay before it
		}
		i += size
	}
	return i
}

// position returns the LSP position of a byte offset (clamped).
func (t *text) position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(t.src) {
		off = len(t.src)
	}
	line := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	units := 0
	for i := t.lines[line]; i < off; {
		r, size := utf8.DecodeRune(t.src[i:off])
		units += utf16.RuneLen(r)
		if r == utf8.RuneError && size <= 1 {
			units = units - utf16.RuneLen(r) + 1
		}
		i += size
	}
	return Position{Line: line, Character: units}
}

// rangeOf converts an hcl range of this text. HCL's byte offsets are
// exact; its columns count grapheme clusters, so they are not used.
func (t *text) rangeOf(r hcl.Range) Range {
	return Range{Start: t.position(r.Start.Byte), End: t.position(r.End.Byte)}
}

// lineText returns the bytes of a zero-based line without its newline.
func (t *text) lineText(line int) []byte {
	if line < 0 || line >= len(t.lines) {
		return nil
	}
	end := len(t.src)
	if line+1 < len(t.lines) {
		end = t.lines[line+1] - 1
	}
	return t.src[t.lines[line]:end]
}

// contains reports whether the byte offset lies in r (ends included, so a
// cursor just after a name is on it).
func contains(r hcl.Range, off int) bool {
	return r.Start.Byte <= off && off <= r.End.Byte
}
