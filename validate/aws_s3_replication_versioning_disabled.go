package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsS3ReplicationVersioningDisabled: research S3REPL-001. Both the source
// and the destination buckets of replication must have versioning
// enabled.
var awsS3ReplicationVersioningDisabled = &Rule{
	ID:       "aws_s3_replication_versioning_disabled",
	Summary:  "A replication source or destination bucket in the configuration does not enable versioning",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		report := func(rc *config.Instance, path string, bucket *config.Instance, role string) {
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Replication without versioning",
				Detail: fmt.Sprintf("%s replicates with %s as its %s, but the configuration does not enable versioning on that bucket. S3 replication requires versioning on both the source and the destination bucket; add an aws_s3_bucket_versioning for %s with versioning_configuration { status = \"Enabled\" }.",
					rc.Addr, bucket.Addr, role, bucket.Addr),
				Subject: rc.Ranges(path).Expr.Ptr(),
			})
		}
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			if src := rc.Link("bucket"); src != nil && versioningProvenOff(in.Model, src) {
				report(rc, "bucket", src, "source")
			}
			rules, ok := nested(rc, "rule")
			if !ok {
				continue
			}
			for i := 0; i < rules.LengthInt(); i++ {
				path := fmt.Sprintf("rule[%d].destination[0].bucket", i)
				if dst := rc.Link(path); dst != nil && versioningProvenOff(in.Model, dst) {
					report(rc, path, dst, "destination")
				}
			}
		}
		return diags
	},
}

// versioningProvenOff reports whether the configuration proves that a
// bucket does not enable versioning: no aws_s3_bucket_versioning names it
// with status Enabled, none names it with an unknown status, none is
// missing from the model (a block with an unknown count or for_each), and
// the deprecated inline versioning block does not enable it.
func versioningProvenOff(m *config.Model, bucket *config.Instance) bool {
	if unexpanded(m, schema.TypeS3BucketVersioning) {
		return false
	}
	for _, v := range referrers(bucket, schema.TypeS3BucketVersioning, "bucket") {
		status, ok := nested(v, "versioning_configuration", 0, "status")
		if !ok {
			return false
		}
		if status.AsString() == "Enabled" {
			return false
		}
	}
	if inline, ok := nested(bucket, "versioning", 0, "enabled"); ok && inline.True() {
		return false
	}
	if v := bucket.Attr("versioning"); v != cty.NilVal && !v.IsWhollyKnown() {
		return false
	}
	return true
}
