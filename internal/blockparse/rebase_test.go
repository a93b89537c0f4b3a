package blockparse

import (
	"os"
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/zclconf/go-cty/cty"
)

// TestRebaseMatchesParse parses every part of the repository's
// configuration files somewhere else (7 lines and 123 bytes further),
// moves it back with rebase, and compares it with the part parsed where it
// is; and the same with both trees prepared by exprbound.Prepare, as the
// language server's cache keeps them.
func TestRebaseMatchesParse(t *testing.T) {
	moved := 0
	for _, name := range repositoryFiles(t) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range append(split(src), split(src)...) {
			prepared := i >= len(split(src))
			want, diags := hclsyntax.ParseConfig(p.src, name, p.start)
			if diags.HasErrors() {
				continue
			}
			elsewhere := hcl.Pos{Line: p.start.Line + 7, Column: 1, Byte: p.start.Byte + 123}
			f, _ := hclsyntax.ParseConfig(p.src, name, elsewhere)
			if prepared {
				exprbound.Prepare(want.Body.(*hclsyntax.Body))
				exprbound.Prepare(f.Body.(*hclsyntax.Body))
			}
			got := rebase(f.Body.(*hclsyntax.Body), -123, -7)
			if got == nil {
				t.Errorf("%s line %d: rebase does not know a node of the part", name, p.start.Line)
				continue
			}
			if !reflect.DeepEqual(got, want.Body) {
				t.Errorf("%s line %d: the moved part differs from its parse", name, p.start.Line)
			}
			moved++
		}
	}
	if moved < 100 {
		t.Errorf("moved %d parts, want the repository's", moved)
	}
}

// TestRebaseKeepsSplatSymbols evaluates a moved splat expression: its
// symbol must still be the one its expression refers to.
func TestRebaseKeepsSplatSymbols(t *testing.T) {
	src := []byte("a = var.l[*].id\nb = var.l.*.id\n")
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.Pos{Line: 3, Column: 1, Byte: 40})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	body := rebase(f.Body.(*hclsyntax.Body), -40, -2)
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
		"l": cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("x")}), cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("y")})}),
	})}}
	want := cty.TupleVal([]cty.Value{cty.StringVal("x"), cty.StringVal("y")})
	for _, name := range []string{"a", "b"} {
		got, diags := body.Attributes[name].Expr.Value(ctx)
		if diags.HasErrors() || !got.RawEquals(want) {
			t.Errorf("%s: got %#v (%v), want %#v", name, got, diags, want)
		}
		if r := body.Attributes[name].SrcRange; r.Start.Line > 2 || r.Start.Byte > 16 {
			t.Errorf("%s: range %v not moved back", name, r)
		}
	}
}
