package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketPolicy is aws_s3_bucket_policy.
var S3BucketPolicy = managed(TypeS3BucketPolicy,
	"The resource policy attached to an S3 bucket.",
	map[string]*Attribute{
		"bucket": bucketName("The name of the bucket."),
		"policy": required(cty.String, "The bucket policy JSON document."),
	},
	nil,
	true)
