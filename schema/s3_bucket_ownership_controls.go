package schema

import "github.com/zclconf/go-cty/cty"

// S3BucketOwnershipControls is aws_s3_bucket_ownership_controls.
var S3BucketOwnershipControls = managed(TypeS3BucketOwnershipControls,
	"The Object Ownership setting of an S3 bucket.",
	map[string]*Attribute{
		"bucket": bucketName("The name of the bucket."),
	},
	map[string]*NestedBlock{
		"rule": singleBlock("The ownership rule.", Block{Attributes: map[string]*Attribute{
			"object_ownership": required(cty.String, "The object ownership: BucketOwnerEnforced (ACLs disabled), BucketOwnerPreferred or ObjectWriter."),
		}}).required(),
	},
	true)
