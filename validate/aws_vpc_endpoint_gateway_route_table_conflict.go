package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGatewayRouteTableConflict: research VPCE-GW-003. "You
// can't have multiple endpoint routes to the same service (Amazon S3 or
// DynamoDB) in a single route table."
var awsVPCEndpointGatewayRouteTableConflict = &Rule{
	ID:       "aws_vpc_endpoint_gateway_route_table_conflict",
	Summary:  "One route table is associated with two gateway endpoints of the same service",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type key struct {
			rt      *config.Instance
			service string
		}
		first := map[key]*config.Instance{}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGateway {
				continue
			}
			service, ok := str(e, "service_name")
			if !ok {
				continue
			}
			for _, rt := range endpointRouteTables(e) {
				k := key{rt, service}
				other, dup := first[k]
				if !dup {
					first[k] = e
					continue
				}
				if other == e {
					continue
				}
				subject := e.Ranges("route_table_ids")
				if !subject.Found {
					subject = config.SourceRanges{Expr: e.Resource.DeclRange}
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Route table shared by two gateway endpoints of one service",
					Detail: fmt.Sprintf("%s is associated with both %s and %s, gateway endpoints for %s. A route table can hold only one endpoint route per service, so AWS rejects the second association; give each endpoint its own route tables, or keep one endpoint.",
						rt.Addr, other.Addr, e.Addr, service),
					Subject: subject.Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
