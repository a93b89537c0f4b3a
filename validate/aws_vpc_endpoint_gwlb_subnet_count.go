package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBSubnetCount: research VPCE-GWLB-001. "For a Gateway
// Load Balancer endpoint, you can specify only one subnet", and it cannot
// be changed later.
var awsVPCEndpointGWLBSubnetCount = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_subnet_count",
	Summary:  "A Gateway Load Balancer endpoint does not have exactly one subnet",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGatewayLoadBalancer {
				continue
			}
			n := 0
			if configured(e, "subnet_ids") {
				v := e.Attr("subnet_ids")
				if !v.IsWhollyKnown() {
					continue
				}
				if !v.IsNull() {
					n = v.LengthInt()
				}
			}
			if n == 1 || len(referrers(e, schema.TypeVPCEndpointSubnetAssoc, "vpc_endpoint_id")) > 0 {
				continue
			}
			subject := e.Resource.Ranges("subnet_ids").Expr
			if !configured(e, "subnet_ids") {
				subject = e.Resource.DeclRange
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway Load Balancer endpoint needs exactly one subnet",
				Detail: fmt.Sprintf("%s has %d subnets. A Gateway Load Balancer endpoint lives in exactly one subnet, in one Availability Zone, and the subnet cannot change later; create one endpoint per Availability Zone, each with one subnet.",
					e.Addr, n),
				Subject: subject.Ptr(),
			})
		}
		return diags
	},
}
