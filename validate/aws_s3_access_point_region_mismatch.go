package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointRegionMismatch: research S3AP-002. An access point is
// created in the Region of its bucket. Both Regions are their providers';
// the rule is silent when either is unknown.
var awsS3AccessPointRegionMismatch = &Rule{
	ID:       "aws_s3_access_point_region_mismatch",
	Summary:  "An S3 access point is in another Region than its bucket",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3AccessPoint) {
			b := accessPointBucket(inst)
			if b == nil || b.Region == "" || inst.Region == "" || b.Region == inst.Region {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "S3 access point in another Region than its bucket",
				Detail: fmt.Sprintf("%s is in %s, but its bucket %s is in %s. An access point must be created in the same Region as its bucket; give the access point the provider of the bucket's Region.",
					inst.Addr, inst.Region, b.Addr, b.Region),
				Subject: inst.Ranges("bucket").Expr.Ptr(),
			})
		}
		return diags
	},
}
