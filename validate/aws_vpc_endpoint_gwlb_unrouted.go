package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBUnrouted: research VPCE-GWLB-006. A Gateway Load
// Balancer endpoint receives traffic only from routes that target it.
var awsVPCEndpointGWLBUnrouted = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_unrouted",
	Summary:  "No route targets a Gateway Load Balancer endpoint, so nothing is inspected",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGatewayLoadBalancer {
				continue
			}
			routed := len(referrers(e, schema.TypeRoute, "vpc_endpoint_id")) > 0 ||
				len(referrers(e, schema.TypeRouteTable, "route[*].vpc_endpoint_id")) > 0
			if routed {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway Load Balancer endpoint without routes",
				Detail: fmt.Sprintf("No route in the configuration targets %s (aws_route with vpc_endpoint_id, or a route block of aws_route_table), so no traffic passes through it and nothing is inspected. Route the subnets' traffic, and for ingress inspection the edge route table of the internet gateway, to the endpoint. If the routes live elsewhere, ignore this warning.",
					e.Addr),
				Subject: e.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
