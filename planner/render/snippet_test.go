package render

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func TestSnippetLines(t *testing.T) {
	src := []byte("a = 1\r\nbb = 2\nccc = 3")
	rng := func(start, end int) hcl.Range {
		return hcl.Range{Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: end}}
	}
	tests := map[string]struct {
		src       []byte // nil: src
		rng       hcl.Range
		want      string
		wantStart int
	}{
		"inside the first line, CRLF dropped": {nil, rng(4, 5), "a = 1", 0},
		"inside the middle line":              {nil, rng(9, 10), "bb = 2", 7},
		"across two lines":                    {nil, rng(2, 9), "a = 1\nbb = 2", 0},
		// As Terraform's snippets: the line a range ends at the start of
		// overlaps it.
		"ending just after a newline":  {nil, rng(7, 14), "bb = 2\nccc = 3", 7},
		"starting at a line's newline": {nil, rng(5, 9), "a = 1\nbb = 2", 0},
		"last line without newline":    {nil, rng(16, 17), "ccc = 3", 14},
		"past the end is clamped":      {nil, rng(30, 40), "ccc = 3", 14},
		// Terraform leaves out empty lines, even inside the range.
		"an empty line never overlaps": {[]byte("a = 1\n\nb = 2"), rng(0, 11), "a = 1\nb = 2", 0},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := tt.src
			if s == nil {
				s = src
			}
			got, start := snippetLines(s, tt.rng)
			if got != tt.want || start != tt.wantStart {
				t.Errorf("snippetLines = %q, %d; want %q, %d", got, start, tt.want, tt.wantStart)
			}
		})
	}
}
