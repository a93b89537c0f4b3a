package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointMRAPUnreachable: research MRAP-011 and VPCE-S3IF-011.
// "You can't access data through a Multi-Region Access Point by using
// gateway endpoints"; an interface endpoint to
// com.amazonaws.s3-global.accesspoint is needed, and "Other endpoint types
// cannot access Multi-Region Access Points", so a Regional S3 interface
// endpoint does not reach one either. The rule reads the MRAP ARNs that
// the Allow statements of the endpoint's policy (inline or
// aws_vpc_endpoint_policy) name. Interface endpoints to global service
// names are left alone: the MRAP endpoint is one of them.
var awsVPCEndpointMRAPUnreachable = &Rule{
	ID:       "aws_vpc_endpoint_mrap_unreachable",
	Summary:  "Access to a Multi-Region Access Point is granted through an endpoint that cannot reach it",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok {
				continue
			}
			what := ""
			switch name, svc, known := endpointService(in, e); {
			case t == schema.EndpointGateway:
				what = "a gateway endpoint"
				if known {
					what += " to " + name.Raw
				}
			case t != schema.EndpointInterface || !known || name.Region == "":
				continue
			case svc != nil:
				what = fmt.Sprintf("an interface endpoint to %s (%s), a Regional service", name.Raw, svc.Title)
			default:
				what = fmt.Sprintf("an interface endpoint to %s, a Regional service", name.Raw)
			}
			for _, p := range endpointPolicies(e) {
				mraps := allowedMRAPs(p.doc)
				if len(mraps) == 0 {
					continue
				}
				whose := fmt.Sprintf("The policy of %s, %s,", e.Addr, what)
				if p.owner != e {
					whose = fmt.Sprintf("The policy %s of %s, %s,", p.owner.Addr, e.Addr, what)
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Multi-Region Access Point not reachable through this endpoint",
					Detail: fmt.Sprintf("%s allows access to the Multi-Region Access Point %s. Only an interface endpoint to com.amazonaws.s3-global.accesspoint reaches Multi-Region Access Points, so requests through this endpoint never get there. Grant the access in the policy of an interface endpoint for com.amazonaws.s3-global.accesspoint in the VPC.",
						whose, strings.Join(mraps, ", ")),
					Subject: p.subject.Ptr(),
				})
			}
		}
		return diags
	},
}
