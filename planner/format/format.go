package format

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/pmezard/go-difflib/difflib"
)

// Options are fmt's flags.
type Options struct {
	List      bool // print the names of files whose formatting differs
	Write     bool // rewrite those files
	Diff      bool // print a unified diff of the changes
	Check     bool // report only; implies Write false
	Recursive bool // descend into subdirectories
	Stdout    io.Writer
	Stdin     io.Reader // read for the path "-"
}

// extensions are the files fmt processes.
var extensions = []string{".hcl", ".tf", ".tfvars"}

func isFormatted(name string) bool {
	for _, ext := range extensions {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// Paths formats files and directories (default "."). It returns whether
// any file's formatting differed, and diagnostics for files that do not
// parse or cannot be read or written.
func Paths(opts Options, paths []string) (bool, hcl.Diagnostics) {
	if opts.Check {
		opts.Write = false
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var diags hcl.Diagnostics
	changed := false
	for _, p := range paths {
		if p == "-" {
			c, moreDiags := stdin(opts)
			changed = changed || c
			diags = append(diags, moreDiags...)
			continue
		}
		files, err := collect(p, opts.Recursive)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Failed to read path", Detail: fmt.Sprintf("Cannot read %q: %s.", p, err)})
			continue
		}
		for _, f := range files {
			c, moreDiags := file(opts, f)
			changed = changed || c
			diags = append(diags, moreDiags...)
		}
	}
	return changed, diags
}

// collect lists the files to format under p, sorted.
func collect(p string, recursive bool) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != p && (!recursive || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if isFormatted(d.Name()) && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func file(opts Options, path string) (bool, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return false, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Failed to read file", Detail: fmt.Sprintf("Cannot read %q: %s.", path, err)}}
	}
	out, diags := Source(src, path)
	if diags.HasErrors() {
		return false, diags
	}
	if bytes.Equal(src, out) {
		return false, nil
	}
	if opts.List && opts.Stdout != nil {
		fmt.Fprintln(opts.Stdout, path)
	}
	if opts.Write {
		info, err := os.Stat(path)
		mode := os.FileMode(0o644)
		if err == nil {
			mode = info.Mode().Perm()
		}
		if err := os.WriteFile(path, out, mode); err != nil {
			return true, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Failed to write file", Detail: fmt.Sprintf("Cannot write %q: %s.", path, err)}}
		}
	}
	if opts.Diff && opts.Stdout != nil {
		writeDiff(opts.Stdout, path, src, out)
	}
	return true, nil
}

func stdin(opts Options) (bool, hcl.Diagnostics) {
	if opts.Stdin == nil {
		return false, nil
	}
	src, err := io.ReadAll(opts.Stdin)
	if err != nil {
		return false, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Failed to read standard input", Detail: err.Error() + "."}}
	}
	out, diags := Source(src, "<stdin>")
	if diags.HasErrors() {
		return false, diags
	}
	if opts.Stdout != nil && !opts.Check {
		opts.Stdout.Write(out)
	}
	if opts.Diff && opts.Stdout != nil {
		writeDiff(opts.Stdout, "<stdin>", src, out)
	}
	return !bytes.Equal(src, out), nil
}

// writeDiff prints a unified diff with Terraform's old/ and new/ labels.
func writeDiff(w io.Writer, path string, before, after []byte) {
	name := filepath.ToSlash(path)
	d := difflib.UnifiedDiff{
		A: lines(string(before)), B: lines(string(after)),
		FromFile: "old/" + name, ToFile: "new/" + name, Context: 3,
	}
	text, err := difflib.GetUnifiedDiffString(d)
	if err == nil {
		io.WriteString(w, text)
	}
}

// lines splits text into lines that keep their newlines.
func lines(text string) []string {
	out := strings.SplitAfter(text, "\n")
	if len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// Source formats one file's source. A source that does not parse gives
// its syntax errors and no output.
func Source(src []byte, filename string) ([]byte, hcl.Diagnostics) {
	if _, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos); diags.HasErrors() {
		return nil, diags
	}
	f, diags := hclwrite.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	unwrapInterpolations(f.Body())
	return hclwrite.Format(f.Bytes()), nil
}

// unwrapInterpolations rewrites every attribute whose value is exactly one
// interpolation, "${x}", to x, as terraform fmt does.
func unwrapInterpolations(body *hclwrite.Body) {
	for _, name := range sortedNames(body.Attributes()) {
		attr := body.Attributes()[name]
		toks := attr.Expr().BuildTokens(nil)
		if inner, ok := interpolationOnly(toks); ok {
			body.SetAttributeRaw(name, inner)
		}
	}
	for _, b := range body.Blocks() {
		unwrapInterpolations(b.Body())
	}
}

func sortedNames(m map[string]*hclwrite.Attribute) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// interpolationOnly returns the tokens inside "${ ... }" when the
// expression is exactly that: an open quote, a template interpolation, its
// close and a close quote.
func interpolationOnly(toks hclwrite.Tokens) (hclwrite.Tokens, bool) {
	var t hclwrite.Tokens
	for _, tok := range toks {
		if tok.Type != hclsyntax.TokenNewline || len(t) > 0 {
			t = append(t, tok)
		}
	}
	if len(t) < 5 || t[0].Type != hclsyntax.TokenOQuote || t[1].Type != hclsyntax.TokenTemplateInterp ||
		t[len(t)-2].Type != hclsyntax.TokenTemplateSeqEnd || t[len(t)-1].Type != hclsyntax.TokenCQuote {
		return nil, false
	}
	inner := t[2 : len(t)-2]
	depth := 0
	for _, tok := range inner {
		switch tok.Type {
		case hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
		case hclsyntax.TokenTemplateSeqEnd:
			depth--
		case hclsyntax.TokenCQuote, hclsyntax.TokenOQuote, hclsyntax.TokenQuotedLit:
			if depth == 0 {
				// A second template part: not interpolation-only.
				return nil, false
			}
		}
		if depth < 0 {
			return nil, false
		}
	}
	out := make(hclwrite.Tokens, len(inner))
	copy(out, inner)
	if len(out) > 0 {
		out[0] = &hclwrite.Token{Type: out[0].Type, Bytes: out[0].Bytes, SpacesBefore: 1}
	}
	return out, true
}
