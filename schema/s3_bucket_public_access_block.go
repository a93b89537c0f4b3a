package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketPublicAccessBlock is aws_s3_bucket_public_access_block. Unlike an
// access point's, the bucket's switches can be changed in place and default
// to false.
var S3BucketPublicAccessBlock = managed(TypeS3BucketPublicAccessBlock,
	"The Block Public Access settings of an S3 bucket.",
	func() map[string]*Attribute {
		attrs := publicAccessBlockAttrs(false, false)
		attrs["bucket"] = bucketName("The name of the bucket.")
		attrs["skip_destroy"] = optional(cty.Bool, "Whether destroying the resource leaves the settings in place on the bucket.")
		return attrs
	}(),
	nil,
	true)
