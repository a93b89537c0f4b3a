package schema

import "github.com/zclconf/go-cty/cty"

// S3ControlAccessPointPolicy is aws_s3control_access_point_policy, the
// standalone form of aws_s3_access_point's policy (use one, not both).
var S3ControlAccessPointPolicy = managed(TypeS3ControlAccessPointPolicy,
	"The resource policy of an S3 access point.",
	map[string]*Attribute{
		"access_point_arn":         required(cty.String, "The ARN of the access point.").forceNew().refersTo(arnOf(TypeS3AccessPoint)),
		"policy":                   required(cty.String, "The access point policy JSON document."),
		"has_public_access_policy": computed(cty.Bool, "Whether the policy allows public access."),
	},
	nil,
	true)
