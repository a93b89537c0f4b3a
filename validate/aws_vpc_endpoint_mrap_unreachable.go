package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
)

// awsVPCEndpointMRAPUnreachable: research MRAP-011 and VPCE-S3IF-011.
// "You can't access data through a Multi-Region Access Point by using
// gateway endpoints"; an interface endpoint to
// com.amazonaws.s3-global.accesspoint is needed, and "Other endpoint types
// cannot access Multi-Region Access Points", so a Regional S3 interface
// endpoint does not reach one either. The rule reads the MRAP ARNs that
// the Allow statements of the endpoint's policy (inline or
// aws_vpc_endpoint_policy) name (network.MisdirectedMRAPGrants, which
// explain reads too). Interface endpoints to global service names are left
// alone: the MRAP endpoint is one of them.
var awsVPCEndpointMRAPUnreachable = &Rule{
	ID:       "aws_vpc_endpoint_mrap_unreachable",
	Summary:  "Access to a Multi-Region Access Point is granted through an endpoint that cannot reach it",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, g := range network.MisdirectedMRAPGrants(in.Model, in.Services) {
			whose := fmt.Sprintf("The policy of %s, %s,", g.Endpoint.Addr, g.What)
			if g.Owner != g.Endpoint {
				whose = fmt.Sprintf("The policy %s of %s, %s,", g.Owner.Addr, g.Endpoint.Addr, g.What)
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Multi-Region Access Point not reachable through this endpoint",
				Detail: fmt.Sprintf("%s allows access to the Multi-Region Access Point %s. Only an interface endpoint to com.amazonaws.s3-global.accesspoint reaches Multi-Region Access Points, so requests through this endpoint never get there. Grant the access in the policy of an interface endpoint for com.amazonaws.s3-global.accesspoint in the VPC.",
					whose, strings.Join(g.MRAPs, ", ")),
				Subject: g.Owner.Ranges("policy").Expr.Ptr(),
			})
		}
		return diags
	},
}
