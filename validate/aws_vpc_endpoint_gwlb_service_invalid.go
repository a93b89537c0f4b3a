package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBServiceInvalid: research VPCE-GWLB-005 ("Ensure that
// a Gateway Load Balancer endpoint service is configured") and
// VPCE-SVC-001. A Gateway Load Balancer endpoint connects to an endpoint
// service (com.amazonaws.vpce.<region>.vpce-svc-…) backed by a Gateway
// Load Balancer: never to an AWS service, nor to an endpoint service of
// Network Load Balancers. An endpoint service in the configuration is
// followed through service_name to its load balancers.
var awsVPCEndpointGWLBServiceInvalid = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_service_invalid",
	Summary:  "A Gateway Load Balancer endpoint's service is not a Gateway Load Balancer endpoint service",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !isGWLBEndpoint(e) {
				continue
			}
			why := ""
			if name, svc, ok := endpointService(in, e); ok {
				switch {
				case svc != nil && !svc.Offers(schema.EndpointGatewayLoadBalancer):
					why = fmt.Sprintf("%s is %s, an AWS service that offers %s endpoints only", name.Raw, svc.Title, joinTypes(svc))
				case svc == nil && !name.IsEndpointService():
					why = fmt.Sprintf("%s is the name of an AWS service, not of an endpoint service (com.amazonaws.vpce.<region>.vpce-svc-…)", name.Raw)
				}
			}
			if svc := e.Link("service_name"); why == "" && svc != nil && svc.Addr.Resource.Type == schema.TypeVPCEndpointService {
				why = notGWLBService(svc)
			}
			if why == "" {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Not a Gateway Load Balancer endpoint service",
				Detail: fmt.Sprintf("%s is a Gateway Load Balancer endpoint, but %s. A Gateway Load Balancer endpoint connects only to an endpoint service whose gateway_load_balancer_arns name Gateway Load Balancers. Point service_name at such a service, or use an interface endpoint (vpc_endpoint_type = \"Interface\") for other services.",
					e.Addr, why),
				Subject: e.Ranges("service_name").Expr.Ptr(),
			})
		}
		return diags
	},
}
