package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaFunctionLocation: research OLAP-005. "The AWS Lambda
// function that you use must be in the same AWS account and Region as the
// Object Lambda Access Point."
var awsS3ObjectLambdaFunctionLocation = &Rule{
	ID:       "aws_s3_object_lambda_function_location",
	Summary:  "The Lambda function is in another account or Region than the Object Lambda Access Point",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			for _, fn := range olapFunctions(olap) {
				what := ""
				switch {
				case olap.Region != "" && fn.Region != "" && olap.Region != fn.Region:
					what = fmt.Sprintf("is in %s, but the access point is in %s", fn.Region, olap.Region)
				case olap.Account != "" && fn.Account != "" && olap.Account != fn.Account:
					what = fmt.Sprintf("belongs to account %s, but the access point to account %s", fn.Account, olap.Account)
				default:
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Lambda function in another account or Region",
					Detail: fmt.Sprintf("The function %s that %s calls %s. S3 Object Lambda only invokes functions in the access point's own account and Region; deploy the function there.",
						fn.Addr, olap.Addr, what),
					Subject: olap.Ranges("configuration[0].transformation_configuration[*].content_transformation[0].aws_lambda[0].function_arn").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
