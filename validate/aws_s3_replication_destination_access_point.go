package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationDestinationAccessPoint: research S3AP-013. A replication
// destination is a bucket ARN; access point ARNs and aliases are not
// accepted there.
var awsS3ReplicationDestinationAccessPoint = &Rule{
	ID:       "aws_s3_replication_destination_access_point",
	Summary:  "A replication destination is an access point ARN or alias",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				path := r.Path("destination[0].bucket")
				dst := r.GetString("destination", 0, "bucket")
				isAP := strings.Contains(dst, ":accesspoint/") || strings.HasSuffix(dst, "-s3alias") || strings.HasSuffix(dst, ".mrap")
				for _, l := range rc.Links(path) {
					isAP = isAP || l.Addr.Resource.Type == schema.TypeS3AccessPoint
				}
				if !isAP {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Replication destination is an access point",
					Detail:  fmt.Sprintf("Rule %d of %s replicates to an access point; S3 replication takes the destination bucket's ARN (arn:aws:s3:::name), not an access point ARN or alias. Use the bucket's arn.", r.Index+1, rc.Addr),
					Subject: rc.Ranges(path).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
