package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestParseConfig(t *testing.T) {
	rules := []*Rule{{ID: "aws_vpc_cidr_block_invalid"}, {ID: "aws_vpc_endpoint_interface_no_subnets"}}
	tests := map[string]struct {
		src          string
		wantDisabled map[string]bool
		wantSeverity map[string]hcl.DiagnosticSeverity
		wantDiags    []string
	}{
		"disable and override": {
			src:          "rule \"aws_vpc_endpoint_interface_no_subnets\" {\n  enabled = false\n}\nrule \"aws_vpc_cidr_block_invalid\" {\n  severity = \"warning\"\n}\n",
			wantDisabled: map[string]bool{"aws_vpc_endpoint_interface_no_subnets": true},
			wantSeverity: map[string]hcl.DiagnosticSeverity{"aws_vpc_cidr_block_invalid": hcl.DiagWarning},
		},
		"unknown rule": {
			src:          "rule \"aws_vpc_cidr_blok_invalid\" {\n  enabled = false\n}\n",
			wantDisabled: map[string]bool{},
			wantSeverity: map[string]hcl.DiagnosticSeverity{},
			wantDiags:    []string{`.vpcplan.hcl:1,6-33: Unknown rule; No rule has the id "aws_vpc_cidr_blok_invalid". Did you mean "aws_vpc_cidr_block_invalid"?`},
		},
		"bad severity": {
			src:          "rule \"aws_vpc_cidr_block_invalid\" {\n  severity = \"fatal\"\n}\n",
			wantDisabled: map[string]bool{},
			wantSeverity: map[string]hcl.DiagnosticSeverity{},
			wantDiags:    []string{`.vpcplan.hcl:1,6-34: Invalid rule severity; The severity of aws_vpc_cidr_block_invalid is "fatal"; it must be "error" or "warning".`},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			opts, _, diags := ParseConfig([]byte(tc.src), ConfigFileName, rules)
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff(tc.wantDiags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantDisabled, opts.Disabled); diff != "" {
				t.Errorf("disabled (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantSeverity, opts.Severity); diff != "" {
				t.Errorf("severity (-want +got):\n%s", diff)
			}
		})
	}
}
