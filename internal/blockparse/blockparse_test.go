package blockparse

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// sameParse fails the test unless got is what hclsyntax.ParseConfig gives
// for the whole of src: the same body and the same diagnostics.
func sameParse(t *testing.T, name string, src []byte, got *hcl.File, gotDiags hcl.Diagnostics) {
	t.Helper()
	want, wantDiags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if !reflect.DeepEqual(got.Body, want.Body) {
		gb, wb := got.Body.(*hclsyntax.Body), want.Body.(*hclsyntax.Body)
		t.Fatalf("%s: body differs from the whole file's parse:\n got range %v end %v, %d blocks, %d attributes\nwant range %v end %v, %d blocks, %d attributes",
			name, gb.SrcRange, gb.EndRange, len(gb.Blocks), len(gb.Attributes), wb.SrcRange, wb.EndRange, len(wb.Blocks), len(wb.Attributes))
	}
	if !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Fatalf("%s: diagnostics differ:\n got %v\nwant %v", name, gotDiags, wantDiags)
	}
	if string(got.Bytes) != string(src) {
		t.Fatalf("%s: File.Bytes is not the source", name)
	}
}

// repeat makes a file of n copies of block, each with its index, so that
// it splits into parts.
func repeat(block string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, block, i)
	}
	return b.String()
}

func TestParseFileMatchesWholeParse(t *testing.T) {
	const vpc = "# vpc %[1]d\nresource \"aws_vpc\" \"v%[1]d\" {\n  cidr_block = \"10.%[1]d.0.0/16\"\n  tags = {\n    Name = \"v${%[1]d}\"\n  }\n}\n\n"
	cases := map[string]string{
		"blocks":           repeat(vpc, 20),
		"no final newline": strings.TrimSuffix(repeat(vpc, 20), "\n\n"),
		"crlf":             strings.ReplaceAll(repeat(vpc, 20), "\n", "\r\n"),
		"attributes":       repeat("a%[1]d = {\n  x = 1\n}\n", 20),
		// Each of these cuts a part inside a construct, so a part fails to
		// parse and the whole file is parsed instead.
		"heredoc": repeat(vpc, 10) + "locals {\n  p = <<EOF\n}\nresource \"x\" \"y\" {\nEOF\n}\n" + repeat(vpc, 10),
		"comment": repeat(vpc, 10) + "/*\n}\n*/\n" + repeat(vpc, 10),
		"nested":  repeat(vpc, 10) + "resource \"x\" \"y\" {\n  b {\n}\n  a = 1\n}\n" + repeat(vpc, 10),
		// The same top-level attribute in two parts: the whole parse
		// reports it.
		"duplicate attribute": repeat(vpc, 10) + "a = {\n}\n" + repeat(vpc, 10) + "a = {\n}\n",
		// A syntax error: the whole file's diagnostics, exactly.
		"error":       repeat(vpc, 10) + "resource \"x\" {\n  a = \n}\n" + repeat(vpc, 10),
		"short":       repeat(vpc, 3),
		"empty":       "",
		"only braces": repeat("}\n", 20),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			f, diags := ParseFile([]byte(src), "main.tf", nil, nil)
			sameParse(t, "main.tf", []byte(src), f, diags)
		})
	}
}

// TestParseFileOnRepositoryFiles compares the parse in parts with the whole
// parse on every native-syntax file of the repository's examples and test
// data, each also repeated so that it splits into parts.
func TestParseFileOnRepositoryFiles(t *testing.T) {
	names := repositoryFiles(t)
	cut := 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range [][]byte{src, []byte(strings.Repeat(string(src)+"\n", minParts))} {
			if len(split(s)) >= minParts {
				cut++
			}
			f, diags := ParseFile(s, name, nil, nil)
			sameParse(t, name, s, f, diags)
		}
	}
	if cut < len(names) {
		t.Fatalf("only %d of %d inputs split into parts", cut, 2*len(names))
	}
}

// TestCacheReusesUnchangedParts edits one block of a file and checks that
// the next parse reuses the parts before the edit, parses the others again,
// and still equals the whole file's parse.
func TestCacheReusesUnchangedParts(t *testing.T) {
	const vpc = "resource \"aws_vpc\" \"v%[1]d\" {\n  cidr_block = \"10.%[1]d.0.0/16\"\n}\n"
	src := repeat(vpc, 40)
	c := NewCache(nil)
	f, diags := c.Parse([]byte(src), "main.tf")
	sameParse(t, "main.tf", []byte(src), f, diags)
	first := f.Body.(*hclsyntax.Body).Blocks

	edited := strings.Replace(src, `"10.20.0.0/16"`, `"10.20.0.0/8"`, 1)
	f, diags = c.Parse([]byte(edited), "main.tf")
	sameParse(t, "main.tf", []byte(edited), f, diags)
	blocks := f.Body.(*hclsyntax.Body).Blocks
	for i, b := range blocks {
		reused := b == first[i]
		if want := i < 20; reused != want {
			t.Errorf("block %d: reused %v, want %v (blocks before the edit are reused, the edited one and those after it move)", i, reused, want)
		}
	}

	// A syntax error: the whole parse's diagnostics, and the cache keeps
	// the last good parse for the fix.
	broken := strings.Replace(edited, `"10.30.0.0/16"`, ``, 1)
	_, diags = c.Parse([]byte(broken), "main.tf")
	if !diags.HasErrors() {
		t.Fatal("want the syntax error of the broken file")
	}
	f, diags = c.Parse([]byte(edited), "main.tf")
	sameParse(t, "main.tf", []byte(edited), f, diags)
	if f.Body.(*hclsyntax.Body).Blocks[39] != blocks[39] {
		t.Error("the parse before the error was not reused after it")
	}

	c.Forget("main.tf")
	f, _ = c.Parse([]byte(edited), "main.tf")
	if f.Body.(*hclsyntax.Body).Blocks[0] == blocks[0] {
		t.Error("Forget kept the file's parts")
	}
}

// repositoryFiles returns the native-syntax configuration files of the
// repository's examples and language corpus.
func repositoryFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, pattern := range []string{"../../examples/*.hcl", "../../examples/*/*.tf", "../../testdata/lang/*/*.tf"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, m...)
	}
	if len(names) < 20 {
		t.Fatalf("found %d files, want the repository's examples and test data", len(names))
	}
	return names
}
