package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationKMSKeyRegionMismatch: research S3REPL-007. The replica
// KMS key must be in the destination bucket's Region; S3 accepts a wrong
// one and replication then fails object by object.
var awsS3ReplicationKMSKeyRegionMismatch = &Rule{
	ID:       "aws_s3_replication_kms_key_region_mismatch",
	Summary:  "The replica KMS key is not in the destination bucket's Region",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				dst := rc.Link(r.Path("destination[0].bucket"))
				if dst == nil || dst.Region == "" {
					continue
				}
				keyPath := "destination[0].encryption_configuration[0].replica_kms_key_id"
				region := ""
				if key := rc.Link(r.Path(keyPath)); key != nil {
					region = key.Region
				} else if arn := r.GetString("destination", 0, "encryption_configuration", 0, "replica_kms_key_id"); arn != "" {
					region = arnRegion(arn)
				}
				if region == "" || region == dst.Region {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Replica KMS key in another Region",
					Detail:  fmt.Sprintf("Rule %d of %s encrypts replicas in %s (%s) with a KMS key in %s. The key must be in the destination bucket's Region; S3 accepts the configuration, then fails to replicate each encrypted object. Use a key (or a multi-Region replica key) in %s.", r.Index+1, rc.Addr, dst.Addr, dst.Region, region, dst.Region),
					Subject: rc.Ranges(r.Path(keyPath)).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}

// arnRegion returns the Region field of an ARN, or "".
func arnRegion(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[3]
}
