package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointQuotaExceeded: research VPCE-GW-011 and VPCE-IF-012. At
// most 255 gateway endpoints per VPC (a hard limit), and 50 interface and
// Gateway Load Balancer endpoints per VPC combined (the default quota).
var awsVPCEndpointQuotaExceeded = &Rule{
	ID:       "aws_vpc_endpoint_quota_exceeded",
	Summary:  "A VPC has more than 255 gateway endpoints, or more than 50 interface and GWLB endpoints",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type counts struct {
			gateway, other []*config.Instance
		}
		byVPC := map[*config.Instance]*counts{}
		var order []*config.Instance
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			vpc := vpcOf(e)
			if !ok || vpc == nil {
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
			if len(c.gateway) > 255 {
				e := c.gateway[255]
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Too many gateway endpoints in one VPC",
					Detail:  fmt.Sprintf("%s has %d gateway endpoints; a VPC can have at most 255, and the limit cannot be raised. %s is the 256th.", vpc.Addr, len(c.gateway), e.Addr),
					Subject: e.Resource.DeclRange.Ptr(),
				})
			}
			if len(c.other) > 50 {
				e := c.other[50]
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Too many interface endpoints in one VPC",
					Detail:  fmt.Sprintf("%s has %d interface and Gateway Load Balancer endpoints; the default quota is 50 per VPC combined. %s is the 51st. Request a quota increase (Service Quotas, \"Interface and Gateway Load Balancer endpoints per VPC\") before applying, or share endpoints across VPCs through a central VPC.", vpc.Addr, len(c.other), e.Addr),
					Subject: e.Resource.DeclRange.Ptr(),
				})
			}
		}
		return diags
	},
}
