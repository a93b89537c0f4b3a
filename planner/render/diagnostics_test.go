package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// sampleMain has the same bytes, line for line, as the main.tf behind the
// real Terraform samples in terraform-conventions.md §3 and §6, so ranges,
// byte offsets and snippets must come out identical.
const sampleMain = `locals {
  s    = "abc"
  list = ["a", "b"]
}

resource "terraform_data" "x" {
  input = tonumber(local.s)
}

resource "terraform_data" "y" {
  input = local.list[5]
}
`

// sampleBad is the bad.tf behind the plain "Missing item separator" sample.
const sampleBad = `resource "terraform_data" "broken" {
  input = [1, 2
}
`

// terraformWidth is the width Terraform wraps to when stderr is not a
// terminal, which is how the samples were captured.
const terraformWidth = 78

// testToNumber is Terraform's tonumber, as far as signature and message go.
var testToNumber = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowDynamicType: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].Type() == cty.String {
			return cty.NilVal, function.NewArgErrorf(0, "cannot convert %q to number; given string must be a decimal representation of a number", args[0].AsString())
		}
		return args[0], nil
	},
})

// evalSample parses the files, evaluates the locals block into "local" and
// then every resource's "input" in file order, and returns the parser's
// files with every diagnostic that parsing and evaluation produced.
func evalSample(t *testing.T, srcs map[string]string) (map[string]*hcl.File, hcl.Diagnostics) {
	t.Helper()
	p := hclparse.NewParser()
	var diags hcl.Diagnostics
	var bodies []*hclsyntax.Body
	for _, name := range []string{"bad.tf", "main.tf", "main.hcl"} {
		src, ok := srcs[name]
		if !ok {
			continue
		}
		f, moreDiags := p.ParseHCL([]byte(src), name)
		diags = append(diags, moreDiags...)
		if body, ok := f.Body.(*hclsyntax.Body); ok && !moreDiags.HasErrors() {
			bodies = append(bodies, body)
		}
	}
	locals := map[string]cty.Value{}
	for _, body := range bodies {
		for _, b := range body.Blocks {
			if b.Type != "locals" {
				continue
			}
			for name, attr := range b.Body.Attributes {
				v, moreDiags := attr.Expr.Value(nil)
				diags = append(diags, moreDiags...)
				locals[name] = v
			}
		}
	}
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"local": cty.ObjectVal(locals)},
		Functions: map[string]function.Function{"tonumber": testToNumber},
	}
	for _, body := range bodies {
		for _, b := range body.Blocks {
			if attr, ok := b.Body.Attributes["input"]; ok && b.Type == "resource" {
				_, moreDiags := attr.Expr.Value(ctx)
				diags = append(diags, moreDiags...)
			}
		}
	}
	return p.Files(), diags
}

// sampleDiag returns the one diagnostic of evalSample whose summary is
// summary.
func sampleDiag(t *testing.T, srcs map[string]string, summary string) (map[string]*hcl.File, *hcl.Diagnostic) {
	t.Helper()
	files, diags := evalSample(t, srcs)
	for _, d := range diags {
		if d.Summary == summary {
			return files, d
		}
	}
	t.Fatalf("no %q diagnostic in %v", summary, diags)
	return nil, nil
}

// testExtra is a diagnostic Extra as validate and planner produce them.
type testExtra struct {
	rule, addr string
}

func (e testExtra) RuleID() string            { return e.rule }
func (e testExtra) DiagnosticAddress() string { return e.addr }

// wrappedExtra hides its value behind hcl's unwrapping convention.
type wrappedExtra struct{ inner any }

func (e wrappedExtra) UnwrapDiagnosticExtra() any { return e.inner }

type causedBy struct{ unknown, sensitive bool }

func (c causedBy) DiagnosticCausedByUnknown() bool   { return c.unknown }
func (c causedBy) DiagnosticCausedBySensitive() bool { return c.sensitive }

const vpcSrc = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/8"
  tags = {
    Name = "main"
  }
}
`

func TestDiagnosticsGolden(t *testing.T) {
	vpcFiles := func(t *testing.T) map[string]*hcl.File {
		files, _ := evalSample(t, map[string]string{"main.hcl": vpcSrc})
		return files
	}
	cidr := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 2, Column: 16, Byte: 43}, End: hcl.Pos{Line: 2, Column: 28, Byte: 55}}
	block := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 26, Byte: 25}}
	tests := map[string]struct {
		diags func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics)
		width int
	}{
		"syntax_multiline": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return evalSample(t, map[string]string{"bad.tf": sampleBad})
			},
		},
		"function_call_and_index": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return evalSample(t, map[string]string{"main.tf": sampleMain})
			},
		},
		"warning": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return vpcFiles(t), hcl.Diagnostics{{
					Severity: hcl.DiagWarning,
					Summary:  "Deprecated attribute",
					Detail:   `The attribute "tags" is deprecated. Use "default_tags" in the provider block instead.`,
					Subject:  &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 3, Column: 3, Byte: 58}, End: hcl.Pos{Line: 3, Column: 7, Byte: 62}},
				}}
			},
		},
		"no_range": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return nil, hcl.Diagnostics{
					{Severity: hcl.DiagError, Summary: "Cycle: aws_vpc.b, aws_vpc.a"},
					{Severity: hcl.DiagWarning, Summary: "Experimental feature", Detail: "Planning against a pg backend is experimental."},
				}
			},
		},
		"rule_and_address": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return vpcFiles(t), hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Invalid VPC CIDR block",
					Detail:   "A VPC CIDR block must have a prefix length between /16 and /28.",
					Subject:  &cidr,
					Context:  &block,
					Extra:    wrappedExtra{testExtra{rule: "vpc_cidr_block_invalid", addr: "aws_vpc.main"}},
				}}
			},
		},
		"source_unavailable": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				rng := cidr
				rng.Filename = "gone.hcl"
				return vpcFiles(t), hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid VPC CIDR block", Detail: "Gone.", Subject: &rng}}
			},
		},
		"wrapping": {
			width: 40,
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				return vpcFiles(t), hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "A summary that is longer than forty columns is never wrapped",
					Detail:   "The CIDR block 10.0.0.0/8 is larger than AWS allows for a VPC, so the plan cannot go on.\n\nTo use the largest block allowed, run:\n    sed -i 's|/8|/16|' main.hcl\nthen plan again.",
					Subject:  &cidr,
				}}
			},
		},
		"mixed_sorted": {
			diags: func(t *testing.T) (map[string]*hcl.File, hcl.Diagnostics) {
				files := vpcFiles(t)
				return files, hcl.Diagnostics{
					{Severity: hcl.DiagWarning, Summary: "Same place, warning", Subject: &cidr},
					{Severity: hcl.DiagError, Summary: "Same place, error", Subject: &cidr},
					{Severity: hcl.DiagError, Summary: "Earlier line", Subject: &block},
					{Severity: hcl.DiagError, Summary: "No range"},
				}
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			files, diags := tc.diags(t)
			width := tc.width
			if width == 0 {
				width = terraformWidth
			}
			for _, color := range []bool{false, true} {
				var buf bytes.Buffer
				if err := Diagnostics(&buf, files, diags, Options{Color: color, Width: width}); err != nil {
					t.Fatal(err)
				}
				mode := "plain"
				if color {
					mode = "color"
				}
				checkGolden(t, filepath.Join("diagnostics", name+"."+mode), buf.Bytes())
			}
			var buf bytes.Buffer
			if err := Compact(&buf, diags); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("diagnostics", name+".compact"), buf.Bytes())
		})
	}
}

// TestDiagnosticTerraformColorSample renders the tonumber(local.s) error
// and compares it byte for byte with Terraform's real colour output.
func TestDiagnosticTerraformColorSample(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("testdata", "diagnostics", "terraform_color_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(string(sample), "^[", "\x1b")
	files, d := sampleDiag(t, map[string]string{"main.tf": sampleMain}, "Invalid function argument")
	var buf bytes.Buffer
	if err := Diagnostic(&buf, files, d, Options{Color: true, Width: terraformWidth}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("Diagnostic() mismatch with Terraform's output (-want +got):\n%s", diff)
	}
}

// TestDiagnosticTerraformPlainSample compares two plain renderings with
// Terraform's real -no-color output, which prints an empty line before
// each diagnostic.
func TestDiagnosticTerraformPlainSample(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("testdata", "diagnostics", "terraform_plain_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	for _, c := range []struct{ file, src, summary string }{
		{"main.tf", sampleMain, "Invalid index"},
		{"bad.tf", sampleBad, "Missing item separator"},
	} {
		files, d := sampleDiag(t, map[string]string{c.file: c.src}, c.summary)
		if err := Diagnostic(&got, files, d, Options{Width: terraformWidth}); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff("\n"+string(sample), got.String()); diff != "" {
		t.Errorf("Diagnostic() mismatch with Terraform's output (-want +got):\n%s", diff)
	}
}

func TestSortDiagnostics(t *testing.T) {
	at := func(file string, line, col int) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: line, Column: col + 1}}
	}
	in := hcl.Diagnostics{
		{Severity: hcl.DiagWarning, Summary: "b.hcl 1:1 warning", Subject: at("b.hcl", 1, 1)},
		{Severity: hcl.DiagError, Summary: "a.hcl 2:5", Subject: at("a.hcl", 2, 5)},
		{Severity: hcl.DiagError, Summary: "b.hcl 1:1 error", Subject: at("b.hcl", 1, 1)},
		{Severity: hcl.DiagError, Summary: "a.hcl 2:3", Subject: at("a.hcl", 2, 3)},
		{Severity: hcl.DiagError, Summary: "a.hcl 10:1", Subject: at("a.hcl", 10, 1)},
		{Severity: hcl.DiagWarning, Summary: "no range, first"},
		{Severity: hcl.DiagWarning, Summary: "no range, second"},
		{Severity: hcl.DiagError, Summary: "b.hcl 1:1 error again", Subject: at("b.hcl", 1, 1)},
	}
	orig := append(hcl.Diagnostics(nil), in...)
	var got []string
	for _, d := range SortDiagnostics(in) {
		got = append(got, d.Summary)
	}
	want := []string{
		"no range, first", "no range, second",
		"a.hcl 2:3", "a.hcl 2:5", "a.hcl 10:1",
		"b.hcl 1:1 error", "b.hcl 1:1 error again", "b.hcl 1:1 warning",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SortDiagnostics() mismatch (-want +got):\n%s", diff)
	}
	for i := range in {
		if in[i] != orig[i] {
			t.Fatalf("SortDiagnostics() modified its argument at %d", i)
		}
	}
}

func TestCompact(t *testing.T) {
	diags := hcl.Diagnostics{
		{Severity: hcl.DiagWarning, Summary: "Deprecated attribute", Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 3, Column: 3}}},
		{Severity: hcl.DiagError, Summary: "Invalid VPC CIDR block", Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 2, Column: 16}}, Extra: testExtra{rule: "vpc_cidr_block_invalid"}},
		{Severity: hcl.DiagError, Summary: "Dependency cycle"},
	}
	want := "error: Dependency cycle\n" +
		"main.hcl:2:16: error: Invalid VPC CIDR block [vpc_cidr_block_invalid]\n" +
		"main.hcl:3:3: warning: Deprecated attribute\n"
	var buf bytes.Buffer
	if err := Compact(&buf, diags); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("Compact() mismatch (-want +got):\n%s", diff)
	}
}

// TestExpressionValues covers the statements about values, evaluating a
// real expression for each so that HCL fills Expression and EvalContext.
func TestExpressionValues(t *testing.T) {
	vars := map[string]cty.Value{
		"local": cty.ObjectVal(map[string]cty.Value{
			"s":      cty.StringVal("abc"),
			"n":      cty.NumberIntVal(42),
			"f":      cty.NumberFloatVal(0.5),
			"b":      cty.True,
			"null":   cty.NullVal(cty.String),
			"tuple":  cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}),
			"one":    cty.ListVal([]cty.Value{cty.StringVal("a")}),
			"empty":  cty.MapValEmpty(cty.String),
			"obj":    cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("x")}),
			"objs":   cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("x"), "arn": cty.StringVal("y")}),
			"unk":    cty.UnknownVal(cty.String),
			"dyn":    cty.DynamicVal,
			"unlist": cty.UnknownVal(cty.List(cty.String)).Refine().CollectionLengthLowerBound(1).CollectionLengthUpperBound(3).NewValue(),
			"secret": cty.StringVal("hunter2").Mark(funcs.SensitiveMark),
			"owned":  cty.StringVal("vpc-1").Mark("some bookkeeping mark"),
		}),
		"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal("k")}),
	}
	tests := map[string]struct {
		expr  string
		extra any
		want  []JSONExpressionValue
	}{
		"string":               {expr: `local.s + 1`, want: []JSONExpressionValue{{"local.s", `is "abc"`}}},
		"number and bool":      {expr: `local.n + local.f + local.b`, want: []JSONExpressionValue{{"local.b", "is true"}, {"local.f", "is 0.5"}, {"local.n", "is 42"}}},
		"null":                 {expr: `local.null + 1`, want: []JSONExpressionValue{{"local.null", "is null"}}},
		"tuple trimmed index":  {expr: `local.tuple[5]`, want: []JSONExpressionValue{{"local.tuple", "is tuple with 2 elements"}}},
		"collections":          {expr: `[local.one[3], local.empty["x"]]`, want: []JSONExpressionValue{{"local.empty", "is empty map of string"}, {"local.one", "is list of string with 1 element"}}},
		"objects":              {expr: `local.obj.nope + local.objs.nope`, want: []JSONExpressionValue{{"local.obj", `is object with 1 attribute "id"`}, {"local.objs", "is object with 2 attributes"}}},
		"duplicates once":      {expr: `local.s + local.s + 1`, want: []JSONExpressionValue{{"local.s", `is "abc"`}}},
		"unknown not cause":    {expr: `local.unk + local.dyn + 1`, want: []JSONExpressionValue{{"local.unk", "is a string"}}},
		"unknown cause":        {expr: `local.unk + local.dyn + 1`, extra: causedBy{unknown: true}, want: []JSONExpressionValue{{"local.dyn", "will be known only after apply"}, {"local.unk", "is a string, known only after apply"}}},
		"unknown list cause":   {expr: `local.unlist + 1`, extra: wrappedExtra{causedBy{unknown: true}}, want: []JSONExpressionValue{{"local.unlist", "is a list of string with between 1 and 3 elements, known only after apply"}}},
		"sensitive not cause":  {expr: `local.secret + 1`, want: []JSONExpressionValue{}},
		"sensitive cause":      {expr: `local.secret + 1`, extra: causedBy{sensitive: true}, want: []JSONExpressionValue{{"local.secret", "has a sensitive value"}}},
		"other marks shown":    {expr: `local.owned + 1`, want: []JSONExpressionValue{{"local.owned", `is "vpc-1"`}}},
		"root alone not shown": {expr: `each + 1`, want: []JSONExpressionValue{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := hclparse.NewParser()
			src := "x = " + tc.expr + "\n"
			f, diags := p.ParseHCL([]byte(src), "t.hcl")
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			attrs, _ := f.Body.JustAttributes()
			expr := attrs["x"].Expr
			d := &hcl.Diagnostic{
				Severity:    hcl.DiagError,
				Summary:     "Test",
				Subject:     expr.Range().Ptr(),
				Expression:  expr,
				EvalContext: &hcl.EvalContext{Variables: vars},
				Extra:       tc.extra,
			}
			got := NewJSONDiagnostic(d, p.Files())
			if got.Snippet == nil {
				t.Fatal("NewJSONDiagnostic() has no snippet")
			}
			if diff := cmp.Diff(tc.want, got.Snippet.Values); diff != "" {
				t.Errorf("Values mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewJSONDiagnostic(t *testing.T) {
	files, _ := evalSample(t, map[string]string{"main.hcl": vpcSrc})
	ctxStr := `resource "aws_vpc" "main"`
	tests := map[string]struct {
		diag *hcl.Diagnostic
		want *JSONDiagnostic
	}{
		"no subject": {
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cycle"},
			want: &JSONDiagnostic{Severity: "error", Summary: "Cycle"},
		},
		"unknown severity, rule, address": {
			diag: &hcl.Diagnostic{Summary: "Odd", Extra: wrappedExtra{wrappedExtra{testExtra{rule: "r", addr: "aws_vpc.main"}}}},
			want: &JSONDiagnostic{Severity: "unknown", Summary: "Odd", Rule: "r", Address: "aws_vpc.main"},
		},
		"source unavailable": {
			diag: &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "W", Subject: &hcl.Range{Filename: "gone.hcl", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}},
			want: &JSONDiagnostic{Severity: "warning", Summary: "W", Range: &JSONDiagnosticRange{Filename: "gone.hcl", Start: JSONPos{1, 1, 0}, End: JSONPos{1, 2, 1}}},
		},
		"empty subject is widened, unset end": {
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "E", Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 2, Column: 3, Byte: 30}}},
			want: &JSONDiagnostic{
				Severity: "error", Summary: "E",
				Range: &JSONDiagnosticRange{Filename: "main.hcl", Start: JSONPos{2, 3, 30}, End: JSONPos{2, 4, 31}},
				Snippet: &JSONDiagnosticSnippet{
					Context: &ctxStr, Code: `  cidr_block = "10.0.0.0/8"`, StartLine: 2,
					HighlightStartOffset: 2, HighlightEndOffset: 3, Values: []JSONExpressionValue{},
				},
			},
		},
		"context extends snippet": {
			diag: &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "E",
				Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 4, Column: 5, Byte: 71}, End: hcl.Pos{Line: 4, Column: 9, Byte: 75}},
				Context: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 3, Column: 3, Byte: 58}, End: hcl.Pos{Line: 5, Column: 4, Byte: 88}},
			},
			want: &JSONDiagnostic{
				Severity: "error", Summary: "E",
				Range: &JSONDiagnosticRange{Filename: "main.hcl", Start: JSONPos{4, 5, 71}, End: JSONPos{4, 9, 75}},
				Snippet: &JSONDiagnosticSnippet{
					Context: &ctxStr, Code: "  tags = {\n    Name = \"main\"\n  }", StartLine: 3,
					HighlightStartOffset: 15, HighlightEndOffset: 19, Values: []JSONExpressionValue{},
				},
			},
		},
		"no context string at top level": {
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "E", Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 9, Byte: 8}}},
			want: &JSONDiagnostic{
				Severity: "error", Summary: "E",
				Range: &JSONDiagnosticRange{Filename: "main.hcl", Start: JSONPos{1, 1, 0}, End: JSONPos{1, 9, 8}},
				Snippet: &JSONDiagnosticSnippet{
					Code: `resource "aws_vpc" "main" {`, StartLine: 1,
					HighlightStartOffset: 0, HighlightEndOffset: 8, Values: []JSONExpressionValue{},
				},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := NewJSONDiagnostic(tc.diag, files)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NewJSONDiagnostic() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if got := NewJSONDiagnostic(nil, files); got != nil {
		t.Errorf("NewJSONDiagnostic(nil) = %#v, want nil", got)
	}
}

// TestValidateJSONTerraformSample checks ValidateJSON against the real
// `terraform validate -json` output for the same main.tf: field by field,
// and then byte for byte in Terraform's indentation.
func TestValidateJSONTerraformSample(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("testdata", "diagnostics", "terraform_validate_sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, diags := evalSample(t, map[string]string{"main.tf": sampleMain})
	var got bytes.Buffer
	if err := ValidateJSON(&got, files, diags); err != nil {
		t.Fatal(err)
	}

	var wantDoc, gotDoc any
	if err := json.Unmarshal(sample, &wantDoc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got.Bytes(), &gotDoc); err != nil {
		t.Fatalf("ValidateJSON() wrote invalid JSON: %v\n%s", err, got.Bytes())
	}
	if diff := cmp.Diff(wantDoc, gotDoc); diff != "" {
		t.Errorf("ValidateJSON() mismatch with Terraform's document (-want +got):\n%s", diff)
	}

	// The sample in the reference is hand-compacted in places; Terraform
	// prints json.MarshalIndent output, which keeps key order.
	var compact, want bytes.Buffer
	if err := json.Compact(&compact, sample); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("ValidateJSON() bytes differ from Terraform's formatting (-want +got):\n%s", diff)
	}
}

func TestValidateJSON(t *testing.T) {
	tests := map[string]struct {
		diags hcl.Diagnostics
		want  string
	}{
		"valid": {
			want: "{\n  \"format_version\": \"1.0\",\n  \"valid\": true,\n  \"error_count\": 0,\n  \"warning_count\": 0,\n  \"diagnostics\": []\n}\n",
		},
		"warning only, rule, html escaped": {
			diags: hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "a -> b", Extra: testExtra{rule: "some_rule"}}},
			want: `{
  "format_version": "1.0",
  "valid": true,
  "error_count": 0,
  "warning_count": 1,
  "diagnostics": [
    {
      "severity": "warning",
      "summary": "a -\u003e b",
      "detail": "",
      "rule": "some_rule"
    }
  ]
}
`,
		},
		"cycle without range": {
			diags: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cycle: terraform_data.b, terraform_data.a"}},
			want: `{
  "format_version": "1.0",
  "valid": false,
  "error_count": 1,
  "warning_count": 0,
  "diagnostics": [
    {
      "severity": "error",
      "summary": "Cycle: terraform_data.b, terraform_data.a",
      "detail": ""
    }
  ]
}
`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ValidateJSON(&buf, nil, tc.diags); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, buf.String()); diff != "" {
				t.Errorf("ValidateJSON() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidateJSONSyntaxSample checks the multi-line snippet of a syntax
// error against the values the reference records from Terraform.
func TestValidateJSONSyntaxSample(t *testing.T) {
	files, d := sampleDiag(t, map[string]string{"bad.tf": sampleBad}, "Missing item separator")
	got := NewJSONDiagnostic(d, files)
	if got.Snippet == nil {
		t.Fatal("no snippet")
	}
	if got.Snippet.Code != "  input = [1, 2\n}" || got.Snippet.StartLine != 2 || got.Snippet.HighlightStartOffset != 16 {
		t.Errorf("snippet = code %q, start_line %d, highlight_start_offset %d; want %q, 2, 16",
			got.Snippet.Code, got.Snippet.StartLine, got.Snippet.HighlightStartOffset, "  input = [1, 2\n}")
	}
}
