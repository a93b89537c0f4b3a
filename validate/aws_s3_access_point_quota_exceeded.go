package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3AccessPointQuotaExceeded: research S3AP-008. An account has at most
// 10,000 access points per Region (adjustable). Access points whose
// account or Region is unknown are not counted.
var awsS3AccessPointQuotaExceeded = &Rule{
	ID:       "aws_s3_access_point_quota_exceeded",
	Summary:  "More than 10,000 S3 access points in one account and Region",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		over, count := overQuota(in.Model.OfType(schema.TypeS3AccessPoint), accessPointQuota, func(inst *config.Instance) (apAccountRegion, bool) {
			return apAccountRegion{inst.Account, inst.Region}, inst.Account != "" && inst.Region != ""
		})
		for _, inst := range over {
			k := apAccountRegion{inst.Account, inst.Region}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "S3 access point quota exceeded",
				Detail: fmt.Sprintf("The configuration declares %d access points in account %s and Region %s; %s is the first over the quota. The default quota is 10,000 access points per account and Region; request an increase in Service Quotas or spread the access points over more accounts or Regions.",
					count[k], k.account, k.region, inst.Addr),
				Subject: inst.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
