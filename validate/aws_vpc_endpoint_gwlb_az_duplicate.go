package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBAZDuplicate: research VPCE-GWLB-002. "You can create a
// single Gateway Load Balancer endpoint per Availability Zone per
// service."
var awsVPCEndpointGWLBAZDuplicate = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_az_duplicate",
	Summary:  "Two Gateway Load Balancer endpoints for one service are in the same Availability Zone",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type key struct{ service, vpcAZ string }
		first := map[key]*config.Instance{}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGatewayLoadBalancer {
				continue
			}
			service, ok := str(e, "service_name")
			subnets := endpointSubnets(e)
			vpc := vpcOf(e)
			if !ok || len(subnets) != 1 || vpc == nil {
				continue
			}
			az, ok := str(subnets[0], "availability_zone")
			if !ok {
				continue
			}
			k := key{service, vpc.Addr.String() + "/" + az}
			if other, dup := first[k]; dup {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Two Gateway Load Balancer endpoints in one Availability Zone",
					Detail: fmt.Sprintf("%s and %s are Gateway Load Balancer endpoints for %s, both in %s of %s; AWS allows one endpoint per Availability Zone per service. Keep one, and route the zone's traffic to it.",
						other.Addr, e.Addr, service, az, vpc.Addr),
					Subject: e.Resource.Ranges("subnet_ids").Expr.Ptr(),
				})
				continue
			}
			first[k] = e
		}
		return diags
	},
}
