package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaFunctionPermissionMissing: research OLAP-006. The
// function's execution role needs s3-object-lambda:WriteGetObjectResponse
// (the AWS managed AmazonS3ObjectLambdaExecutionRolePolicy grants it). The
// rule fires only when the configuration declares the role's policies.
var awsS3ObjectLambdaFunctionPermissionMissing = &Rule{
	ID:       "aws_s3_object_lambda_function_permission_missing",
	Summary:  "The Object Lambda function's role does not allow s3-object-lambda:WriteGetObjectResponse",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			for _, fn := range olapFunctions(olap) {
				role := fn.Link("role")
				if role == nil {
					continue
				}
				docs, declared, known := rolePolicies(in.Model, role)
				if !declared || !known || policydoc.GrantsAny(docs, policydoc.Request{Action: "s3-object-lambda:WriteGetObjectResponse"}) {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Object Lambda function cannot write responses",
					Detail:  fmt.Sprintf("%s transforms objects with %s, whose role %s is not allowed s3-object-lambda:WriteGetObjectResponse by the policies the configuration gives it, so every transformed request fails. Attach the AWS managed policy arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy, or allow that action.", olap.Addr, fn.Addr, role.Addr),
					Subject: fn.Ranges("role").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
