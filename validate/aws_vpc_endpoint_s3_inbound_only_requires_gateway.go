package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// awsVPCEndpointS3InboundOnlyRequiresGateway: research VPCE-S3IF-004 and
// VPCE-S3IF-005. "To set PrivateDnsOnlyForInboundResolverEndpoint to true,
// the VPC vpce_id must have a gateway endpoint for the service", and "If
// you don't specify a value for PrivateDnsOnlyForInboundResolverEndpoint,
// it will default to true". Which services take the option comes from the
// service catalog (InboundResolverOnly).
var awsVPCEndpointS3InboundOnlyRequiresGateway = &Rule{
	ID:       "aws_vpc_endpoint_s3_inbound_only_requires_gateway",
	Summary:  "S3 inbound-only private DNS needs an S3 gateway endpoint in the VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		var gateways *gatewayIndex
		for _, p := range privateDNSEndpoints(in) {
			if !p.inboundOnly {
				continue
			}
			if gateways == nil {
				gateways = newGatewayIndex(in)
			}
			if has, known := gateways.lookup(p.vpc, p.svc); has || !known {
				continue
			}
			how := "sets private_dns_only_for_inbound_resolver_endpoint = true"
			if !p.written {
				how = "leaves private_dns_only_for_inbound_resolver_endpoint unset, which AWS takes as true"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS without a gateway endpoint",
				Detail: fmt.Sprintf("%s enables private DNS for %s and %s, so requests from inside the VPC must keep using a gateway endpoint for the service, but %s has none; AWS rejects the endpoint. Add a gateway endpoint for %s to %s, or set private_dns_only_for_inbound_resolver_endpoint = false in dns_options to send all requests through the interface endpoint.",
					p.e.Addr, p.svc.Title, how, p.vpc.Addr, p.svc.Title, p.vpc.Addr),
				Subject: p.optionRange(),
			})
		}
		return diags
	},
}
