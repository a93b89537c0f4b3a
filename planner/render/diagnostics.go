package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/mitchellh/go-wordwrap"
)

// Diagnostic writes d as Terraform's human diagnostic output: with
// opts.Color, as format.Diagnostic (coloured, inside a ╷ │ ╵ left rule);
// without, as format.DiagnosticPlain (no escape codes and no rule, each
// diagnostic starting with an empty line). The detail is word-wrapped to
// opts.Width less the rule's width, except lines that start with a space;
// Width 0 disables wrapping. A diagnostic with a rule id has the heading
// "Error: <summary> [<rule id>]". Nothing is written for a nil d.
func Diagnostic(w io.Writer, files map[string]*hcl.File, d *hcl.Diagnostic, opts Options) error {
	jd := NewJSONDiagnostic(d, files)
	if jd == nil {
		return nil
	}
	// Messages quote file names and values: nothing in them may act on
	// the terminal (writeSnippet does the same for the source).
	jd.Summary, jd.Detail, jd.Address = Printable(jd.Summary), Printable(jd.Detail), Printable(jd.Address)
	if opts.RuleDocs != nil && jd.Rule != "" {
		if jd.Detail != "" {
			jd.Detail += "\n\n"
		}
		jd.Detail += "Reference: " + opts.RuleDocs(jd.Rule)
	}
	var s string
	if opts.Color {
		s = formatDiagnosticColor(jd, opts.Width)
	} else {
		s = formatDiagnosticPlain(jd, opts.Width)
	}
	_, err := io.WriteString(w, s)
	return err
}

// Diagnostics writes every diagnostic with Diagnostic, in SortDiagnostics
// order, back to back as Terraform prints them: in plain mode each starts
// with an empty line, in colour mode each box follows the last directly.
// Unlike Terraform, errors and warnings go to the same writer; a caller
// that wants them apart filters diags first.
func Diagnostics(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics, opts Options) error {
	for _, d := range SortDiagnostics(diags) {
		if err := Diagnostic(w, files, d, opts); err != nil {
			return err
		}
	}
	return nil
}

// SortDiagnostics returns a new slice holding diags ordered by file name,
// line and column of their Subject, then severity (errors first).
// Diagnostics without a Subject come first. The sort is stable, and diags
// is not modified.
func SortDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	out := slices.Clone(diags)
	slices.SortStableFunc(out, func(a, b *hcl.Diagnostic) int {
		ka, kb := diagSortKey(a), diagSortKey(b)
		return cmp.Or(
			cmp.Compare(ka.file, kb.file),
			cmp.Compare(ka.line, kb.line),
			cmp.Compare(ka.column, kb.column),
			cmp.Compare(ka.severity, kb.severity),
		)
	})
	return out
}

type diagKey struct {
	file         string
	line, column int
	severity     int // 0 error, 1 warning, 2 anything else
}

func diagSortKey(d *hcl.Diagnostic) diagKey {
	var k diagKey
	if d == nil {
		return diagKey{severity: 2}
	}
	if d.Subject != nil {
		k.file, k.line, k.column = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
	}
	switch d.Severity {
	case hcl.DiagError:
		k.severity = 0
	case hcl.DiagWarning:
		k.severity = 1
	default:
		k.severity = 2
	}
	return k
}

// Compact writes one line per diagnostic, sorted, in the form editors'
// quickfix lists read: "file:line:col: severity: summary [rule_id]". A
// diagnostic without a Subject has no location prefix.
func Compact(w io.Writer, diags hcl.Diagnostics) error {
	var b strings.Builder
	for _, d := range SortDiagnostics(diags) {
		if d == nil {
			continue
		}
		if d.Subject != nil {
			fmt.Fprintf(&b, "%s:%d:%d: ", Printable(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column)
		}
		b.WriteString(diagSeverity(d.Severity) + ": " + strings.ReplaceAll(Printable(d.Summary), "\n", " "))
		if x, ok := hcl.DiagnosticExtra[RuleDiagnostic](d); ok && x.RuleID() != "" {
			b.WriteString(" [" + x.RuleID() + "]")
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// heading is the summary as printed, with the rule id appended.
func (jd *JSONDiagnostic) heading() string {
	if jd.Rule == "" {
		return jd.Summary
	}
	return jd.Summary + " [" + jd.Rule + "]"
}

// formatDiagnosticColor follows Terraform's format.DiagnosticFromJSON.
func formatDiagnosticColor(jd *JSONDiagnostic, width int) string {
	c := diagColorizer(true)
	var buf strings.Builder
	var ruleLine, ruleStart, ruleEnd string
	ruleWidth := 0
	switch jd.Severity {
	case SeverityError:
		buf.WriteString(c("[bold][red]Error: [reset]"))
		ruleLine, ruleStart, ruleEnd = c("[red]│[reset] "), c("[red]╷[reset]"), c("[red]╵[reset]")
		ruleWidth = 2
	case SeverityWarning:
		buf.WriteString(c("[bold][yellow]Warning: [reset]"))
		ruleLine, ruleStart, ruleEnd = c("[yellow]│[reset] "), c("[yellow]╷[reset]"), c("[yellow]╵[reset]")
		ruleWidth = 2
	default:
		buf.WriteString(c("\n[reset]"))
	}
	// The summary is never wrapped: it is terse, and may be a Go error.
	fmt.Fprintf(&buf, c("[bold]%s[reset]\n\n"), jd.heading())
	writeSnippet(&buf, jd, c)
	writeDetail(&buf, jd.Detail, width-ruleWidth-1)

	// Prefix every line with the rule; an empty line gets the rule without
	// its trailing space (TrimSpace, which cannot see past the escape
	// codes around it, exactly as in Terraform).
	var out strings.Builder
	out.WriteString(ruleStart + "\n")
	sc := bufio.NewScanner(strings.NewReader(buf.String()))
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		prefix := ruleLine
		if sc.Text() == "" {
			prefix = strings.TrimSpace(prefix)
		}
		out.WriteString(prefix + sc.Text() + "\n")
	}
	out.WriteString(ruleEnd + "\n")
	return out.String()
}

// formatDiagnosticPlain follows Terraform's format.DiagnosticPlainFromJSON.
func formatDiagnosticPlain(jd *JSONDiagnostic, width int) string {
	var buf strings.Builder
	switch jd.Severity {
	case SeverityError:
		buf.WriteString("\nError: ")
	case SeverityWarning:
		buf.WriteString("\nWarning: ")
	default:
		buf.WriteString("\n")
	}
	buf.WriteString(jd.heading() + "\n\n")
	writeSnippet(&buf, jd, diagColorizer(false))
	writeDetail(&buf, jd.Detail, width-1)
	return buf.String()
}

// writeDetail writes detail wrapped to width (not at all if width < 1),
// leaving lines that start with a space, such as commands, as they are.
func writeDetail(buf *strings.Builder, detail string, width int) {
	if detail == "" {
		return
	}
	if width < 1 {
		buf.WriteString(detail + "\n")
		return
	}
	for _, line := range strings.Split(detail, "\n") {
		if !strings.HasPrefix(line, " ") {
			line = wordwrap.WrapString(line, uint(width))
		}
		buf.WriteString(line + "\n")
	}
}

// writeSnippet writes the "with", "on" and source lines and the values
// box, as Terraform's snippetFormatter.
func writeSnippet(buf *strings.Builder, jd *JSONDiagnostic, c func(string) string) {
	if jd.Address != "" {
		fmt.Fprintf(buf, "  with %s,\n", jd.Address)
	}
	if jd.Range == nil {
		return
	}
	snip := jd.Snippet
	if snip == nil {
		fmt.Fprintf(buf, "  on %s line %d:\n  (source code not available)\n\n", Printable(jd.Range.Filename), jd.Range.Start.Line)
		return
	}
	in := ""
	if snip.Context != nil {
		in = ", in " + Printable(*snip.Context)
	}
	fmt.Fprintf(buf, "  on %s line %d%s:\n", Printable(jd.Range.Filename), jd.Range.Start.Line, in)

	code := snip.Code
	start, end := snip.HighlightStartOffset, snip.HighlightEndOffset
	if end < start { // only a buggy producer gets here
		end = min(start+1, len(code))
	}
	start = min(max(start, 0), len(code))
	end = min(max(end, 0), len(code))
	code = fmt.Sprintf(c("%s[underline]%s[reset]%s"), Printable(code[:start]), Printable(code[start:end]), Printable(code[end:]))
	for i, line := range strings.Split(code, "\n") {
		fmt.Fprintf(buf, "%4d: %s\n", snip.StartLine+i, line)
	}

	call := snip.FunctionCall
	if call != nil && call.Signature == nil {
		call = nil
	}
	if len(snip.Values) > 0 || call != nil {
		buf.WriteString(c("    [dark_gray]├────────────────[reset]\n"))
		if call != nil {
			fmt.Fprintf(buf, c("    [dark_gray]│[reset] while calling [bold]%s[reset]("), call.CalledAs)
			for i, p := range call.Signature.Params {
				if i > 0 {
					buf.WriteString(", ")
				}
				buf.WriteString(p.Name)
			}
			if p := call.Signature.VariadicParam; p != nil {
				if len(call.Signature.Params) > 0 {
					buf.WriteString(", ")
				}
				buf.WriteString(p.Name + "...")
			}
			buf.WriteString(")\n")
		}
		values := slices.Clone(snip.Values)
		slices.SortStableFunc(values, func(a, b JSONExpressionValue) int { return strings.Compare(a.Traversal, b.Traversal) })
		for _, v := range values {
			lines := strings.Split(Printable(v.Statement), "\n")
			fmt.Fprintf(buf, c("    [dark_gray]│[reset] [bold]%s[reset] %s\n"), Printable(v.Traversal), lines[0])
			for _, line := range lines[1:] {
				fmt.Fprintf(buf, c("    [dark_gray]│[reset]   %s\n"), line)
			}
		}
	}
	buf.WriteByte('\n')
}

// diagColors are the colorstring codes the diagnostic templates use.
var diagColors = map[string]string{
	"reset":     "0",
	"bold":      "1",
	"underline": "4",
	"red":       "31",
	"yellow":    "33",
	"dark_gray": "90",
}

var diagColorCode = regexp.MustCompile(`\[[a-z_]+\]`)

// diagColorizer returns a function that expands [code] markup in one of
// this file's templates as Terraform's colorstring does with Reset set:
// each code becomes its escape sequence and, if there was any, a reset is
// appended to the whole string. With on false the markup is removed.
// Templates only: text from diagnostics is substituted in afterwards, so
// it is never interpreted.
func diagColorizer(on bool) func(string) string {
	return func(s string) string {
		colored := false
		s = diagColorCode.ReplaceAllStringFunc(s, func(m string) string {
			code, ok := diagColors[m[1:len(m)-1]]
			if !ok {
				return m
			}
			colored = true
			if !on {
				return ""
			}
			return "\x1b[" + code + "m"
		})
		if colored && on {
			s += "\x1b[0m"
		}
		return s
	}
}
