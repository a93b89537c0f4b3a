package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationOwnerOverrideSameAccount: research S3REPL-006. The owner
// override only matters across accounts; between buckets of one account
// it is very likely a copied block.
var awsS3ReplicationOwnerOverrideSameAccount = &Rule{
	ID:       "aws_s3_replication_owner_override_same_account",
	Summary:  "The owner override is set between buckets of the same account",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if !r.Has("destination[0].access_control_translation") {
					continue
				}
				dstAccount := r.GetString("destination", 0, "account")
				if dst := rc.Link(r.Path("destination[0].bucket")); dst != nil && dstAccount == "" {
					dstAccount = dst.Account
				}
				srcAccount := rc.Account
				if src := rc.Link("bucket"); src != nil && src.Account != "" {
					srcAccount = src.Account
				}
				if dstAccount == "" || srcAccount == "" || dstAccount != srcAccount {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Owner override within one account",
					Detail:  fmt.Sprintf("Rule %d of %s changes replica ownership to the destination account, but source and destination both belong to account %s, so the override changes nothing. Remove access_control_translation, or check that the destination is the intended (other) account.", r.Index+1, rc.Addr, srcAccount),
					Subject: rc.Ranges(r.Path("destination[0].access_control_translation[0]")).Name.Ptr(),
				})
			}
		}
		return diags
	},
}
