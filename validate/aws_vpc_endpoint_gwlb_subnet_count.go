package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBSubnetCount: research VPCE-GWLB-001. "For a Gateway
// Load Balancer endpoint, you can specify only one subnet", and "You can't
// change this subnet later on". Subnets count from subnet_ids,
// subnet_configuration and aws_vpc_endpoint_subnet_association.
var awsVPCEndpointGWLBSubnetCount = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_subnet_count",
	Summary:  "A Gateway Load Balancer endpoint does not have exactly one subnet",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		assocLoose := false
		assocKnown := false
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !isGWLBEndpoint(e) {
				continue
			}
			if !assocKnown {
				assocLoose, assocKnown = subnetAssocLoose(in), true
			}
			b := endpointSubnetBounds(e, assocLoose)
			var has string
			subject := e.Resource.DeclRange
			switch {
			case b.none:
				has = "has no subnet"
			case b.atLeast >= 2:
				has = "has more than one subnet"
				if r := e.Ranges("subnet_ids"); r.Found {
					subject = r.Expr
				}
			default:
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway Load Balancer endpoint needs exactly one subnet",
				Detail: fmt.Sprintf("%s is a Gateway Load Balancer endpoint and %s. Such an endpoint lives in exactly one subnet, in one Availability Zone, and AWS does not let the subnet change later. Give it one subnet in subnet_ids, and create one endpoint per Availability Zone to inspect traffic in several zones.",
					e.Addr, has),
				Subject: subject.Ptr(),
			})
		}
		return diags
	},
}
