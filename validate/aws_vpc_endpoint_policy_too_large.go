package validate

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPolicyTooLarge: research VPCE-GW-010 (and VPCE-IF-017 for
// interface endpoints). "Characters per VPC endpoint policy: 20,480", white
// space included; the quota cannot be raised. The policy is measured in
// characters (Unicode code points) as evaluated, whether it is the
// endpoint's policy argument or an aws_vpc_endpoint_policy.
var awsVPCEndpointPolicyTooLarge = &Rule{
	ID:       "aws_vpc_endpoint_policy_too_large",
	Summary:  "A VPC endpoint policy exceeds 20,480 characters",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		const limit = 20480
		var diags hcl.Diagnostics
		check := func(inst *config.Instance) {
			p, ok := str(inst, "policy")
			if !ok {
				return
			}
			if n := utf8.RuneCountInString(p); n > limit {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Endpoint policy too large",
					Detail: fmt.Sprintf("The policy of %s is %s characters long; AWS accepts at most %s characters per VPC endpoint policy, white space included, and the quota cannot be raised. Shorten it: use wildcards in resources, merge statements, or use jsonencode() or the minified_json of aws_iam_policy_document to drop the white space.",
						inst.Addr, thousands(n), thousands(limit)),
					Subject: inst.Ranges("policy").Expr.Ptr(),
				})
			}
		}
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			check(e)
		}
		for _, p := range in.Model.OfType(schema.TypeVPCEndpointPolicy) {
			check(p)
		}
		return diags
	},
}
