package schema

import "github.com/zclconf/go-cty/cty"

// LambdaPermission is aws_lambda_permission, one statement of a Lambda
// function's resource policy. It cannot be updated: every argument forces
// replacement. Its id is the statement ID.
var LambdaPermission = managed(TypeLambdaPermission,
	"A statement of a Lambda function's resource policy that lets a principal invoke it.",
	map[string]*Attribute{
		"action":                   required(cty.String, "The action allowed, such as lambda:InvokeFunction.").forceNew(),
		"event_source_token":       optional(cty.String, "The Alexa Smart Home event source token.").forceNew(),
		"function_name":            required(cty.String, "The name, ARN or partial ARN of the function.").forceNew().refersTo(Ref{Type: TypeLambdaFunction, Attr: "function_name"}, arnOf(TypeLambdaFunction), idOf(TypeLambdaFunction)),
		"function_url_auth_type":   optional(cty.String, "The function URL auth type the permission applies to, AWS_IAM or NONE, for lambda:InvokeFunctionUrl.").forceNew(),
		"invoked_via_function_url": optional(cty.Bool, "Whether the permission applies only when the function is invoked through its function URL.").forceNew(),
		"principal":                required(cty.String, "The principal allowed: an AWS service, an account ID or ARN, or *.").forceNew(),
		"principal_org_id":         optional(cty.String, "The AWS Organizations ID the principal must belong to.").forceNew(),
		"qualifier":                optional(cty.String, "The version or alias of the function the permission applies to.").forceNew(),
		"source_account":           optional(cty.String, "The account ID of the source, for S3 and other services whose ARNs lack one.").forceNew(),
		"source_arn":               optional(cty.String, "The ARN of the resource allowed to invoke the function.").forceNew(),
		"statement_id":             optionalComputed(cty.String, "The statement ID; Terraform generates one when it and statement_id_prefix are omitted.").forceNew(),
		"statement_id_prefix":      optionalComputed(cty.String, "A prefix from which a unique statement ID is generated; conflicts with statement_id.").forceNew(),
	},
	nil,
	true)
