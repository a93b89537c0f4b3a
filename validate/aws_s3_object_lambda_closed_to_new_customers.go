package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaClosedToNewCustomers: research OLAP-001. Since
// 2025-11-07 S3 Object Lambda is "available only to existing customers that
// are currently using the service as well as to select AWS Partner
// Network (APN) partners". Whether an account still qualifies cannot be
// checked statically, so every new Object Lambda Access Point is flagged.
var awsS3ObjectLambdaClosedToNewCustomers = &Rule{
	ID:       "aws_s3_object_lambda_closed_to_new_customers",
	Summary:  "S3 Object Lambda is closed to new customers",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			if _, exists := str(olap, "arn"); exists {
				continue // recorded in the state: not new
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "S3 Object Lambda closed to new customers",
				Detail: fmt.Sprintf("%s creates an Object Lambda Access Point, but since 2025-11-07 S3 Object Lambda is available only to accounts already using it and to select AWS Partner Network partners; for any other account the creation fails. Confirm the account qualifies (then ignore this warning with # vpcplan-ignore: aws_s3_object_lambda_closed_to_new_customers), or transform objects elsewhere, for example with a Lambda function behind Amazon API Gateway or CloudFront.",
					olap.Addr),
				Subject: olap.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
