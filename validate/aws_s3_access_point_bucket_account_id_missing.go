package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointBucketAccountIDMissing: research S3AP-011. For a
// cross-account access point (the bucket owned by another account),
// CreateAccessPoint requires BucketAccountId.
var awsS3AccessPointBucketAccountIDMissing = &Rule{
	ID:       "aws_s3_access_point_bucket_account_id_missing",
	Summary:  "A cross-account S3 access point does not set bucket_account_id",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3AccessPoint) {
			b := accessPointBucket(inst)
			if b == nil || b.Account == "" || inst.Account == "" || b.Account == inst.Account || configured(inst, "bucket_account_id") {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Missing bucket_account_id for a cross-account access point",
				Detail: fmt.Sprintf("%s belongs to account %s, but its bucket %s belongs to account %s. AWS requires the bucket owner's account ID when the bucket is in another account; add bucket_account_id = %q.",
					inst.Addr, inst.Account, b.Addr, b.Account, b.Account),
				Subject: inst.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
