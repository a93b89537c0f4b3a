package schema

import "github.com/zclconf/go-cty/cty"

// S3ControlObjectLambdaAccessPointPolicy is
// aws_s3control_object_lambda_access_point_policy.
var S3ControlObjectLambdaAccessPointPolicy = func() *Resource {
	r := managed(TypeS3ControlObjectLambdaAccessPointPolicy,
		"The resource policy of an S3 Object Lambda Access Point.",
		map[string]*Attribute{
			"account_id":               s3ControlAccountID("The account that owns the Object Lambda Access Point; the provider's account when omitted."),
			"name":                     required(cty.String, "The name of the Object Lambda Access Point.").forceNew().refersTo(Ref{Type: TypeS3ControlObjectLambdaAccessPoint, Attr: "name"}),
			"policy":                   required(cty.String, "The policy JSON document."),
			"has_public_access_policy": computed(cty.Bool, "Whether the policy allows public access."),
		},
		nil,
		true)
	r.AccountAttr = "account_id"
	r.AccountIDArgs = []string{"account_id"}
	return r
}()
