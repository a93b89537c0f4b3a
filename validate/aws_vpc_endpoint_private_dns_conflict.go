package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPrivateDNSConflict: research VPCE-IF-007. Only one
// endpoint per service and VPC can have private DNS: "private-dns-enabled
// cannot be set because there is already a conflicting DNS domain".
var awsVPCEndpointPrivateDNSConflict = &Rule{
	ID:       "aws_vpc_endpoint_private_dns_conflict",
	Summary:  "Two interface endpoints for the same service in one VPC both enable private DNS",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type key struct {
			vpc     *config.Instance
			service string
		}
		first := map[key]*config.Instance{}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			dns := network.PrivateDNS(in.Model, e)
			if !dns.Known || !dns.On {
				continue
			}
			service, ok := str(e, "service_name")
			vpc := vpcOf(e)
			if !ok || vpc == nil {
				continue
			}
			k := key{vpc, service}
			if other, dup := first[k]; dup {
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Private DNS enabled twice for one service",
					Detail: fmt.Sprintf("%s and %s are both interface endpoints for %s in %s with private DNS enabled. Private DNS creates a private hosted zone for the service's name, and a VPC can have only one; AWS rejects the second endpoint. Keep private DNS on one endpoint, or remove the duplicate endpoint.",
						other.Addr, e.Addr, service, vpc.Addr),
					Subject: dns.Range(),
				})
				continue
			}
			first[k] = e
		}
		return diags
	},
}
