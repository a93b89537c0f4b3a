package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointS3OnpremResolverMissing: research VPCE-S3IF-009. With
// inbound-only private DNS, only queries arriving through a Route 53
// Resolver inbound endpoint resolve to the interface endpoint; without
// one, on-premises clients cannot resolve to it.
var awsVPCEndpointS3OnpremResolverMissing = &Rule{
	ID:       "aws_vpc_endpoint_s3_onprem_resolver_missing",
	Summary:  "S3 inbound-only private DNS without an INBOUND Resolver endpoint in the VPC",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		inbound := inboundResolverVPCs(in)
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			_, svc, ok := endpointService(in, e)
			if !ok || svc == nil || !svc.InboundResolverOnly {
				continue
			}
			if dns, ok := boolAttr(e, "private_dns_enabled"); !ok || !dns {
				continue
			}
			if flag, set := nested(e, "dns_options", 0, "private_dns_only_for_inbound_resolver_endpoint"); set && flag.False() {
				continue
			}
			vpc := vpcOf(e)
			if vpc == nil || inbound[vpc] {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS without an inbound Resolver endpoint",
				Detail: fmt.Sprintf("%s uses private DNS only for inbound Resolver endpoints, but %s has no INBOUND aws_route53_resolver_endpoint in the configuration, so no DNS query resolves to the interface endpoint and on-premises clients keep using public S3 addresses. Add an INBOUND Resolver endpoint in the VPC and forward S3 names to it from on premises, or remove the interface endpoint if only the VPC uses S3.",
					e.Addr, vpc.Addr),
				Subject: e.Resource.Ranges("private_dns_enabled").Expr.Ptr(),
			})
		}
		return diags
	},
}
