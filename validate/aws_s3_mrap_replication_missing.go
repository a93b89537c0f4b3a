package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPReplicationMissing: research MRAP-012. A Multi-Region Access
// Point routes each request to the closest bucket without looking at its
// contents, so a GET can land on a bucket that lacks the object unless
// every bucket replicates to every other. Replication is read from the
// aws_s3_bucket_replication_configuration resources (an enabled rule to a
// bucket counts, whatever its filter). Only direct rules count, as
// MRAP-012 asks for rules between the buckets themselves (two-way rules).
// The rule stays silent where a configuration's source, destination or
// status is unknown (see network.ReplicationIndex).
var awsS3MRAPReplicationMissing = &Rule{
	ID:       "aws_s3_mrap_replication_missing",
	Summary:  "A Multi-Region Access Point's buckets do not all replicate to each other",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		var index *network.ReplicationIndex
		seen := mrapSeen{}
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			bs := mrapBuckets(inst)
			if len(bs) < 2 {
				continue
			}
			if index == nil {
				index = network.NewReplicationIndex(in.Model)
				if index.Loose() {
					return diags
				}
			}
			var pairs []string
			first := -1
			for i, a := range bs {
				for j, b := range bs {
					if i == j || !index.Missing(a.Bucket, b.Bucket) {
						continue
					}
					if first < 0 {
						first = i
					}
					pairs = append(pairs, fmt.Sprintf("%s to %s", a.Bucket.Addr, b.Bucket.Addr))
				}
			}
			if first < 0 {
				continue
			}
			const shown = 6
			list := strings.Join(pairs[:min(len(pairs), shown)], ", ")
			if len(pairs) > shown {
				list += fmt.Sprintf(" and %d more", len(pairs)-shown)
			}
			if !seen.first(bs[first].Subject, bs[first].Bucket, list) {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Multi-Region Access Point buckets without replication",
				Detail: fmt.Sprintf("%s routes requests to %d buckets, but the configuration does not replicate from %s. The access point sends each request to the closest bucket without looking at its contents, so a GET can reach a bucket that lacks the object and fail with 404 Not Found. Add aws_s3_bucket_replication_configuration rules so that every bucket replicates to every other (two-way replication), ideally with Replication Time Control and replica modification sync.",
					inst.Addr, len(bs), list),
				Subject: bs[first].Subject.Ptr(),
			})
		}
		return diags
	},
}
