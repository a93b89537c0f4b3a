package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointServiceRegionMismatch: research VPCE-GW-005 and
// VPCE-IF-014. An endpoint's service is in its VPC's Region: the Region in
// the service name (or of the aws_vpc_endpoint_service it names) and
// service_region, when written, must both be the VPC's. The exception is
// an interface endpoint to a service with cross-Region PrivateLink: an AWS
// service the catalog marks CrossRegion, or an endpoint service whose
// provider allows it. An endpoint service's supported_regions is known
// only when written, and an AWS service the catalog does not list may be
// one with cross-Region support, so both stay silent unless proven.
var awsVPCEndpointServiceRegionMismatch = &Rule{
	ID:       "aws_vpc_endpoint_service_region_mismatch",
	Summary:  "The endpoint's service is in another Region than its VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok || (t != schema.EndpointGateway && t != schema.EndpointInterface && t != schema.EndpointGatewayLoadBalancer) {
				continue
			}
			region, where := e.Region, fmt.Sprintf("%s is in %s", e.Addr, e.Region)
			if vpc := vpcOf(e); vpc != nil && vpc.Region != "" {
				region, where = vpc.Region, fmt.Sprintf("%s is in %s, the Region of its VPC %s", e.Addr, vpc.Region, vpc.Addr)
			}
			if region == "" {
				continue
			}

			// The Regions the endpoint asks for, in the order they are
			// checked, with the argument that says so.
			type claim struct{ region, path string }
			var claims []claim
			if r, ok := str(e, "service_region"); ok && configured(e, "service_region") {
				claims = append(claims, claim{r, "service_region"})
			}
			var svc *schema.Service
			var name schema.ServiceName
			var es *config.Instance
			if n, resolved, ok := endpointService(in, e); ok {
				name, svc = n, resolved
				if svc == nil && !n.IsEndpointService() {
					svc = in.Services.Lookup(n.Service)
				}
				if n.Region != "" {
					claims = append(claims, claim{n.Region, "service_name"})
				}
			} else if es = e.Link("service_name"); es != nil && es.Region != "" {
				claims = append(claims, claim{es.Region, "service_name"})
			}
			var bad claim
			for _, c := range claims {
				if c.region != region {
					bad = c
					break
				}
			}
			if bad.region == "" {
				continue
			}

			var why string
			switch {
			case t == schema.EndpointGateway:
				why = "A gateway endpoint reaches services of its own Region only, because the prefix lists it routes to are specific to a Region."
			case t == schema.EndpointGatewayLoadBalancer:
				why = "Cross-Region PrivateLink is for interface endpoints; a Gateway Load Balancer endpoint reaches endpoint services of its own Region only."
			case svc != nil && svc.CrossRegion:
				continue
			case svc != nil:
				why = fmt.Sprintf("%s does not support cross-Region PrivateLink, so an interface endpoint reaches it in the endpoint's own Region only.", svc.Title)
			case es != nil:
				regions, ok := stringsAttr(es, "supported_regions")
				if !ok || !configured(es, "supported_regions") || slices.Contains(regions, region) {
					continue
				}
				why = fmt.Sprintf("Its endpoint service %s accepts consumers from %s only (supported_regions), not from %s.", es.Addr, joinAnd(regions), region)
			default:
				// An endpoint service name, or an AWS service the catalog
				// does not list: cross-Region support is unknown.
				continue
			}

			what := fmt.Sprintf("its service_region is %s", bad.region)
			if bad.path == "service_name" {
				what = fmt.Sprintf("its service name is for %s", bad.region)
				if es != nil {
					what = fmt.Sprintf("its endpoint service %s is in %s", es.Addr, bad.region)
				}
			}
			// The fix in the VPC's Region: the right service name, and no
			// service_region; or the alternatives.
			var local []string
			if svc != nil && name.Region != "" && name.Region != region {
				if full, ok := serviceNameFor(svc, schema.ServiceName{Region: region, Partition: name.Partition}, e); ok {
					local = append(local, fmt.Sprintf("use the service name of %s, %q", region, full))
				}
			}
			if c := claims[0]; c.path == "service_region" && c.region != region {
				local = append(local, "remove service_region (it defaults to the endpoint's Region)")
			}
			var fixes []string
			if len(local) > 0 {
				fixes = append(fixes, strings.Join(local, ", and "))
			}
			if es != nil && t == schema.EndpointInterface {
				fixes = append(fixes, fmt.Sprintf("add %s to the supported_regions of %s", region, es.Addr))
			}
			fixes = append(fixes, fmt.Sprintf("create the endpoint in a VPC of %s", bad.region))
			fix := strings.Join(fixes, "; or ")
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Endpoint service in another Region",
				Detail:  fmt.Sprintf("%s, but %s. %s %s.", where, what, why, strings.ToUpper(fix[:1])+fix[1:]),
				Subject: e.Ranges(bad.path).Expr.Ptr(),
			})
		}
		return diags
	},
}
