package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationObjectLockMismatch: research S3REPL-008. When the source
// bucket has Object Lock, every destination must have Object Lock too.
var awsS3ReplicationObjectLockMismatch = &Rule{
	ID:       "aws_s3_replication_object_lock_mismatch",
	Summary:  "The source bucket has Object Lock and a destination does not",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			src := rc.Link("bucket")
			if src == nil {
				continue
			}
			if on, known := objectLock(in.Model, src); !known || !on {
				continue
			}
			for _, r := range replicationRules(rc) {
				path := r.Path("destination[0].bucket")
				dst := rc.Link(path)
				if dst == nil {
					continue
				}
				if on, known := objectLock(in.Model, dst); !known || on {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Object Lock missing on the replication destination",
					Detail:  fmt.Sprintf("%s replicates %s, which has Object Lock, to %s, which does not. S3 requires Object Lock on every destination of a bucket with Object Lock; create %s with object_lock_enabled = true (this replaces the bucket).", rc.Addr, src.Addr, dst.Addr, dst.Addr),
					Subject: rc.Ranges(path).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}

// objectLock reports whether a bucket enables Object Lock: the
// object_lock_enabled argument, or the deprecated inline block. An
// argument not written means no Object Lock, unless an
// aws_s3_bucket_object_lock_configuration names the bucket or may name it
// (a block with an unknown count or for_each): AWS enables Object Lock on
// an existing versioned bucket through that configuration, so the model
// cannot tell.
func objectLock(m *config.Model, b *config.Instance) (on, known bool) {
	on, known = bucketObjectLock(b)
	if known && !on && (unexpanded(m, schema.TypeS3BucketObjectLockConfiguration) ||
		len(referrers(b, schema.TypeS3BucketObjectLockConfiguration, "bucket")) > 0) {
		return false, false
	}
	return on, known
}

// bucketObjectLock is objectLock from the bucket's own arguments.
func bucketObjectLock(b *config.Instance) (on, known bool) {
	if v, ok := boolAttr(b, "object_lock_enabled"); ok {
		return v, true
	}
	if configured(b, "object_lock_enabled") {
		return false, false
	}
	if s, ok := nested(b, "object_lock_configuration", 0, "object_lock_enabled"); ok {
		return s.AsString() == "Enabled", true
	}
	return false, !b.Ranges("object_lock_configuration[0]").Found
}
