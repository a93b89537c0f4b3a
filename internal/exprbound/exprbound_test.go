package exprbound

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// src holds every place Prepare puts a counting node, and the places it
// does not.
const src = `
a = [for x in var.l : upper(x) if x != ""]
b = {for k, v in var.m : k => [for y in v : "${k}-${y}"]...}
c = "%{for x in var.l}${x},%{endfor}"
d = "plain ${var.s} and ${var.s}"
e = "${var.s}${var.s}${var.s}${var.s}${var.s}"
f = var.l[*]
g = (var.c ? [for x in var.l : x] : []) 
`

func parse(t *testing.T) *hclsyntax.Body {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f.Body.(*hclsyntax.Body)
}

func countingNodes(e hclsyntax.Expression) int {
	n := 0
	hclsyntax.VisitAll(e, func(node hclsyntax.Node) hcl.Diagnostics {
		if _, ok := node.(*Expr); ok {
			n++
		}
		return nil
	})
	return n
}

// TestPrepare checks where counting nodes go, that a second Prepare
// changes nothing, that walks still see every reference, and that counts
// finds exactly the expressions holding a counting node.
func TestPrepare(t *testing.T) {
	body := parse(t)
	plain := parse(t)
	Prepare(body)
	want := map[string]int{
		"a": 2,         // collection and value
		"b": 2 + 2 + 2, // both fors, and the template's two parts inside a for
		"c": 4,         // the directive's for, its tuple, and its body's part
		"d": 0,         // two interpolations outside any for
		"e": 5,         // more than maxPlainParts interpolations
		"f": 0,
		"g": 2,
	}
	for name, n := range want {
		expr := body.Attributes[name].Expr
		if got := countingNodes(expr); got != n {
			t.Errorf("%s: %d counting nodes, want %d", name, got, n)
		}
		if got := counts(expr); got != (n > 0) {
			t.Errorf("%s: counts = %v, want %v", name, got, n > 0)
		}
		if got, want := expr.Variables(), plain.Attributes[name].Expr.Variables(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: variables %v, want %v", name, got, want)
		}
		if got, want := expr.Range(), plain.Attributes[name].Expr.Range(); got != want {
			t.Errorf("%s: range %v, want %v", name, got, want)
		}
	}
	again := parse(t)
	Prepare(again)
	Prepare(again)
	if !reflect.DeepEqual(again, body) {
		t.Error("a second Prepare changed the tree")
	}
}

// TestScope evaluates the prepared expressions in a context with a budget
// and without one: the values are those of the unprepared tree; a budget
// of 3 elements stops the first for expression with one error.
func TestScope(t *testing.T) {
	vars := map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
		"l": cty.ListVal([]cty.Value{cty.StringVal("p"), cty.StringVal("q")}),
		"m": cty.MapVal(map[string]cty.Value{"k": cty.ListVal([]cty.Value{cty.StringVal("r")})}),
		"s": cty.StringVal("s"),
		"c": cty.True,
	})}
	plain := parse(t)
	body := parse(t)
	Prepare(body)
	funcs := map[string]function.Function{"upper": stdlib.UpperFunc}
	ctx := &hcl.EvalContext{Variables: vars, Functions: funcs}
	for name, a := range body.Attributes {
		want, wantDiags := plain.Attributes[name].Expr.Value(ctx)
		got, diags := a.Expr.Value(Scope(ctx, a.Expr, bounds.Defaults()))
		if diags.HasErrors() || wantDiags.HasErrors() || !got.RawEquals(want) {
			t.Errorf("%s: got %#v (%v), want %#v (%v)", name, got, diags, want, wantDiags)
		}
	}
	b := &Budget{maxElements: 3, maxBytes: 1 << 20}
	big := &hcl.EvalContext{Functions: funcs, Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
		"l": cty.ListVal([]cty.Value{cty.StringVal("1"), cty.StringVal("2"), cty.StringVal("3"), cty.StringVal("4"), cty.StringVal("5")}),
	})}}
	small := big.NewChild()
	small.Variables = map[string]cty.Value{budgetVar: cty.CapsuleVal(budgetType, b)}
	v, diags := body.Attributes["a"].Expr.Value(small)
	if len(diags) != 1 || diags[0].Summary != "Expression too large" || v.IsWhollyKnown() {
		t.Fatalf("got %#v, %v; want one error and an unknown element", v, diags)
	}
	if r := diags[0].Subject; r == nil || r.Start.Line != 2 || r.Start.Column != 5 {
		t.Errorf("subject %v, want the for expression at 2,5", r)
	}
	if !strings.Contains(diags[0].Detail, "elements per expression bound of 3 (raise it with -max-elements=N)") {
		t.Errorf("detail %q does not name the bound", diags[0].Detail)
	}
}

// TestCountsAllocatesNothing: counts runs for every evaluation of every
// argument, so it must not allocate on hclsyntax's node types.
func TestCountsAllocatesNothing(t *testing.T) {
	body := parse(t)
	Prepare(body)
	for _, name := range []string{"a", "b", "d", "g"} {
		expr := body.Attributes[name].Expr
		if n := testing.AllocsPerRun(100, func() { counts(expr) }); n != 0 {
			t.Errorf("%s: counts allocates %v times", name, n)
		}
	}
}
