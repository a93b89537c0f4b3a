package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestApplyIgnores(t *testing.T) {
	src := `resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/8"
}

# Legacy network, kept as it is.
# vpcplan-ignore: aws_vpc_cidr_block_invalid
resource "aws_vpc" "b" {
  cidr_block = "10.0.0.0/8"
}

resource "aws_vpc" "c" {
  cidr_block = "10.0.0.0/8" // vpcplan-ignore: aws_vpc_cidr_block_invalid
}

resource "aws_vpc" "d" {
  # vpcplan-ignore: aws_vpc_cidr_block_invalid, aws_vpc_cidr_blok_overlap
  cidr_block = "10.0.0.0/16"
}
# vpcplan-ignore: aws_vpc_cidr_block_invalid
`
	f, diags := hclsyntax.ParseConfig([]byte(src), "main.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	// One finding per VPC CIDR, at the value.
	var findings hcl.Diagnostics
	for _, line := range []int{2, 8, 12, 17} {
		rng := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: line, Column: 16, Byte: lineStart(src, line) + 15}, End: hcl.Pos{Line: line, Column: 28, Byte: lineStart(src, line) + 27}}
		findings = append(findings, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid VPC CIDR block", Detail: "x.", Subject: &rng, Extra: ruleExtra{id: "aws_vpc_cidr_block_invalid"}})
	}
	known := []string{"aws_vpc_cidr_block_invalid", "aws_vpc_cidr_block_overlap"}
	got := ApplyIgnores(findings, FindIgnores(map[string]*hcl.File{"main.hcl": f}), known)
	var lines []string
	for _, d := range got {
		lines = append(lines, d.Subject.String()+" "+d.Summary+": "+d.Detail)
	}
	want := []string{
		"main.hcl:2,16-28 Invalid VPC CIDR block: x.",
		`main.hcl:16,3-74 Unknown rule in ignore comment: No rule has the id "aws_vpc_cidr_blok_overlap", so the comment suppresses nothing. Did you mean "aws_vpc_cidr_block_overlap"?`,
		"main.hcl:19,1-45 Ignore comment applies to nothing: An ignore comment applies to the block or attribute on the line below it, or on its own line; none is there. Move the comment directly above the block or attribute whose diagnostics it should suppress.",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("ApplyIgnores mismatch (-want +got):\n%s", diff)
	}
}

func TestUnusedIgnore(t *testing.T) {
	src := "# vpcplan-ignore: aws_vpc_cidr_block_invalid\nresource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n"
	f, _ := hclsyntax.ParseConfig([]byte(src), "main.hcl", hcl.InitialPos)
	got := ApplyIgnores(nil, FindIgnores(map[string]*hcl.File{"main.hcl": f}), []string{"aws_vpc_cidr_block_invalid"})
	if len(got) != 1 || got[0].Summary != "Unused ignore comment" || got[0].Severity != hcl.DiagWarning {
		t.Fatalf("got %v, want one Unused ignore comment warning", got)
	}
	if got[0].Subject.Start.Line != 1 {
		t.Errorf("warning on line %d, want the comment's line 1", got[0].Subject.Start.Line)
	}
}

func lineStart(src string, line int) int {
	n := 1
	for i, c := range src {
		if n == line {
			return i
		}
		if c == '\n' {
			n++
		}
	}
	return len(src)
}
