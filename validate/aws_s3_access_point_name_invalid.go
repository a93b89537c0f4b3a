package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointNameInvalid: research S3AP-001. An access point name has
// 3 to 50 lowercase letters, digits and hyphens, no hyphen first or last,
// and does not end in -s3alias or -ext-s3alias (the alias suffixes).
var awsS3AccessPointNameInvalid = &Rule{
	ID:       "aws_s3_access_point_name_invalid",
	Summary:  "An S3 access point name breaks the access point naming rules",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3AccessPoint) {
			name, ok := str(inst, "name")
			if !ok {
				continue
			}
			if problem := accessPointNameRules.problem(name); problem != "" {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Invalid S3 access point name",
					Detail: fmt.Sprintf("The name %q of %s is not a valid access point name: %s. An access point name has 3 to 50 lowercase letters, digits and hyphens, starts and ends with a letter or digit, and does not end in -s3alias or -ext-s3alias; choose a name such as \"analytics-vpc\".",
						name, inst.Addr, problem),
					Subject: inst.Ranges("name").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
