package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationCrossAccountPolicyMissing: research S3REPL-005. A
// destination in another account must grant the replication role
// s3:ReplicateObject and s3:ReplicateDelete in its bucket policy. The rule
// reads the bucket policy only when the configuration declares one.
var awsS3ReplicationCrossAccountPolicyMissing = &Rule{
	ID:       "aws_s3_replication_cross_account_policy_missing",
	Summary:  "A cross-account destination's bucket policy does not grant the replication role",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			role := rc.Link("role")
			src := rc.Link("bucket")
			if role == nil || src == nil || src.Account == "" {
				continue
			}
			principal := rolePrincipal(role)
			if principal == nil {
				continue
			}
			for _, r := range replicationRules(rc) {
				path := r.Path("destination[0].bucket")
				dst := rc.Link(path)
				if dst == nil || dst.Account == "" || dst.Account == src.Account {
					continue
				}
				docs, declared, known := bucketPolicies(in.Model, dst)
				arn, okARN := bucketARN(dst)
				if !declared || !known || !okARN {
					continue
				}
				objects := arn + "/*"
				var missing []string
				for _, a := range []string{"s3:ReplicateObject", "s3:ReplicateDelete"} {
					if !policydoc.GrantsAny(docs, policydoc.Request{Action: a, Resource: objects, Principal: principal}) {
						missing = append(missing, a)
					}
				}
				if len(missing) == 0 {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Destination bucket policy does not grant the replication role",
					Detail:  fmt.Sprintf("Rule %d of %s replicates to %s in account %s, but that bucket's policy does not allow %v for the replication role %s; cross-account replication fails. Add a statement allowing s3:ReplicateObject and s3:ReplicateDelete on %s for that role.", r.Index+1, rc.Addr, dst.Addr, dst.Account, missing, principal.ID, objects),
					Subject: rc.Ranges(path).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
