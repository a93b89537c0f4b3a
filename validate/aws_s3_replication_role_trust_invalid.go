package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ReplicationRoleTrustInvalid: research S3REPL-003. The replication
// role must trust s3.amazonaws.com to assume it.
var awsS3ReplicationRoleTrustInvalid = &Rule{
	ID:       "aws_s3_replication_role_trust_invalid",
	Summary:  "The replication role cannot be assumed by s3.amazonaws.com",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		seen := map[string]bool{}
		for _, rc := range in.Model.OfType(schema.TypeS3BucketReplicationConfiguration) {
			role := rc.Link("role")
			if role == nil || seen[role.Addr.String()] {
				continue
			}
			trust, ok := parsedPolicy(role, "assume_role_policy")
			if !ok {
				continue
			}
			if trust.Grants(policydoc.Request{Action: "sts:AssumeRole", Principal: &policydoc.RequestPrincipal{Type: "Service", ID: "s3.amazonaws.com"}}) {
				continue
			}
			seen[role.Addr.String()] = true
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Replication role not trusted by S3",
				Detail:  fmt.Sprintf("%s replicates with %s, whose trust policy does not let the service s3.amazonaws.com assume it (sts:AssumeRole), so S3 cannot replicate. Allow sts:AssumeRole for the principal { Service = \"s3.amazonaws.com\" } in the role's assume_role_policy.", rc.Addr, role.Addr),
				Subject: role.Ranges("assume_role_policy").Expr.Ptr(),
			})
		}
		return diags
	},
}
