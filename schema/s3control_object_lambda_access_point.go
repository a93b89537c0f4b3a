package schema

import "github.com/zclconf/go-cty/cty"

// S3ControlObjectLambdaAccessPoint is
// aws_s3control_object_lambda_access_point. It sits in front of a standard
// access point (the supporting access point) and passes GET, HEAD and LIST
// requests through a Lambda function.
var S3ControlObjectLambdaAccessPoint = func() *Resource {
	r := managed(TypeS3ControlObjectLambdaAccessPoint,
		"An S3 Object Lambda Access Point that transforms objects with a Lambda function.",
		map[string]*Attribute{
			"account_id": s3ControlAccountID("The account that owns the Object Lambda Access Point; the provider's account when omitted."),
			"name":       required(cty.String, "The name of the Object Lambda Access Point.").forceNew(),

			"alias": computed(cty.String, "The alias of the Object Lambda Access Point, ending in --ol-s3."),
			"arn":   computed(cty.String, "The ARN of the Object Lambda Access Point, arn:<partition>:s3-object-lambda:<region>:<account>:accesspoint/<name>."),
		},
		map[string]*NestedBlock{
			"configuration": singleBlock("The configuration of the Object Lambda Access Point.", Block{
				Attributes: map[string]*Attribute{
					"supporting_access_point":     required(cty.String, "The ARN of the standard access point the Object Lambda Access Point uses.").forceNew().refersTo(arnOf(TypeS3AccessPoint)),
					"allowed_features":            optional(cty.Set(cty.String), "Optional features: GetObject-Range and GetObject-PartNumber."),
					"cloud_watch_metrics_enabled": optional(cty.Bool, "Whether CloudWatch request metrics are enabled."),
				},
				Blocks: map[string]*NestedBlock{
					"transformation_configuration": setBlock(1, 0, "A transformation applied to some S3 actions.", Block{
						Attributes: map[string]*Attribute{
							"actions": required(cty.Set(cty.String), "The actions transformed: GetObject, HeadObject, ListObjects or ListObjectsV2."),
						},
						Blocks: map[string]*NestedBlock{
							"content_transformation": singleBlock("The content transformation.", Block{Blocks: map[string]*NestedBlock{
								"aws_lambda": singleBlock("The Lambda function that transforms the content.", Block{Attributes: map[string]*Attribute{
									"function_arn":     required(cty.String, "The ARN of the Lambda function, optionally qualified with a version or alias.").refersTo(arnOf(TypeLambdaFunction), Ref{Type: TypeLambdaFunction, Attr: "qualified_arn"}),
									"function_payload": optional(cty.String, "Extra JSON passed to the function with every request."),
								}}).required(),
							}}).required(),
						},
					}),
				},
			}).required(),
		},
		true)
	r.AccountAttr = "account_id"
	r.AccountIDArgs = []string{"account_id"}
	return r
}()
