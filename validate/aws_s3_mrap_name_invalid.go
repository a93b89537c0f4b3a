package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsS3MRAPNameInvalid: research MRAP-001. A Multi-Region Access Point
// name has 3 to 50 lowercase letters, digits and hyphens, with no hyphen
// first or last.
var awsS3MRAPNameInvalid = &Rule{
	ID:       "aws_s3_mrap_name_invalid",
	Summary:  "A Multi-Region Access Point name breaks the naming rules",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			v, ok := nested(inst, "details", 0, "name")
			if !ok || v.Type() != cty.String {
				continue
			}
			name := v.AsString()
			if problem := mrapNameRules.problem(name); problem != "" {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Invalid Multi-Region Access Point name",
					Detail: fmt.Sprintf("The name %q of %s is not a valid Multi-Region Access Point name: %s. The name has 3 to 50 lowercase letters, digits and hyphens and starts and ends with a letter or digit; it cannot be changed later, so choose one such as \"reports\".",
						name, inst.Addr, problem),
					Subject: inst.Ranges("details[0].name").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
