package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointServiceRegionMismatch: research VPCE-GW-005 and
// VPCE-IF-014. An endpoint's service is in the VPC's Region, except an
// interface endpoint to a service with cross-Region PrivateLink (for AWS
// services, the catalog says which; endpoint services may enable it).
var awsVPCEndpointServiceRegionMismatch = &Rule{
	ID:       "aws_vpc_endpoint_service_region_mismatch",
	Summary:  "The endpoint's service is in another Region than its VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok {
				continue
			}
			name, svc, ok := endpointService(in, e)
			if !ok || name.Region == "" {
				continue
			}
			region := e.Region
			if vpc := vpcOf(e); vpc != nil && vpc.Region != "" {
				region = vpc.Region
			}
			svcRegion, path := name.Region, "service_name"
			if r, ok := str(e, "service_region"); ok && configured(e, "service_region") {
				svcRegion, path = r, "service_region"
			}
			if region == "" || svcRegion == region {
				continue
			}
			if t == schema.EndpointInterface && (svc == nil || svc.CrossRegion) {
				continue // cross-Region PrivateLink may apply
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Endpoint service in another Region",
				Detail: fmt.Sprintf("%s is in %s, but its service is in %s. A %s endpoint reaches services of its own Region only; use the service name of %s (com.amazonaws.%s.%s), or create the endpoint in a VPC of %s.",
					e.Addr, region, svcRegion, t, region, region, name.Service, svcRegion),
				Subject: e.Resource.Ranges(path).Expr.Ptr(),
			})
		}
		return diags
	},
}
