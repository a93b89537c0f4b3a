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
		rng       hcl.Range
		want      string
		wantStart int
	}{
		"inside the first line, CRLF dropped": {rng(4, 5), "a = 1", 0},
		"inside the middle line":              {rng(9, 10), "bb = 2", 7},
		"across two lines":                    {rng(2, 9), "a = 1\nbb = 2", 0},
		"ending just after a newline":         {rng(7, 14), "bb = 2", 7},
		"last line without newline":           {rng(16, 17), "ccc = 3", 14},
		"past the end is clamped":             {rng(30, 40), "ccc = 3", 14},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, start := snippetLines(src, tt.rng)
			if got != tt.want || start != tt.wantStart {
				t.Errorf("snippetLines = %q, %d; want %q, %d", got, start, tt.want, tt.wantStart)
			}
		})
	}
}
