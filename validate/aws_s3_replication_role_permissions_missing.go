package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// replicationActions are the actions a replication role needs (research
// S3REPL-003), and replicationKMSActions those for SSE-KMS objects
// (S3REPL-007).
var (
	replicationActions = []string{
		"s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication",
		"s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging",
		"s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags",
	}
	replicationKMSActions = []string{"kms:Decrypt", "kms:Encrypt"}
)

// awsS3ReplicationRolePermissionsMissing: research S3REPL-003/007. When the
// configuration gives the replication role its policies, together they
// grant every replication action. Resources are not checked (an action
// granted on any resource counts), so the rule never fires on a scoping
// choice it cannot judge.
var awsS3ReplicationRolePermissionsMissing = &Rule{
	ID:       "aws_s3_replication_role_permissions_missing",
	Summary:  "The replication role's policies lack an action replication needs",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			role := rc.Link("role")
			if role == nil {
				continue
			}
			docs, declared, known := rolePolicies(in.Model, role)
			if !declared || !known {
				continue
			}
			needed := append([]string(nil), replicationActions...)
			for _, r := range replicationRules(rc) {
				if r.GetString("source_selection_criteria", 0, "sse_kms_encrypted_objects", 0, "status") == "Enabled" {
					needed = append(needed, replicationKMSActions...)
					break
				}
			}
			var missing []string
			for _, a := range needed {
				if !policydoc.GrantsAny(docs, policydoc.Request{Action: a}) {
					missing = append(missing, a)
				}
			}
			if len(missing) == 0 {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Replication role lacks permissions",
				Detail:  fmt.Sprintf("%s replicates with %s, but the policies the configuration gives that role do not allow %s. Grant them in the role's policy (s3:GetReplicationConfiguration and s3:ListBucket on the source bucket, the s3:GetObjectVersion* actions on its objects, the s3:Replicate* actions on the destination's objects).", rc.Addr, role.Addr, strings.Join(missing, ", ")),
				Subject: rc.Ranges("role").Expr.Ptr(),
			})
		}
		return diags
	},
}
