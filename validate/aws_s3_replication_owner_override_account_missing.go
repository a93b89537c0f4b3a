package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationOwnerOverrideAccountMissing: research S3REPL-006. The
// owner override (access_control_translation) requires the destination
// account.
var awsS3ReplicationOwnerOverrideAccountMissing = &Rule{
	ID:       "aws_s3_replication_owner_override_account_missing",
	Summary:  "access_control_translation is set without destination.account",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if !r.Has("destination[0].access_control_translation") {
					continue
				}
				if _, ok := r.Get("destination", 0, "account"); ok || rc.Ranges(r.Path("destination[0].account")).Found {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Owner override without destination account",
					Detail:  fmt.Sprintf("Rule %d of %s changes replica ownership (access_control_translation) but does not name the destination account; S3 rejects the configuration. Set destination.account to the destination bucket owner's account ID.", r.Index+1, rc.Addr),
					Subject: rc.Ranges(r.Path("destination[0].access_control_translation[0]")).Name.Ptr(),
				})
			}
		}
		return diags
	},
}
