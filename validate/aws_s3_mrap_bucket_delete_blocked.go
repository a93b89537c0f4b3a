package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPBucketDeleteBlocked: research MRAP-005. A bucket that belongs
// to a Multi-Region Access Point cannot be deleted until the access point
// is deleted.
var awsS3MRAPBucketDeleteBlocked = &Rule{
	ID:       "aws_s3_mrap_bucket_delete_blocked",
	Summary:  "The plan deletes a bucket that a remaining Multi-Region Access Point still uses",
	Severity: hcl.DiagError,
	PlanTime: true,
	Check: func(in *Input) hcl.Diagnostics {
		deleted := map[string]schema.InstanceAddr{}
		for _, d := range in.Deleted {
			if d.Addr.Resource.Type != schema.TypeS3Bucket {
				continue
			}
			if name := objString(d.Value, "bucket"); name != "" {
				deleted[name] = d.Addr
			}
		}
		if len(deleted) == 0 {
			return nil
		}
		var diags hcl.Diagnostics
		for _, m := range in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint) {
			details, ok := nested(m, "details", 0, "region")
			if !ok || !details.CanIterateElements() {
				continue
			}
			for it := details.ElementIterator(); it.Next(); {
				_, region := it.Element()
				name := objString(region, "bucket")
				addr, gone := deleted[name]
				if !gone {
					continue
				}
				rng := m.Ranges("details[0]")
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Bucket deletion blocked by a Multi-Region Access Point",
					Detail: fmt.Sprintf("The plan deletes %s (bucket %q), but the Multi-Region Access Point %s still uses it; AWS does not delete a bucket that belongs to a Multi-Region Access Point. Delete or replace the access point first, then the bucket.",
						addr, name, m.Addr),
					Subject: rng.Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
