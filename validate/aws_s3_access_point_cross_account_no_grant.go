package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointCrossAccountNoGrant: research S3AP-010/011. Requests
// through an access point are allowed only when the bucket policy allows
// them too; for a bucket in another account, its policy must grant the
// access point's account or delegate to access points
// (s3:DataAccessPointAccount). The rule reads the bucket policy only when
// the configuration declares it, and fires only when no Allow statement
// could match any S3 action on the bucket for that account.
var awsS3AccessPointCrossAccountNoGrant = &Rule{
	ID:       "aws_s3_access_point_cross_account_no_grant",
	Summary:  "A cross-account bucket's policy neither grants the access point's account nor delegates to access points",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3AccessPoint) {
			b := accessPointBucket(inst)
			if b == nil || b.Account == "" || inst.Account == "" || b.Account == inst.Account || partitionOf(inst) == "" {
				continue
			}
			docs, declared, known := bucketPolicies(in.Model, b)
			arn, okARN := bucketARN(b)
			if !declared || !known || !okARN {
				continue
			}
			if policydoc.MayAllowAny(docs, s3Scope(arn, accountPrincipal(partitionOf(inst), inst.Account))) {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Bucket policy does not grant the access point's account",
				Detail: fmt.Sprintf("%s in account %s uses %s of account %s, whose bucket policy allows nothing to account %s, so every request through the access point is denied. Add a statement to the bucket policy that grants account %s the actions it needs on %s and %s/*, or delegates access control to access points with the condition \"s3:DataAccessPointAccount\" = %q.",
					inst.Addr, inst.Account, b.Addr, b.Account, inst.Account, inst.Account, arn, arn, inst.Account),
				Subject: inst.Ranges("bucket").Expr.Ptr(),
			})
		}
		return diags
	},
}
