package validate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// TestRulesDoNotQuoteSensitiveValues: the rules that quote the value they
// reject say (sensitive value) instead, and suggest nothing derived from
// it, when the value comes from a sensitive variable; the findings keep
// their ids and ranges.
func TestRulesDoNotQuoteSensitiveValues(t *testing.T) {
	const src = `variable "cidr" {
  type      = string
  sensitive = true
  default   = "10.0.0.0/33"
}
variable "type" {
  type      = string
  sensitive = true
  default   = "Gatewayy"
}
variable "svc" {
  type      = string
  sensitive = true
  default   = "com.amazonaws.eu-west-1.s3x"
}
resource "aws_vpc" "a" {
  cidr_block = var.cidr
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_endpoint" "e" {
  vpc_id            = aws_vpc.b.id
  service_name      = var.svc
  vpc_endpoint_type = var.type
}
`
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	in := &Input{Model: m, Services: schema.NewServiceCatalog()}
	rules := []*Rule{awsVPCCIDRBlockInvalid, awsVPCEndpointTypeInvalid, awsVPCEndpointServiceUnknown}
	var got []string
	for _, d := range Run(in, rules, Options{}) {
		got = append(got, RuleID(d)+" "+strings.TrimPrefix(formatDiag(dir, d), "main.tf:"))
		for _, secret := range []string{"10.0.0.0/33", "Gatewayy", "s3x", "Did you mean"} {
			if strings.Contains(d.Summary+d.Detail, secret) {
				t.Errorf("%s quotes %q: %s", RuleID(d), secret, d.Detail)
			}
		}
	}
	want := []string{
		"aws_vpc_cidr_block_invalid 17:16-17:24 Invalid VPC CIDR block",
		"aws_vpc_endpoint_service_unknown 24:23-24:30 Unknown AWS service",
		"aws_vpc_endpoint_type_invalid 25:23-25:31 Invalid VPC endpoint type",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}
