package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsVPCEndpointServiceTypeUnsupported: research VPCE-TYPE-003/004 and
// VPCE-SVC-001. "You must create the type of VPC endpoint that's required
// by the endpoint service": gateway endpoints exist only for the services
// the catalog lists with Gateway (S3, DynamoDB, S3 Express); gateway-only
// services have no interface endpoints; AWS services offer no Gateway Load
// Balancer endpoints; endpoint services offer Interface or
// GatewayLoadBalancer endpoints, never Gateway, and one backed by Gateway
// Load Balancers offers only GatewayLoadBalancer endpoints. What each AWS
// service offers comes from the service catalog; an offer the catalog marks
// unconfirmed counts as offered. A Gateway Load Balancer endpoint to a
// Network Load Balancer service is aws_vpc_endpoint_gwlb_service_invalid's.
var awsVPCEndpointServiceTypeUnsupported = &Rule{
	ID:       "aws_vpc_endpoint_service_type_unsupported",
	Summary:  "The service does not offer endpoints of this type",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var gatewayServices []string
		for _, n := range in.Services.Names() {
			if s := in.Services.Lookup(n); s.Offers(schema.EndpointGateway) {
				gatewayServices = append(gatewayServices, s.Title)
			}
		}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok || (t != schema.EndpointGateway && t != schema.EndpointInterface && t != schema.EndpointGatewayLoadBalancer) {
				continue
			}
			var why string
			var svc *schema.Service
			if name, resolved, ok := endpointService(in, e); ok {
				svc = resolved
				if svc == nil && !name.IsEndpointService() {
					// A known service written in the wrong form is
					// aws_vpc_endpoint_service_unknown's; its offers hold.
					svc = in.Services.Lookup(name.Service)
				}
				switch {
				case svc != nil && !svc.Offers(t):
					why = fmt.Sprintf("%s offers only %s endpoints", svc.Title, joinAnd(svc.TypeNames()))
				case svc != nil:
				case name.IsEndpointService() && t == schema.EndpointGateway:
					why = fmt.Sprintf("%s is an endpoint service, and endpoint services offer Interface or GatewayLoadBalancer endpoints", name.Raw)
				case !name.IsEndpointService() && t == schema.EndpointGateway:
					why = fmt.Sprintf("%s is an AWS service, and only %s offer Gateway endpoints", name.Raw, joinAnd(gatewayServices))
				case !name.IsEndpointService() && t == schema.EndpointGatewayLoadBalancer:
					why = fmt.Sprintf("%s is an AWS service, and AWS services offer no GatewayLoadBalancer endpoints", name.Raw)
				}
			} else if es := e.Link("service_name"); es != nil {
				switch {
				case t == schema.EndpointGateway:
					why = fmt.Sprintf("its service is the endpoint service %s, and endpoint services offer Interface or GatewayLoadBalancer endpoints", es.Addr)
				case t == schema.EndpointInterface && gatewayLoadBalancerBacked(es):
					why = fmt.Sprintf("its service is the endpoint service %s, whose gateway_load_balancer_arns make it offer only GatewayLoadBalancer endpoints", es.Addr)
				}
			}
			if why == "" {
				continue
			}
			detail := fmt.Sprintf("%s is a %s endpoint, but %s.", e.Addr, t, why)
			subject := e.Ranges("vpc_endpoint_type")
			if !subject.Found {
				subject = e.Ranges("service_name")
				detail += ` vpc_endpoint_type defaults to "Gateway" when it is not set.`
			}
			switch {
			case svc != nil && svc.Offers(schema.EndpointInterface):
				detail += ` Set vpc_endpoint_type = "Interface" (with subnet_ids and security_group_ids).`
			case svc != nil && svc.Offers(schema.EndpointGateway):
				detail += ` Set vpc_endpoint_type = "Gateway" (with route_table_ids), or remove it.`
			case t == schema.EndpointInterface:
				detail += ` Set vpc_endpoint_type = "GatewayLoadBalancer" (with one subnet).`
			case t == schema.EndpointGateway:
				detail += ` Set vpc_endpoint_type = "Interface" (with subnet_ids and security_group_ids), or "GatewayLoadBalancer" for a Gateway Load Balancer endpoint service.`
			default:
				detail += ` Set vpc_endpoint_type = "Interface" for an AWS service; GatewayLoadBalancer endpoints connect to endpoint services backed by Gateway Load Balancers.`
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Endpoint type not offered by the service",
				Detail:  detail,
				Subject: subject.Expr.Ptr(),
			})
		}
		return diags
	},
}

// gatewayLoadBalancerBacked reports whether an aws_vpc_endpoint_service
// provably has Gateway Load Balancers: gateway_load_balancer_arns is known
// and not empty (its elements may be unknown ARNs).
func gatewayLoadBalancerBacked(es *config.Instance) bool {
	v := es.Attr("gateway_load_balancer_arns")
	return v != cty.NilVal && v.IsKnown() && !v.IsNull() && v.LengthInt() > 0
}
