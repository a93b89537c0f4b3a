package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPRegionDuplicate: research MRAP-002. A Multi-Region Access Point
// has exactly one bucket in each of its Regions. A bucket's Region is its
// provider's; buckets of unknown Region are not compared.
var awsS3MRAPRegionDuplicate = &Rule{
	ID:       "aws_s3_mrap_region_duplicate",
	Summary:  "Two buckets of one Multi-Region Access Point are in the same Region",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			first := map[string]*config.Instance{}
			for _, mb := range mrapBuckets(inst) {
				region := mb.Bucket.Region
				if region == "" {
					continue
				}
				prev, dup := first[region]
				if !dup {
					first[region] = mb.Bucket
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Two Multi-Region Access Point buckets in one Region",
					Detail: fmt.Sprintf("%s names %s and %s, which are both in %s. A Multi-Region Access Point takes exactly one bucket per Region; keep one of them, or move it to a Region the access point does not use yet.",
						inst.Addr, prev.Addr, mb.Bucket.Addr, region),
					Subject: mb.Subject.Ptr(),
				})
			}
		}
		return diags
	},
}
