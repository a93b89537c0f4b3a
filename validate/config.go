package validate

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/suggest"
)

// ConfigFileName is the rule configuration file vpcplan reads from the
// working directory, like tflint's .tflint.hcl.
const ConfigFileName = ".vpcplan.hcl"

type configFile struct {
	Rules []ruleConfig `hcl:"rule,block"`
}

type ruleConfig struct {
	ID       string  `hcl:"id,label"`
	Enabled  *bool   `hcl:"enabled"`
	Severity *string `hcl:"severity"`
	DefRange hcl.Range
}

// ParseConfig reads a rule configuration:
//
//	rule "aws_vpc_endpoint_interface_no_subnets" { enabled = false }
//	rule "aws_s3_access_point_quota_exceeded" { severity = "warning" }
//
// An id no rule has is an error with a suggestion. rules is the set the
// configuration may name.
func ParseConfig(src []byte, filename string, rules []*Rule) (Options, *hcl.File, hcl.Diagnostics) {
	opts := Options{Disabled: map[string]bool{}, Severity: map[string]hcl.DiagnosticSeverity{}}
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return opts, f, diags
	}
	var cf configFile
	diags = append(diags, gohcl.DecodeBody(f.Body, nil, &cf)...)
	ids := make([]string, 0, len(rules))
	known := map[string]bool{}
	for _, r := range rules {
		ids = append(ids, r.ID)
		known[r.ID] = true
	}
	sort.Strings(ids)
	blocks := f.Body.(*hclsyntax.Body).Blocks
	for i, rc := range cf.Rules {
		var labelRange hcl.Range
		if i < len(blocks) && len(blocks[i].LabelRanges) > 0 {
			labelRange = blocks[i].LabelRanges[0]
		}
		if !known[rc.ID] {
			detail := fmt.Sprintf("No rule has the id %q.", rc.ID)
			if s := suggest.Closest(rc.ID, ids); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				detail += " Run vpcplan rules to list them."
			}
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule", Detail: detail, Subject: labelRange.Ptr()})
			continue
		}
		if rc.Enabled != nil && !*rc.Enabled {
			opts.Disabled[rc.ID] = true
		}
		if rc.Severity != nil {
			switch *rc.Severity {
			case "error":
				opts.Severity[rc.ID] = hcl.DiagError
			case "warning":
				opts.Severity[rc.ID] = hcl.DiagWarning
			default:
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid rule severity", Detail: fmt.Sprintf("The severity of %s is %q; it must be \"error\" or \"warning\".", rc.ID, *rc.Severity), Subject: labelRange.Ptr()})
			}
		}
	}
	return opts, f, diags
}
