package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3MRAPQuotaExceeded: research MRAP-002. An account has at most 100
// Multi-Region Access Points, whatever their Regions. Instances whose
// account is unknown, and blocks whose count or for_each is unknown (they
// have no instances), are not counted; the ones counted prove the excess.
var awsS3MRAPQuotaExceeded = &Rule{
	ID:       "aws_s3_mrap_quota_exceeded",
	Summary:  "More than 100 Multi-Region Access Points in one account",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		over, count := overQuota(in.Model.OfType(schema.TypeS3ControlMultiRegionAccessPoint), mrapQuota, func(inst *config.Instance) (string, bool) {
			return inst.Account, inst.Account != ""
		})
		for _, inst := range over {
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Multi-Region Access Point quota exceeded",
				Detail: fmt.Sprintf("The configuration declares %d Multi-Region Access Points in account %s; %s is the first over the quota. An account can have at most %d Multi-Region Access Points, so the ones over it cannot be created; remove the ones you do not need or spread them over more accounts.",
					count[inst.Account], inst.Account, inst.Addr, mrapQuota),
				Subject: inst.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
