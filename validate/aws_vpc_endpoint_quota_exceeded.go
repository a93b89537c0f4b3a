package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointQuotaExceeded: research VPCE-GW-011 and VPCE-IF-012. At
// most 255 gateway endpoints per VPC (a hard limit), and 50 interface and
// Gateway Load Balancer endpoints per VPC combined (the default quota,
// adjustable). The endpoints are counted per VPC (an aws_vpc of the
// configuration, or a VPC ID written as a literal) in one pass; endpoints
// whose type or VPC is unknown are not counted, so a count over the limit
// is a proof.
var awsVPCEndpointQuotaExceeded = &Rule{
	ID:       "aws_vpc_endpoint_quota_exceeded",
	Summary:  "A VPC has more than 255 gateway endpoints, or more than 50 interface and GWLB endpoints",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		const gatewayLimit, interfaceLimit = 255, 50
		type counts struct {
			gateway, other []*config.Instance
		}
		byVPC := map[vpcRef]*counts{}
		var order []vpcRef
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok {
				continue
			}
			vpc, ok := vpcRefOf(e)
			if !ok {
				continue
			}
			c := byVPC[vpc]
			if c == nil {
				c = &counts{}
				byVPC[vpc] = c
				order = append(order, vpc)
			}
			switch t {
			case schema.EndpointGateway:
				c.gateway = append(c.gateway, e)
			case schema.EndpointInterface, schema.EndpointGatewayLoadBalancer:
				c.other = append(c.other, e)
			}
		}
		var diags hcl.Diagnostics
		for _, vpc := range order {
			c := byVPC[vpc]
			if len(c.gateway) > gatewayLimit {
				e := c.gateway[gatewayLimit]
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Too many gateway endpoints in one VPC",
					Detail: fmt.Sprintf("The VPC %s has %d gateway endpoints; a VPC can have at most %d, and the limit cannot be raised. %s is the %dth in address order. Remove endpoints: one gateway endpoint per service, associated with every route table that needs it, serves the whole VPC.",
						vpc, len(c.gateway), gatewayLimit, e.Addr, gatewayLimit+1),
					Subject: e.Resource.DeclRange.Ptr(),
				})
			}
			if len(c.other) > interfaceLimit {
				e := c.other[interfaceLimit]
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Too many interface endpoints in one VPC",
					Detail: fmt.Sprintf("The VPC %s has %d interface and Gateway Load Balancer endpoints; the default quota is %d per VPC, for both types combined. %s is the %dst in address order. Request a quota increase (Service Quotas, \"Interface and Gateway Load Balancer endpoints per VPC\") before applying, or share endpoints across VPCs through a central VPC.",
						vpc, len(c.other), interfaceLimit, e.Addr, interfaceLimit+1),
					Subject: e.Resource.DeclRange.Ptr(),
				})
			}
		}
		return diags
	},
}
