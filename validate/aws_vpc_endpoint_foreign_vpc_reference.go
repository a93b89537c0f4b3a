package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointForeignVPCReference: research VPCE-GW-002, VPCE-IF-002 and
// VPC-002. The subnets, security groups and route tables of an endpoint,
// inline or through the aws_vpc_endpoint_*_association resources, belong
// to the endpoint's VPC. A VPC is an aws_vpc of the configuration or a VPC
// ID written as a literal; an instance and a literal are never compared,
// since the literal may be the ID of that very VPC. A security group
// without vpc_id is in the Region's default VPC, which is never a VPC the
// configuration creates.
var awsVPCEndpointForeignVPCReference = &Rule{
	ID:       "aws_vpc_endpoint_foreign_vpc_reference",
	Summary:  "A subnet, security group or route table of an endpoint belongs to another VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			vpc, ok := vpcRefOf(e)
			if !ok {
				continue
			}
			seen := map[*config.Instance]bool{}
			check := func(kind string, x *config.Instance, subject hcl.Range, via string) {
				if seen[x] {
					return
				}
				seen[x] = true
				var where string
				if other, ok := vpcRefOf(x); ok && vpc.differs(other) {
					where = "belongs to " + other.String()
				} else if !ok && vpc.inst != nil && x.Addr.Resource.Type == schema.TypeSecurityGroup && !configured(x, "vpc_id") {
					where = "sets no vpc_id, so it is created in the default VPC of its Region"
				} else {
					return
				}
				what := fmt.Sprintf("its %s %s%s", kind, x.Addr, via)
				if x.Addr.Resource.Type == schema.TypeVPC {
					what = fmt.Sprintf("its %s, the default %s of %s%s,", kind, kind, x.Addr, via)
					if kind == "route table" {
						what = fmt.Sprintf("its route table, the main route table of %s%s,", x.Addr, via)
					}
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Endpoint uses another VPC's " + kind,
					Detail: fmt.Sprintf("%s is in %s, but %s %s. An endpoint can only use subnets, security groups and route tables of its own VPC; use ones of %s.",
						e.Addr, vpc, what, where, vpc),
					Subject: subject.Ptr(),
				})
			}
			inline := func(kind, path string) {
				for _, x := range e.Links(path) {
					check(kind, x, e.Ranges(path).Expr, "")
				}
			}
			associated := func(kind string, assocType schema.TypeName, path string) {
				for _, a := range referrers(e, assocType, "vpc_endpoint_id") {
					for _, x := range a.Links(path) {
						check(kind, x, a.Ranges(path).Expr, fmt.Sprintf(" (through %s)", a.Addr))
					}
				}
			}
			inline("subnet", "subnet_ids")
			inline("subnet", "subnet_configuration[*].subnet_id")
			associated("subnet", schema.TypeVPCEndpointSubnetAssoc, "subnet_id")
			inline("security group", "security_group_ids")
			associated("security group", schema.TypeVPCEndpointSecurityGroupAssoc, "security_group_id")
			inline("route table", "route_table_ids")
			associated("route table", schema.TypeVPCEndpointRouteTableAssoc, "route_table_id")
		}
		return diags
	},
}
