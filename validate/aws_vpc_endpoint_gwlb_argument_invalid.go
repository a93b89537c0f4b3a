package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBArgumentInvalid: research VPCE-GWLB-003 and
// VPCE-GWLB-004. "Security groups are not supported"; "Endpoint policies
// are not supported"; private DNS and route tables do not apply.
var awsVPCEndpointGWLBArgumentInvalid = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_argument_invalid",
	Summary:  "A Gateway Load Balancer endpoint sets security groups, a policy, private DNS or route tables",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGatewayLoadBalancer {
				continue
			}
			for _, arg := range []string{"security_group_ids", "policy", "private_dns_enabled", "route_table_ids"} {
				bad := false
				switch arg {
				case "policy":
					bad = configured(e, arg)
				case "private_dns_enabled":
					bad = writtenTrue(e, arg)
				default:
					bad = writtenNonEmpty(e, arg)
				}
				if !bad {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Argument not valid for a Gateway Load Balancer endpoint",
					Detail: fmt.Sprintf("%s is a Gateway Load Balancer endpoint, which supports no security groups, endpoint policy, private DNS or route tables; AWS rejects %s. Remove it: traffic reaches the endpoint through routes that target it (aws_route with vpc_endpoint_id).",
						e.Addr, arg),
					Subject: e.Resource.Ranges(arg).Name.Ptr(),
				})
			}
		}
		return diags
	},
}
