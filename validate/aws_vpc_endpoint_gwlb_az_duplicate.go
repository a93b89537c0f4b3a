package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGWLBAZDuplicate: research VPCE-GWLB-002. "You can create a
// single Gateway Load Balancer endpoint per Availability Zone per
// service." Endpoints are grouped in one pass by VPC, service (the
// aws_vpc_endpoint_service instance service_name names, else the known
// name) and zone (a subnet's availability_zone, or its
// availability_zone_id: a name and an ID are never compared).
var awsVPCEndpointGWLBAZDuplicate = &Rule{
	ID:       "aws_vpc_endpoint_gwlb_az_duplicate",
	Summary:  "Two Gateway Load Balancer endpoints for one service are in the same Availability Zone",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		first := map[gwlbZoneKey]*config.Instance{}
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !isGWLBEndpoint(e) {
				continue
			}
			for _, k := range gwlbZoneKeys(e) {
				other, dup := first[k]
				if !dup {
					first[k] = e
					continue
				}
				service, zone := k.describe()
				subject := e.Ranges("subnet_ids")
				if !subject.Found {
					subject.Expr = e.Resource.DeclRange
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Two Gateway Load Balancer endpoints in one Availability Zone",
					Detail: fmt.Sprintf("%s and %s are Gateway Load Balancer endpoints in %s for the same service (%s), both in Availability Zone %s. AWS allows a single Gateway Load Balancer endpoint per Availability Zone per service. Keep one endpoint in the zone and route the zone's traffic to it.",
						other.Addr, e.Addr, k.vpc.Addr, service, zone),
					Subject: subject.Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
