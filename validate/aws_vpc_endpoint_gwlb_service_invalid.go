package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBServiceInvalid: research VPCE-GWLB-005. A Gateway Load
// Balancer endpoint connects to an endpoint service backed by a Gateway
// Load Balancer, never to an AWS service or a Network Load Balancer
// service.
var awsVPCEndpointGWLBServiceInvalid = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_service_invalid",
	Summary:  "A Gateway Load Balancer endpoint's service is not a Gateway Load Balancer endpoint service",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGatewayLoadBalancer {
				continue
			}
			why := ""
			if name, svc, ok := endpointService(in, e); ok && name.EndpointServiceID == "" && svc != nil {
				why = fmt.Sprintf("%s is an AWS service", name.Raw)
			}
			if svc := e.Link("service_name"); svc != nil && why == "" {
				why = nlbBacked(svc)
			}
			if why == "" {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Not a Gateway Load Balancer endpoint service",
				Detail: fmt.Sprintf("%s is a Gateway Load Balancer endpoint, but %s. A Gateway Load Balancer endpoint connects to an endpoint service whose gateway_load_balancer_arns name a Gateway Load Balancer; use an interface endpoint for other services.",
					e.Addr, why),
				Subject: e.Resource.Ranges("service_name").Expr.Ptr(),
			})
		}
		return diags
	},
}

// nlbBacked explains why an endpoint service is not a GWLB service, or
// returns "".
func nlbBacked(svc *config.Instance) string {
	if writtenNonEmpty(svc, "network_load_balancer_arns") && !writtenNonEmpty(svc, "gateway_load_balancer_arns") {
		return fmt.Sprintf("its service %s is backed by Network Load Balancers", svc.Addr)
	}
	for _, lb := range svc.Links("gateway_load_balancer_arns") {
		if t, ok := str(lb, "load_balancer_type"); ok && t != "gateway" {
			return fmt.Sprintf("the load balancer %s of its service %s is of type %q", lb.Addr, svc.Addr, t)
		}
	}
	return ""
}
