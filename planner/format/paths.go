package format

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Options are the flags of `vpcplan fmt`. The zero value neither lists,
// writes nor diffs: like `terraform fmt -list=false -write=false`, it
// prints each file's formatted text to Stdout. The CLI sets List and Write
// to true by default.
type Options struct {
	List      bool // print the path of every file whose formatting differs
	Write     bool // rewrite those files in place
	Diff      bool // print a unified diff of each change
	Check     bool // only report; forces Write to false
	Recursive bool // also process subdirectories of directory arguments

	// Stdout receives listings, diffs and formatted text. Nil discards.
	Stdout io.Writer
	// Stdin is read for the path "-". Nil makes "-" an error.
	Stdin io.Reader
}

// Paths formats the given files and directories; no paths means ".". It
// returns whether any file's formatting differed (what -check reports)
// and diagnostics in processing order.
//
// For each path:
//
//	path        | behaviour
//	------------|-----------------------------------------------------------
//	directory   | its *.tf, *.tfvars and *.hcl files in name order, and its
//	            | subdirectories' when Recursive. Names starting with "."
//	            | and editor backups (x~, #x#) are skipped.
//	file        | formatted if it ends in .tf, .tfvars or .hcl; any other
//	            | name is an error.
//	"-"         | Stdin is formatted to Stdout, or diffed when Diff; with
//	            | Check alone nothing is printed. List and Write don't apply.
//	missing     | an error diagnostic without a range; the other paths are
//	            | still processed. So is an unreadable file or directory.
//
// For a file whose formatting differs, Paths prints its path (List),
// rewrites it (Write; atomically, keeping its permissions) and prints a
// diff (Diff), in that order. With none of List, Write, Diff or Check it
// prints every file's formatted text; Check alone prints nothing, so that
// `-check -list=false` only sets the exit code. A file with syntax errors is left untouched and its
// hclsyntax diagnostics are returned. Paths are printed as given, cleaned,
// and joined with directory entries by filepath.Join.
func Paths(opts Options, paths []string) (changed bool, diags hcl.Diagnostics) {
	if opts.Check {
		opts.Write = false
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	p := &processor{opts: opts}
	for _, path := range paths {
		if path == "-" {
			p.stdin()
			continue
		}
		path = filepath.Clean(path)
		info, err := os.Stat(path)
		switch {
		case err != nil:
			p.diags = append(p.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "No file or directory",
				Detail:   fmt.Sprintf("There is no file or directory at %q.", path),
			})
		case info.IsDir():
			p.dir(path)
		case isConfigFile(path):
			p.file(path)
		default:
			p.diags = append(p.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unsupported file type",
				Detail:   fmt.Sprintf("Only .tf, .tfvars and .hcl files can be formatted, and %q is none of them.", path),
			})
		}
	}
	return p.changed, p.diags
}

type processor struct {
	opts    Options
	changed bool
	diags   hcl.Diagnostics
}

// isConfigFile reports whether fmt processes a file of this name. JSON
// variants (.tf.json) end in .json and are never modified.
func isConfigFile(name string) bool {
	switch filepath.Ext(name) {
	case ".tf", ".tfvars", ".hcl":
		return true
	}
	return false
}

// isIgnored reports whether a directory entry is skipped, as Terraform's
// configs.IsIgnoredFile does: hidden files and editor backups.
func isIgnored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

func (p *processor) dir(path string) {
	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		p.diags = append(p.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot read directory",
			Detail:   fmt.Sprintf("Cannot read the directory %q: %s.", path, err),
		})
		return
	}
	for _, e := range entries {
		name := e.Name()
		if isIgnored(name) {
			continue
		}
		sub := filepath.Join(path, name)
		if e.IsDir() {
			// Like terraform fmt, one module at a time unless asked.
			if p.opts.Recursive {
				p.dir(sub)
			}
			continue
		}
		if isConfigFile(name) {
			p.file(sub)
		}
	}
}

func (p *processor) file(path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		p.diags = append(p.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot read file",
			Detail:   fmt.Sprintf("Cannot read %q: %s.", path, err),
		})
		return
	}
	out, diags := Source(src, path)
	p.diags = append(p.diags, diags...)
	if diags.HasErrors() {
		return
	}
	if !bytes.Equal(src, out) {
		p.changed = true
		if p.opts.List {
			p.print(path + "\n")
		}
		if p.opts.Write {
			if err := writeFile(path, out); err != nil {
				p.diags = append(p.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Cannot write file",
					Detail:   fmt.Sprintf("Cannot write the formatted %q: %s.", path, err),
				})
				return
			}
		}
		if p.opts.Diff {
			p.print(unifiedDiff(path, src, out))
		}
	}
	if !p.opts.List && !p.opts.Write && !p.opts.Diff && !p.opts.Check {
		p.print(string(out))
	}
}

// stdin formats Stdin to Stdout; as with terraform fmt -, there is no file
// to list or write.
func (p *processor) stdin() {
	const name = "<stdin>"
	if p.opts.Stdin == nil {
		p.diags = append(p.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No standard input",
			Detail:   `The path "-" reads standard input, but none is available.`,
		})
		return
	}
	src, err := io.ReadAll(p.opts.Stdin)
	if err != nil {
		p.diags = append(p.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot read standard input",
			Detail:   fmt.Sprintf("Cannot read standard input: %s.", err),
		})
		return
	}
	out, diags := Source(src, name)
	p.diags = append(p.diags, diags...)
	if diags.HasErrors() {
		return
	}
	if !bytes.Equal(src, out) {
		p.changed = true
	}
	switch {
	case p.opts.Diff:
		if p.changed {
			p.print(unifiedDiff(name, src, out))
		}
	case !p.opts.Check:
		p.print(string(out))
	}
}

// print writes s to Stdout, recording the first failure as a diagnostic.
func (p *processor) print(s string) {
	if _, err := io.WriteString(p.opts.Stdout, s); err != nil {
		p.diags = append(p.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot write output",
			Detail:   fmt.Sprintf("Cannot write to standard output: %s.", err),
		})
		p.opts.Stdout = io.Discard // one diagnostic is enough
	}
}

// writeFile replaces path with data without ever leaving it truncated: it
// writes a temporary file beside the target, with the target's permission
// bits, and renames it over the target. A symlink is followed so that the
// link itself survives.
func writeFile(path string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(info.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}
