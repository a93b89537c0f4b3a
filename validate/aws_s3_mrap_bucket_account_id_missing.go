package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPBucketAccountIDMissing: research MRAP-007. Since 2023-03-13 a
// Multi-Region Access Point may use buckets of other accounts; the region
// block of such a bucket names its owner in bucket_account_id. Accounts
// that are unknown, and region blocks the model cannot match to their
// bucket (mrapBucket.AccountKnown), keep the rule silent.
var awsS3MRAPBucketAccountIDMissing = &Rule{
	ID:       "aws_s3_mrap_bucket_account_id_missing",
	Summary:  "A Multi-Region Access Point's bucket of another account does not set bucket_account_id",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		seen := mrapSeen{}
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			if inst.Account == "" {
				continue
			}
			for _, mb := range mrapBuckets(inst) {
				b := mb.Bucket
				if b.Account == "" || b.Account == inst.Account || !mb.AccountKnown || mb.AccountSet || !seen.first(mb.Block, b, inst.Account) {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Missing bucket_account_id for a cross-account bucket",
					Detail: fmt.Sprintf("%s belongs to account %s, but its bucket %s belongs to account %s and the bucket's region block does not set bucket_account_id. A Multi-Region Access Point takes a bucket of another account only with that account's ID; add bucket_account_id = %q to the region block.",
						inst.Addr, inst.Account, b.Addr, b.Account, b.Account),
					Subject: mb.Block.Ptr(),
				})
			}
		}
		return diags
	},
}
