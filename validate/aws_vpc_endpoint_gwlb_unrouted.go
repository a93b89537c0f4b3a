package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBUnrouted: research VPCE-GWLB-006. A Gateway Load
// Balancer endpoint is a route target: "Configure your subnet route table
// and gateway route table to point traffic to the Gateway Load Balancer
// endpoint." The rule stays silent when some route targets an endpoint the
// model cannot resolve, since that may be this one.
var awsVPCEndpointGWLBUnrouted = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_unrouted",
	Summary:  "No route targets a Gateway Load Balancer endpoint, so nothing is inspected",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		var targets map[*config.Instance]bool
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !isGWLBEndpoint(e) {
				continue
			}
			if targets == nil {
				var loose bool
				if targets, loose = routeTargets(in); loose {
					return nil
				}
			}
			if targets[e] {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway Load Balancer endpoint without routes",
				Detail: fmt.Sprintf("No route in the configuration targets %s (an aws_route or a route block of aws_route_table with vpc_endpoint_id), so no traffic passes through the endpoint and the appliances behind it inspect nothing. Point the route tables of the subnets to inspect, and for inbound inspection the internet gateway's edge route table, at the endpoint.",
					e.Addr),
				Subject: e.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
