package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPCrossAccountNoGrant: research MRAP-007. A bucket owned by
// another account than its Multi-Region Access Point must grant the MRAP
// in its bucket policy, "otherwise, the Multi-Region Access Point won't be
// able to retrieve data from that bucket". The rule reads the bucket
// policy only when the configuration declares it, and fires only when no
// Allow statement could match any S3 action on the bucket for the MRAP's
// account.
var awsS3MRAPCrossAccountNoGrant = &Rule{
	ID:       "aws_s3_mrap_cross_account_no_grant",
	Summary:  "A Multi-Region Access Point's cross-account bucket has a policy that does not grant the access point",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			if inst.Account == "" || partitionOf(inst) == "" {
				continue
			}
			principal := accountPrincipal(partitionOf(inst), inst.Account)
			for _, mb := range mrapBuckets(inst) {
				b := mb.Bucket
				if b.Account == "" || b.Account == inst.Account {
					continue
				}
				docs, declared, known := bucketPolicies(in.Model, b)
				arn, okARN := bucketARN(b)
				if !declared || !known || !okARN || policydoc.MayAllowAny(docs, s3Scope(arn, principal)) {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Bucket policy does not grant the Multi-Region Access Point",
					Detail: fmt.Sprintf("%s in account %s uses %s of account %s, whose bucket policy allows nothing to account %s, so the Multi-Region Access Point cannot read from or write to that bucket. Add a statement to the bucket policy granting account %s the actions it needs on %s and %s/*, with the condition \"s3:DataAccessPointArn\" naming the Multi-Region Access Point's ARN.",
						inst.Addr, inst.Account, b.Addr, b.Account, inst.Account, inst.Account, arn, arn),
					Subject: mb.Subject.Ptr(),
				})
			}
		}
		return diags
	},
}
