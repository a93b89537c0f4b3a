package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationKMSKeyMissing: research S3REPL-007. Replicating
// SSE-KMS-encrypted objects needs the destination's replica KMS key.
var awsS3ReplicationKMSKeyMissing = &Rule{
	ID:       "aws_s3_replication_kms_key_missing",
	Summary:  "SSE-KMS objects are replicated without a replica KMS key",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			for _, r := range replicationRules(rc) {
				if r.GetString("source_selection_criteria", 0, "sse_kms_encrypted_objects", 0, "status") != "Enabled" {
					continue
				}
				if !r.Lacks("destination[0].encryption_configuration") {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Replica KMS key missing",
					Detail:  fmt.Sprintf("Rule %d of %s replicates SSE-KMS-encrypted objects, but its destination has no encryption_configuration with replica_kms_key_id; S3 rejects the rule. Add destination { encryption_configuration { replica_kms_key_id = <key ARN in the destination Region> } }.", r.Index+1, rc.Addr),
					Subject: rc.Ranges(r.Path("source_selection_criteria[0].sse_kms_encrypted_objects[0].status")).Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
