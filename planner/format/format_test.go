package format

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSource(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"indent and align": {
			in:   "resource \"aws_vpc\" \"main\" {\ncidr_block = \"10.0.0.0/16\"\n  enable_dns_support = true\n}\n",
			want: "resource \"aws_vpc\" \"main\" {\n  cidr_block         = \"10.0.0.0/16\"\n  enable_dns_support = true\n}\n",
		},
		"interpolation only is unwrapped": {
			in:   "locals {\n  a = \"${var.x}\"\n  b = \"${var.x}-suffix\"\n}\n",
			want: "locals {\n  a = var.x\n  b = \"${var.x}-suffix\"\n}\n",
		},
		"formatted input unchanged": {
			in:   "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n",
			want: "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := Source([]byte(tc.in), "main.tf")
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("Source() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSourceSyntaxError(t *testing.T) {
	if _, diags := Source([]byte("resource \"aws_vpc\" \"m\" {\n"), "bad.tf"); !diags.HasErrors() {
		t.Error("got no error for an unclosed block")
	}
}

func TestPathsCheckListDiff(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "main.tf")
	src := "resource \"aws_vpc\" \"main\" {\ncidr_block = \"10.0.0.0/16\"\n}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	changed, diags := Paths(Options{List: true, Diff: true, Check: true, Write: true, Stdout: &out}, []string{dir})
	if diags.HasErrors() || !changed {
		t.Fatalf("Paths() = %v, %v; want changed, no errors", changed, diags)
	}
	want := path + "\n--- old/" + filepath.ToSlash(path) + "\n+++ new/" + filepath.ToSlash(path) + "\n@@ -1,3 +1,3 @@\n resource \"aws_vpc\" \"main\" {\n-cidr_block = \"10.0.0.0/16\"\n+  cidr_block = \"10.0.0.0/16\"\n }\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
	if got, _ := os.ReadFile(path); string(got) != src {
		t.Error("-check rewrote the file")
	}
	if _, diags := Paths(Options{Write: true}, []string{dir}); diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if changed, _ := Paths(Options{Check: true}, []string{dir}); changed {
		t.Error("file still needs formatting after fmt")
	}
}
