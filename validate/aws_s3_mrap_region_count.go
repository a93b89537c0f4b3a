package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsS3MRAPRegionCount: research MRAP-002. A Multi-Region Access Point
// has at least 1 and at most 20 Regions, one bucket in each.
//
// The schema keeps the provider's bounds (MinItems 1, MaxItems 20) and
// leaves their check to this rule (schema.NestedBlock.CountRule), so the
// count is reported once, with the AWS fact. The rule counts what AWS
// receives: the region set after evaluation and dynamic blocks (equal
// blocks collapse), its distinct bucket names, and the distinct Regions of
// its buckets.
var awsS3MRAPRegionCount = &Rule{
	ID:       "aws_s3_mrap_region_count",
	Summary:  "A Multi-Region Access Point has fewer than 1 or more than 20 Regions",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		seen := mrapSeen{}
		report := func(rng hcl.Range, summary, detail string) {
			if seen.first(rng, nil, summary) {
				diags = append(diags, &hcl.Diagnostic{Summary: summary, Detail: detail, Subject: rng.Ptr()})
			}
		}
		for _, inst := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			regions, ok := nested(inst, "details", 0, "region")
			if !ok || !regions.CanIterateElements() {
				continue
			}
			if regions.LengthInt() < mrapMinRegions {
				rng := inst.Ranges("details[0].region[0]")
				if !rng.Found {
					rng = inst.Ranges("details[0]")
				}
				report(rng.Expr, "Multi-Region Access Point without buckets",
					fmt.Sprintf("%s has no region block, so it routes to no bucket. A Multi-Region Access Point needs %d to %d buckets, each in a different Region; add a region block with the bucket of each Region.",
						inst.Addr, mrapMinRegions, mrapMaxRegions))
				continue
			}
			names := map[string]bool{}
			for it := regions.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				if b, ok := nestedValue(ev, "bucket"); ok && b.Type() == cty.String {
					names[b.AsString()] = true
				}
			}
			if len(names) > mrapMaxRegions {
				report(inst.Ranges(fmt.Sprintf("details[0].region[%d].bucket", mrapMaxRegions)).Expr, "Too many Multi-Region Access Point Regions",
					fmt.Sprintf("%s names %d buckets. A Multi-Region Access Point takes at most %d Regions with exactly one bucket each; remove buckets until %d remain, or split the Regions over two access points.",
						inst.Addr, len(names), mrapMaxRegions, mrapMaxRegions))
				continue
			}
			distinct := map[string]bool{}
			for _, mb := range mrapBuckets(inst) {
				r := mb.Bucket.Region
				if r == "" || distinct[r] {
					continue
				}
				distinct[r] = true
				if len(distinct) == mrapMaxRegions+1 {
					report(mb.Subject, "Too many Multi-Region Access Point Regions",
						fmt.Sprintf("The buckets of %s are in more than %d Regions; %s is the first over the limit. A Multi-Region Access Point takes at most %d Regions with exactly one bucket each; remove buckets until %d Regions remain, or split the Regions over two access points.",
							inst.Addr, mrapMaxRegions, mb.Bucket.Addr, mrapMaxRegions, mrapMaxRegions))
				}
			}
		}
		return diags
	},
}
