package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsVPCEndpointInterfaceNoSubnets: research VPCE-IF-003. "Interface type
// endpoints cannot function without being assigned to a subnet."
var awsVPCEndpointInterfaceNoSubnets = &Rule{
	ID:       "aws_vpc_endpoint_interface_no_subnets",
	Summary:  "An interface endpoint has no subnet, so it carries no traffic",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		if unexpanded(in.Model, schema.TypeVPCEndpointSubnetAssoc) {
			return nil // associations the model does not show may add subnets
		}
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			if configured(e, "subnet_ids") {
				v := e.Attr("subnet_ids")
				if !v.IsWhollyKnown() || (!v.IsNull() && v.LengthInt() > 0) {
					continue
				}
			}
			if cfg := e.Attr("subnet_configuration"); cfg != cty.NilVal && !cfg.IsKnown() {
				continue // dynamic blocks with an unknown for_each
			}
			if hasBlock(e, "subnet_configuration") || len(referrers(e, schema.TypeVPCEndpointSubnetAssoc, "vpc_endpoint_id")) > 0 {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Interface endpoint without subnets",
				Detail: fmt.Sprintf("%s is an interface endpoint with no subnet, so it has no network interface and carries no traffic, while it is billed by the hour. Give it subnet_ids, one subnet per Availability Zone that should reach the service (or an aws_vpc_endpoint_subnet_association).",
					e.Addr),
				Subject: e.Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
