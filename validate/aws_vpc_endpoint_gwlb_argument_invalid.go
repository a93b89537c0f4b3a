package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBArgumentInvalid: research VPCE-GWLB-003 and
// VPCE-GWLB-004. For Gateway Load Balancer endpoints "Security groups are
// not supported" and "Endpoint policies are not supported"; private DNS
// and route tables belong to interface and gateway endpoints (the
// CreateVpcEndpoint parameter scopes, VPCE-GW-001). Association resources
// that attach a security group, a route table or a policy to a GWLB
// endpoint count too.
var awsVPCEndpointGWLBArgumentInvalid = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_argument_invalid",
	Summary:  "A Gateway Load Balancer endpoint sets security groups, a policy, private DNS or route tables",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		const fix = "Remove it: traffic reaches a Gateway Load Balancer endpoint through routes that target it (aws_route with vpc_endpoint_id), and the appliances behind the Gateway Load Balancer do the filtering."
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !isGWLBEndpoint(e) {
				continue
			}
			args := []struct{ attr, what string }{
				{"security_group_ids", "security groups"},
				{"policy", "endpoint policy"},
				{"private_dns_enabled", "private DNS"},
				{"route_table_ids", "route tables"},
			}
			for _, a := range args {
				bad := knownNonEmpty(e, a.attr)
				if a.attr == "private_dns_enabled" {
					bad = writtenTrue(e, a.attr)
				}
				if !bad {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Argument not valid for a Gateway Load Balancer endpoint",
					Detail: fmt.Sprintf("%s is a Gateway Load Balancer endpoint, which takes no %s, so AWS does not accept %s. %s",
						e.Addr, a.what, a.attr, fix),
					Subject: e.Ranges(a.attr).Name.Ptr(),
				})
			}
			assocs := []struct {
				typ  schema.TypeName
				what string
			}{
				{schema.TypeVPCEndpointSecurityGroupAssoc, "a security group"},
				{schema.TypeVPCEndpointPolicy, "an endpoint policy"},
				{schema.TypeVPCEndpointRouteTableAssoc, "a route table"},
			}
			for _, a := range assocs {
				for _, r := range referrers(e, a.typ, "vpc_endpoint_id") {
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Association not valid for a Gateway Load Balancer endpoint",
						Detail: fmt.Sprintf("%s attaches %s to %s, a Gateway Load Balancer endpoint, which takes none; AWS rejects it. %s",
							r.Addr, a.what, e.Addr, fix),
						Subject: r.Ranges("vpc_endpoint_id").Expr.Ptr(),
					})
				}
			}
		}
		return diags
	},
}
