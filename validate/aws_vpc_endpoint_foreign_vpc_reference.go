package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointForeignVPCReference: research VPCE-GW-002, VPCE-IF-002 and
// VPC-002. The subnets, security groups and route tables of an endpoint
// belong to the endpoint's VPC.
var awsVPCEndpointForeignVPCReference = &Rule{
	ID:       "aws_vpc_endpoint_foreign_vpc_reference",
	Summary:  "A subnet, security group or route table of an endpoint belongs to another VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			vpc := vpcOf(e)
			if vpc == nil {
				continue
			}
			check := func(kind, path string, items []*config.Instance) {
				for _, x := range items {
					other := vpcOf(x)
					if other == nil || other == vpc {
						continue
					}
					rng := e.Resource.Ranges(path)
					if !rng.Found {
						rng = config.SourceRanges{Expr: e.Resource.DeclRange}
					}
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Endpoint uses another VPC's " + kind,
						Detail: fmt.Sprintf("%s is in %s, but its %s %s belongs to %s. An endpoint can only use subnets, security groups and route tables of its own VPC; pick ones of %s.",
							e.Addr, vpc.Addr, kind, x.Addr, other.Addr, vpc.Addr),
						Subject: rng.Expr.Ptr(),
					})
				}
			}
			check("subnet", "subnet_ids", endpointSubnets(e))
			check("security group", "security_group_ids", endpointSecurityGroups(e))
			check("route table", "route_table_ids", endpointRouteTables(e))
		}
		return diags
	},
}
