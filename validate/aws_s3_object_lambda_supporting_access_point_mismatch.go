package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaSupportingAccessPointMismatch: research OLAP-002. "The
// access point must be in the same AWS Region as the objects you want to
// transform"; that it must also be in the same account is UNCONFIRMED.
var awsS3ObjectLambdaSupportingAccessPointMismatch = &Rule{
	ID:       "aws_s3_object_lambda_supporting_access_point_mismatch",
	Summary:  "The supporting access point is in another Region or account than the Object Lambda Access Point",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			ap := olapSupportingAccessPoint(olap)
			if ap == nil {
				continue
			}
			what := ""
			switch {
			case olap.Region != "" && ap.Region != "" && olap.Region != ap.Region:
				what = fmt.Sprintf("is in %s, but %s is in %s", ap.Region, olap.Addr, olap.Region)
			case olap.Account != "" && ap.Account != "" && olap.Account != ap.Account:
				what = fmt.Sprintf("belongs to account %s, but %s to account %s", ap.Account, olap.Addr, olap.Account)
			default:
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Supporting access point in another Region or account",
				Detail: fmt.Sprintf("The supporting access point %s %s. An Object Lambda Access Point uses exactly one standard access point in its own Region (and account); create the Object Lambda Access Point with the supporting access point's provider, or use an access point in the same Region.",
					ap.Addr, what),
				Subject: olap.Ranges("configuration[0].supporting_access_point").Expr.Ptr(),
			})
		}
		return diags
	},
}
