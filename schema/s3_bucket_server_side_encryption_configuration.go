package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketSSEConfiguration is
// aws_s3_bucket_server_side_encryption_configuration.
var S3BucketSSEConfiguration = managed(TypeS3BucketSSEConfiguration,
	"The default server-side encryption of an S3 bucket.",
	map[string]*Attribute{
		"bucket":                bucketName("The name of the bucket."),
		"expected_bucket_owner": expectedBucketOwner(),
	},
	map[string]*NestedBlock{
		"rule": setBlock(1, 0, "A server-side encryption rule.", Block{
			Attributes: map[string]*Attribute{
				"bucket_key_enabled":       optional(cty.Bool, "Whether S3 Bucket Keys are used for SSE-KMS, reducing calls to KMS."),
				"blocked_encryption_types": optionalComputed(cty.List(cty.String), "Encryption types that uploads may not use, such as SSE-C, or NONE to block none."),
			},
			Blocks: map[string]*NestedBlock{
				"apply_server_side_encryption_by_default": singleBlock("The encryption applied to new objects that specify none.", Block{Attributes: map[string]*Attribute{
					"sse_algorithm":     required(cty.String, "The server-side encryption algorithm: AES256, aws:kms or aws:kms:dsse."),
					"kms_master_key_id": optional(cty.String, "The KMS key ID or ARN for SSE-KMS; the AWS managed key aws/s3 when omitted.").refersTo(kmsKeyRefs()...),
				}}),
			},
		}),
	},
	true)
