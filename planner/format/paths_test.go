package format

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// The tree from terraform-conventions.md §7.2.
var sampleTree = map[string]string{
	"main.tf": `resource "terraform_data" "x" {
input = "a"
  triggers_replace = ["b"]
}
`,
	"sub/x.tf": `locals {
  a = 1
    bb = "${local.c}"
}
`,
	"ok.hcl":              "vpc \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n",
	"README.md":           "not = config\n",
	"x.tf.json":           `{"locals": {"a": 1}}`,
	".hidden.tf":          "a=1\n",
	"backup.tf~":          "a=1\n",
	"#autosave.tf#":       "a=1\n",
	".terraform/m.tf":     "a=1\n",
	"sub/deeper/t.tfvars": "region=\"eu-west-1\"\n",
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diagStrings renders diagnostics as "file:line: Summary: Detail".
func diagStrings(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		s := d.Summary + ": " + d.Detail
		if d.Subject != nil {
			s = d.Subject.Filename + ":" + itoa(d.Subject.Start.Line) + ": " + s
		}
		out = append(out, s)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestPaths(t *testing.T) {
	formatted := map[string]string{
		"main.tf": `resource "terraform_data" "x" {
  input            = "a"
  triggers_replace = ["b"]
}
`,
		"sub/x.tf": `locals {
  a  = 1
  bb = local.c
}
`,
		"sub/deeper/t.tfvars": "region = \"eu-west-1\"\n",
	}
	with := func(changes map[string]string) map[string]string {
		out := make(map[string]string)
		for k, v := range sampleTree {
			out[k] = v
		}
		for k, v := range changes {
			out[k] = v
		}
		return out
	}
	tests := map[string]struct {
		opts        Options
		paths       []string
		wantChanged bool
		wantOut     string
		wantTree    map[string]string
	}{
		// Exactly the sample in terraform-conventions.md §7.2, plus the
		// .tfvars file two levels down.
		"check diff recursive": {
			opts:        Options{List: true, Write: true, Diff: true, Check: true, Recursive: true},
			wantChanged: true,
			wantOut: `main.tf
--- old/main.tf
+++ new/main.tf
@@ -1,4 +1,4 @@
 resource "terraform_data" "x" {
-input = "a"
+  input            = "a"
   triggers_replace = ["b"]
 }
sub/deeper/t.tfvars
--- old/sub/deeper/t.tfvars
+++ new/sub/deeper/t.tfvars
@@ -1 +1 @@
-region="eu-west-1"
+region = "eu-west-1"
sub/x.tf
--- old/sub/x.tf
+++ new/sub/x.tf
@@ -1,4 +1,4 @@
 locals {
-  a = 1
-    bb = "${local.c}"
+  a  = 1
+  bb = local.c
 }
`,
			wantTree: sampleTree,
		},
		"write lists and rewrites only the top directory": {
			opts:        Options{List: true, Write: true},
			paths:       []string{"."},
			wantChanged: true,
			wantOut:     "main.tf\n",
			wantTree:    with(map[string]string{"main.tf": formatted["main.tf"]}),
		},
		"write recursive": {
			opts:        Options{List: true, Write: true, Recursive: true},
			wantChanged: true,
			wantOut:     "main.tf\nsub/deeper/t.tfvars\nsub/x.tf\n",
			wantTree:    with(formatted),
		},
		"list without write": {
			opts:        Options{List: true},
			paths:       []string{"sub", "./main.tf"},
			wantChanged: true,
			wantOut:     "sub/x.tf\nmain.tf\n",
			wantTree:    sampleTree,
		},
		"check without list prints nothing": {
			opts:        Options{Check: true, Recursive: true},
			wantChanged: true,
			wantTree:    sampleTree,
		},
		"no list, write or diff prints formatted text": {
			opts:        Options{},
			paths:       []string{"ok.hcl", "main.tf"},
			wantChanged: true,
			wantOut:     sampleTree["ok.hcl"] + formatted["main.tf"],
			wantTree:    sampleTree,
		},
		"formatted file": {
			opts:     Options{List: true, Write: true, Diff: true},
			paths:    []string{"ok.hcl"},
			wantTree: sampleTree,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, sampleTree)
			t.Chdir(dir)
			var out bytes.Buffer
			tt.opts.Stdout = &out
			changed, diags := Paths(tt.opts, tt.paths)
			if len(diags) != 0 {
				t.Fatalf("Paths() diagnostics: %q", diagStrings(diags))
			}
			if changed != tt.wantChanged {
				t.Errorf("Paths() changed = %v, want %v", changed, tt.wantChanged)
			}
			if diff := cmp.Diff(tt.wantOut, out.String()); diff != "" {
				t.Errorf("Paths() output mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantTree, readTree(t, dir)); diff != "" {
				t.Errorf("files mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPathsWriteIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, sampleTree)
	if _, diags := Paths(Options{Write: true, Recursive: true}, []string{dir}); len(diags) != 0 {
		t.Fatalf("Paths() diagnostics: %q", diagStrings(diags))
	}
	var out bytes.Buffer
	changed, diags := Paths(Options{List: true, Check: true, Recursive: true, Stdout: &out}, []string{dir})
	if changed || len(diags) != 0 || out.Len() != 0 {
		t.Errorf("second run: changed %v, diags %q, output %q; want nothing", changed, diagStrings(diags), out.String())
	}
}

func TestPathsWriteKeepsModeAndSymlink(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/main.tf": "a=1\n"})
	target := filepath.Join(dir, "real", "main.tf")
	if err := os.Chmod(target, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.tf")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if _, diags := Paths(Options{Write: true}, []string{link}); len(diags) != 0 {
		t.Fatalf("Paths() diagnostics: %q", diagStrings(diags))
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link.tf is no longer a symlink (err %v)", err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("mode = %v, want 0600", got)
	}
	if got, _ := os.ReadFile(target); string(got) != "a = 1\n" {
		t.Errorf("target = %q, want %q", got, "a = 1\n")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "real")); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestPathsErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"bad.tf":   "resource \"aws_vpc\" \"main\" {\n  cidr_block = \n}\n",
		"good.tf":  "a=1\n",
		"notes.md": "# notes\n",
	})
	t.Chdir(dir)
	var out bytes.Buffer
	changed, diags := Paths(Options{List: true, Write: true, Stdout: &out}, []string{"missing", "notes.md", "."})
	want := []string{
		`No file or directory: There is no file or directory at "missing".`,
		`Unsupported file type: Only .tf, .tfvars and .hcl files can be formatted, and "notes.md" is none of them.`,
		"bad.tf:2: Invalid expression: Expected the start of an expression, but found an invalid expression token.",
	}
	if diff := cmp.Diff(want, diagStrings(diags)); diff != "" {
		t.Errorf("Paths() diagnostics mismatch (-want +got):\n%s", diff)
	}
	// The other files are still processed; the broken one is untouched.
	if !changed || out.String() != "good.tf\n" {
		t.Errorf("Paths() = %v with output %q, want true and %q", changed, out.String(), "good.tf\n")
	}
	tree := readTree(t, dir)
	if tree["bad.tf"] != "resource \"aws_vpc\" \"main\" {\n  cidr_block = \n}\n" || tree["good.tf"] != "a = 1\n" {
		t.Errorf("files after Paths(): %q", tree)
	}
}

type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestPathsStdin(t *testing.T) {
	const unformatted = "locals {\na = \"${var.x}\"\n}\n"
	const formatted = "locals {\n  a = var.x\n}\n"
	tests := map[string]struct {
		opts        Options
		stdin       string
		wantChanged bool
		wantOut     string
		wantDiags   []string
	}{
		"formatted text to stdout, ignoring list and write": {
			opts:        Options{List: true, Write: true},
			stdin:       unformatted,
			wantChanged: true,
			wantOut:     formatted,
		},
		"diff": {
			opts:        Options{Diff: true},
			stdin:       unformatted,
			wantChanged: true,
			wantOut:     "--- old/<stdin>\n+++ new/<stdin>\n@@ -1,3 +1,3 @@\n locals {\n-a = \"${var.x}\"\n+  a = var.x\n }\n",
		},
		"check prints nothing": {
			opts:        Options{Check: true, List: true},
			stdin:       unformatted,
			wantChanged: true,
		},
		"already formatted": {
			opts:    Options{List: true},
			stdin:   formatted,
			wantOut: formatted,
		},
		"syntax error": {
			opts:      Options{},
			stdin:     "locals {\n",
			wantDiags: []string{"<stdin>:1: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file."},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			tt.opts.Stdout = &out
			tt.opts.Stdin = strings.NewReader(tt.stdin)
			changed, diags := Paths(tt.opts, []string{"-"})
			if diff := cmp.Diff(tt.wantDiags, diagStrings(diags)); diff != "" {
				t.Errorf("Paths() diagnostics mismatch (-want +got):\n%s", diff)
			}
			if changed != tt.wantChanged {
				t.Errorf("Paths() changed = %v, want %v", changed, tt.wantChanged)
			}
			if diff := cmp.Diff(tt.wantOut, out.String()); diff != "" {
				t.Errorf("Paths() output mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPathsOutputErrors(t *testing.T) {
	_, diags := Paths(Options{}, []string{"-"})
	if diff := cmp.Diff([]string{`No standard input: The path "-" reads standard input, but none is available.`}, diagStrings(diags)); diff != "" {
		t.Errorf("nil Stdin: diagnostics mismatch (-want +got):\n%s", diff)
	}
	_, diags = Paths(Options{Stdin: strings.NewReader("a=1\n"), Stdout: errWriter{}}, []string{"-"})
	if diff := cmp.Diff([]string{"Cannot write output: Cannot write to standard output: broken pipe."}, diagStrings(diags)); diff != "" {
		t.Errorf("failing Stdout: diagnostics mismatch (-want +got):\n%s", diff)
	}
}
