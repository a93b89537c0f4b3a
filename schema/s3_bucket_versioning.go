package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketVersioning is aws_s3_bucket_versioning.
var S3BucketVersioning = managed(TypeS3BucketVersioning,
	"The versioning state of an S3 bucket.",
	map[string]*Attribute{
		"bucket":                bucketName("The name of the bucket."),
		"expected_bucket_owner": expectedBucketOwner(),
		"mfa":                   optional(cty.String, "The serial number of the MFA device and its current code, separated by a space; required to change mfa_delete."),
	},
	map[string]*NestedBlock{
		"versioning_configuration": singleBlock("The versioning configuration.", Block{Attributes: map[string]*Attribute{
			"status":     required(cty.String, "The versioning state: Enabled, Suspended or Disabled (only when the bucket was never versioned)."),
			"mfa_delete": optionalComputed(cty.String, "Whether MFA delete is Enabled or Disabled."),
		}}).required(),
	},
	true)
