package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaNameInvalid: research OLAP-011 (access point naming
// rules; the exact length limit is UNCONFIRMED).
var awsS3ObjectLambdaNameInvalid = &Rule{
	ID:       "aws_s3_object_lambda_name_invalid",
	Summary:  "An Object Lambda Access Point name breaks the access point naming rules",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			name, ok := str(olap, "name")
			if !ok {
				continue
			}
			if problem := olapNameRules.problem(name); problem != "" {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Invalid Object Lambda Access Point name",
					Detail: fmt.Sprintf("The name %q of %s is invalid: %s. Object Lambda Access Point names follow the access point rules: %d to %d lowercase letters, digits and hyphens, starting and ending with a letter or digit, and not ending in --ol-s3.",
						name, olap.Addr, problem, olapNameRules.min, olapNameRules.max),
					Subject: olap.Ranges("name").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
