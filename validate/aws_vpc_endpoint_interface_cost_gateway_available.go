package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointInterfaceCostGatewayAvailable: research VPCE-IF-011. An
// S3 or DynamoDB interface endpoint is billed per hour and GB; when the VPC
// has no on-premises path (no INBOUND Resolver endpoint) and no gateway
// endpoint, a free gateway endpoint serves the in-VPC traffic. A Resolver
// endpoint of unknown direction or VPC, or an endpoint of unknown type or
// service that could be the gateway endpoint, keeps the rule silent.
var awsVPCEndpointInterfaceCostGatewayAvailable = &Rule{
	ID:       "aws_vpc_endpoint_interface_cost_gateway_available",
	Summary:  "An S3 or DynamoDB interface endpoint where a free gateway endpoint would serve",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var gateways *gatewayIndex
		var inbound *inboundResolverIndex
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			_, svc, ok := endpointService(in, e)
			if !ok || svc == nil || !svc.Offers(schema.EndpointGateway) {
				continue
			}
			vpc := vpcOf(e)
			if vpc == nil {
				continue
			}
			if gateways == nil {
				gateways, inbound = newGatewayIndex(in), newInboundResolverIndex(in)
			}
			if has, known := inbound.lookup(vpc); has || !known {
				continue
			}
			if has, known := gateways.lookup(vpc, svc); has || !known {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Paid interface endpoint where a gateway endpoint is free",
				Detail: fmt.Sprintf("%s is an interface endpoint for %s in %s, which has no on-premises path (no INBOUND Route 53 Resolver endpoint) and no %s gateway endpoint. Interface endpoints are billed per hour and per GB; a gateway endpoint serves traffic from inside the VPC for free. Use a gateway endpoint (vpc_endpoint_type = \"Gateway\" with route_table_ids), unless other VPCs or on-premises networks reach the service through this endpoint.",
					e.Addr, svc.Title, vpc.Addr, svc.Title),
				Subject: e.Ranges("vpc_endpoint_type").Expr.Ptr(),
			})
		}
		return diags
	},
}
