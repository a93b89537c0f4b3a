package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPRegionUnsupported: research MRAP-003. Multi-Region Access
// Points support 17 default Regions and 12 opt-in Regions (mrapRegions); a
// bucket elsewhere cannot be part of one. A bucket's Region is its
// provider's; buckets of unknown Region are skipped.
var awsS3MRAPRegionUnsupported = &Rule{
	ID:       "aws_s3_mrap_region_unsupported",
	Summary:  "A Multi-Region Access Point's bucket is in a Region that Multi-Region Access Points do not support",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		seen := mrapSeen{}
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			for _, mb := range mrapBuckets(inst) {
				region := mb.Bucket.Region
				if _, ok := mrapRegions[region]; ok || region == "" || !seen.first(mb.Subject, mb.Bucket, "") {
					continue
				}
				defaults, optIn := mrapRegionLists()
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Bucket in a Region without Multi-Region Access Points",
					Detail: fmt.Sprintf("%s uses %s, which is in %s, a Region that Multi-Region Access Points do not support, so the access point cannot be created with it. Use a bucket in a supported Region: %s; or in an opt-in Region (%s), which every account involved (the requester, the access point's owner, the bucket owners and the VPC endpoint's owner) must enable first.",
						inst.Addr, mb.Bucket.Addr, region, strings.Join(defaults, ", "), strings.Join(optIn, ", ")),
					Subject: mb.Subject.Ptr(),
				})
			}
		}
		return diags
	},
}
