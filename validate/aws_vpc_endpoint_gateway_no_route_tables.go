package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGatewayNoRouteTables: research VPCE-GW-001. A gateway
// endpoint works through the routes it adds to route tables; without any,
// no traffic uses it.
var awsVPCEndpointGatewayNoRouteTables = &Rule{
	ID:       "aws_vpc_endpoint_gateway_no_route_tables",
	Summary:  "A gateway endpoint has no route table, so no traffic uses it",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		if unexpanded(in.Model, schema.TypeVPCEndpointRouteTableAssoc) {
			return nil // associations the model does not show may add route tables
		}
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGateway {
				continue
			}
			if configured(e, "route_table_ids") {
				v := e.Attr("route_table_ids")
				if !v.IsWhollyKnown() || (!v.IsNull() && v.LengthInt() > 0) {
					continue
				}
			}
			if len(referrers(e, schema.TypeVPCEndpointRouteTableAssoc, "vpc_endpoint_id")) > 0 {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway endpoint without route tables",
				Detail: fmt.Sprintf("%s is a gateway endpoint with no route table: gateway endpoints work only through the prefix-list routes they add to route tables, so no traffic reaches it and S3 or DynamoDB traffic keeps leaving through the internet or NAT gateway. Set route_table_ids, or add aws_vpc_endpoint_route_table_association resources.",
					e.Addr),
				Subject: e.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
