package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationDestinationIsSource: research S3REPL-014. A rule cannot
// replicate a bucket to itself.
var awsS3ReplicationDestinationIsSource = &Rule{
	ID:       "aws_s3_replication_destination_is_source",
	Summary:  "A replication rule replicates a bucket to itself",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			src := rc.Link("bucket")
			if src == nil {
				continue
			}
			for _, r := range replicationRules(rc) {
				if dst := rc.Link(r.Path("destination[0].bucket")); dst != src {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Replication destination is the source",
					Detail:  fmt.Sprintf("Rule %d of %s replicates %s to itself; S3 rejects a destination equal to the source bucket. Point destination.bucket at another bucket's ARN.", r.Index+1, rc.Addr, src.Addr),
					Subject: rc.Ranges(r.Path("destination[0].bucket")).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
