package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointInterfaceSubnetAZDuplicate: research VPCE-IF-001. An
// interface endpoint takes at most one subnet per Availability Zone.
var awsVPCEndpointInterfaceSubnetAZDuplicate = &Rule{
	ID:       "aws_vpc_endpoint_interface_subnet_az_duplicate",
	Summary:  "Two subnets of one interface endpoint are in the same Availability Zone",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			byAZ := map[string]*config.Instance{}
			for _, s := range endpointSubnets(e) {
				name, id := subnetZone(s)
				az := name + id
				if az == "" {
					continue
				}
				first, dup := byAZ[az]
				if !dup {
					byAZ[az] = s
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Two endpoint subnets in one Availability Zone",
					Detail: fmt.Sprintf("%s is given %s and %s, which are both in %s. An interface endpoint has one network interface per Availability Zone, so AWS accepts at most one subnet per zone; keep one subnet in %s.",
						e.Addr, first.Addr, s.Addr, az, az),
					Subject: e.Ranges("subnet_ids").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
