package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGatewayArgumentInvalid: research VPCE-GW-001 and
// VPCE-GW-007. A gateway endpoint takes route tables and a policy only:
// subnets, security groups, private DNS and DNS options belong to
// interface and Gateway Load Balancer endpoints.
var awsVPCEndpointGatewayArgumentInvalid = &Rule{
	ID:       "aws_vpc_endpoint_gateway_argument_invalid",
	Summary:  "A gateway endpoint sets an argument only interface endpoints take",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGateway {
				continue
			}
			report := func(arg, path string) {
				rng := e.Ranges(path)
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Argument not valid for a gateway endpoint",
					Detail: fmt.Sprintf("%s is a gateway endpoint (vpc_endpoint_type is Gateway, the default), which takes only route_table_ids and a policy; %s applies to interface endpoints. Remove %s, or set vpc_endpoint_type = \"Interface\" if an interface endpoint was meant.",
						e.Addr, arg, arg),
					Subject: rng.Name.Ptr(),
				})
			}
			if writtenNonEmpty(e, "subnet_ids") {
				report("subnet_ids", "subnet_ids")
			}
			if writtenNonEmpty(e, "security_group_ids") {
				report("security_group_ids", "security_group_ids")
			}
			if writtenTrue(e, "private_dns_enabled") {
				report("private_dns_enabled", "private_dns_enabled")
			}
			if hasBlock(e, "dns_options") {
				report("dns_options", "dns_options[0]")
			}
		}
		return diags
	},
}
