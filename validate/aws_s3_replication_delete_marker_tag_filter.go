package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsS3ReplicationDeleteMarkerTagFilter: research S3REPL-011. Delete
// marker replication is not supported for rules whose filter uses tags.
var awsS3ReplicationDeleteMarkerTagFilter = &Rule{
	ID:       "aws_s3_replication_delete_marker_tag_filter",
	Summary:  "Delete marker replication is enabled on a rule with a tag-based filter",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if r.GetString("delete_marker_replication", 0, "status") != "Enabled" {
					continue
				}
				tagged := r.Has("filter[0].tag")
				if tags, ok := r.Get("filter", 0, "and", 0, "tags"); ok && tags.Type().IsMapType() && tags.LengthInt() > 0 {
					tagged = true
				} else if ok && !tags.Type().IsMapType() && tags.Type() != cty.DynamicPseudoType && tags.CanIterateElements() && tags.LengthInt() > 0 {
					tagged = true
				}
				if !tagged {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Delete marker replication with a tag filter",
					Detail:  fmt.Sprintf("Rule %d of %s replicates delete markers but filters objects by tag; S3 does not support delete marker replication for tag-based rules. Set delete_marker_replication { status = \"Disabled\" }, or filter by prefix only.", r.Index+1, rc.Addr),
					Subject: rc.Ranges(r.Path("delete_marker_replication[0].status")).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
