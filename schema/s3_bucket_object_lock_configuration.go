package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketObjectLockConfiguration is
// aws_s3_bucket_object_lock_configuration. The bucket must have been created
// with object_lock_enabled.
var S3BucketObjectLockConfiguration = managed(TypeS3BucketObjectLockConfiguration,
	"The Object Lock configuration of an S3 bucket.",
	map[string]*Attribute{
		"bucket":                bucketName("The name of the bucket."),
		"expected_bucket_owner": expectedBucketOwner(),
		"object_lock_enabled":   optional(cty.String, "Whether Object Lock is enabled; the only valid value is Enabled.").forceNew().withDefault(cty.StringVal("Enabled")),
		"token":                 optional(cty.String, "Deprecated: a token that allows Object Lock to be enabled on an existing bucket.").sensitive(),
	},
	map[string]*NestedBlock{
		"rule": singleBlock("The default retention applied to new objects.", Block{Blocks: map[string]*NestedBlock{
			"default_retention": singleBlock("The default retention period.", Block{Attributes: map[string]*Attribute{
				"mode":  optional(cty.String, "The retention mode: GOVERNANCE or COMPLIANCE."),
				"days":  optional(cty.Number, "The retention period in days; conflicts with years."),
				"years": optional(cty.Number, "The retention period in years; conflicts with days."),
			}}).required(),
		}}),
	},
	true)
