package schema

import "github.com/zclconf/go-cty/cty"

// Helpers shared by the S3, S3 Control, IAM, KMS and Lambda schemas. Like
// builders.go, each returns fresh values, so that the modifiers called on one
// type's attribute never change another's.

// bucketRefs are the attributes of aws_s3_bucket that hold the bucket name:
// its id and its bucket argument.
func bucketRefs() []Ref {
	return []Ref{idOf(TypeS3Bucket), {Type: TypeS3Bucket, Attr: "bucket"}}
}

// bucketName is the "bucket" argument of the bucket-level configuration
// resources (aws_s3_bucket_versioning and the like): the name of the bucket,
// required, and replacing the resource when it changes.
func bucketName(desc string) *Attribute {
	return required(cty.String, desc).forceNew().refersTo(bucketRefs()...)
}

// expectedBucketOwner is the optional account check the bucket-level
// configuration resources send with every request.
func expectedBucketOwner() *Attribute {
	return optional(cty.String, "The account ID of the expected bucket owner; requests fail if the bucket belongs to another account.").forceNew()
}

// s3ControlAccountID is the optional, computed account_id of the S3 Control
// types, which defaults to the account of the provider's credentials.
func s3ControlAccountID(desc string) *Attribute {
	return optionalComputed(cty.String, desc).forceNew()
}

// publicAccessBlockAttrs are the four Block Public Access switches. On the
// access point types they are ForceNew and default to true; on
// aws_s3_bucket_public_access_block they are updatable and default to false.
func publicAccessBlockAttrs(forceNew bool, def bool) map[string]*Attribute {
	attrs := map[string]*Attribute{
		"block_public_acls":       optional(cty.Bool, "Whether S3 rejects requests that set a public ACL on the resource or its objects.").withDefault(cty.BoolVal(def)),
		"block_public_policy":     optional(cty.Bool, "Whether S3 rejects a resource policy that grants public access.").withDefault(cty.BoolVal(def)),
		"ignore_public_acls":      optional(cty.Bool, "Whether S3 ignores every public ACL on the resource and its objects.").withDefault(cty.BoolVal(def)),
		"restrict_public_buckets": optional(cty.Bool, "Whether only AWS service principals and the owner account can access the resource when it has a public policy.").withDefault(cty.BoolVal(def)),
	}
	if forceNew {
		for _, a := range attrs {
			a.forceNew()
		}
	}
	return attrs
}

// statusBlock is a nested block holding a single required status, such as a
// replication rule's delete_marker_replication.
func statusBlock(desc, statusDesc string) *NestedBlock {
	return singleBlock(desc, Block{Attributes: map[string]*Attribute{
		"status": required(cty.String, statusDesc),
	}})
}

// kmsKeyRefs are the attributes of aws_kms_key that an argument taking a key
// ID or a key ARN may name.
func kmsKeyRefs() []Ref {
	return []Ref{arnOf(TypeKMSKey), {Type: TypeKMSKey, Attr: "key_id"}, idOf(TypeKMSKey)}
}
