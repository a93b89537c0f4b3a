package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
)

// awsS3AccessPointVPCUnreachable: research S3AP-005. A VPC-origin access
// point rejects every request that does not come from its VPC, and
// requests from the VPC reach S3 through an S3 endpoint there (gateway or
// interface). The rule is silent when an endpoint of unknown service or
// unresolved VPC could be that endpoint, and for VPCs that are data
// sources.
var awsS3AccessPointVPCUnreachable = &Rule{
	ID:       "aws_s3_access_point_vpc_unreachable",
	Summary:  "A VPC-origin S3 access point's VPC has no S3 endpoint",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		forVPCOriginAccessPoints(in, func(inst, vpc *config.Instance, eps []*config.Instance) {
			if len(eps) > 0 {
				return
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "S3 access point unreachable from its VPC",
				Detail: fmt.Sprintf("%s accepts requests only from %s, but that VPC has no S3 endpoint, so no request can reach the access point. Add an aws_vpc_endpoint for com.amazonaws.<region>.s3 (gateway or interface) to the VPC.",
					inst.Addr, vpc.Addr),
				Subject: inst.Ranges("vpc_configuration[0].vpc_id").Expr.Ptr(),
			})
		})
		return diags
	},
}
