package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// diagColorCodeOut matches the SGR sequences the colour format writes.
var diagColorCodeOut = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func TestPrintable(t *testing.T) {
	tests := map[string]string{
		"plain":          "plain",
		"a\nb\tc":        "a\nb\tc",
		"\x1b[2Jcleared": `\x1b[2Jcleared`,
		"bell\a":         `bell\x07`,
		"cr\roverwrite":  `cr\roverwrite`,
		"del\x7f":        `del\x7f`,
		"c1\u009b2J":     `c1\x9b2J`,
		"rtl\u202eevil":  `rtl\u202eevil`,
		"ünïcödé ✓":      "ünïcödé ✓",
	}
	for in, want := range tests {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDiagnosticEscapesControlCharacters: a file name, a source line and
// a message holding terminal escape sequences are printed escaped, in
// both human formats.
func TestDiagnosticEscapesControlCharacters(t *testing.T) {
	name := "evil\x1b[2J.tf"
	src := []byte("locals {\n  x = \"\x1b]0;title\x07\" + 1\n}\n")
	f := &hcl.File{Bytes: src}
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid operand \x1b[31m",
		Detail:   "The value \"\x1b[2J\" is not a number.",
		Subject:  &hcl.Range{Filename: name, Start: hcl.Pos{Line: 2, Column: 7, Byte: 16}, End: hcl.Pos{Line: 2, Column: 25, Byte: 34}},
	}
	for _, color := range []bool{false, true} {
		var b strings.Builder
		if err := Diagnostic(&b, map[string]*hcl.File{name: f}, d, Options{Color: color, Width: 78}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		// The colour escapes of the format itself are the only ones left.
		stripped := diagColorCodeOut.ReplaceAllString(out, "")
		if strings.ContainsAny(stripped, "\x1b\x07") {
			t.Errorf("color %v: raw control characters in:\n%q", color, out)
		}
		for _, want := range []string{`evil\x1b[2J.tf`, `\x1b]0;title\x07`, `Invalid operand \x1b[31m`, `"\x1b[2J"`} {
			if !strings.Contains(out, want) {
				t.Errorf("color %v: %q missing from:\n%s", color, want, out)
			}
		}
	}
	var b strings.Builder
	if err := Compact(&b, hcl.Diagnostics{d}); err != nil {
		t.Fatal(err)
	}
	if want := "evil\\x1b[2J.tf:2:7: error: Invalid operand \\x1b[31m\n"; b.String() != want {
		t.Errorf("Compact = %q, want %q", b.String(), want)
	}
}
