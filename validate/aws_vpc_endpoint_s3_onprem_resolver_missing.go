package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// awsVPCEndpointS3OnpremResolverMissing: research VPCE-S3IF-009. With
// inbound-only private DNS, requests from the VPC use the gateway endpoint
// and only DNS queries that arrive through a Route 53 Resolver inbound
// endpoint get the interface endpoint's addresses: "An inbound Resolver
// endpoint forwards DNS queries from the on-premises network to Route 53
// Resolver."
var awsVPCEndpointS3OnpremResolverMissing = &Rule{
	ID:       "aws_vpc_endpoint_s3_onprem_resolver_missing",
	Summary:  "S3 inbound-only private DNS without an INBOUND Resolver endpoint in the VPC",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		var resolvers *inboundResolverIndex
		for _, p := range privateDNSEndpoints(in) {
			if !p.inboundOnly {
				continue
			}
			if resolvers == nil {
				resolvers = newInboundResolverIndex(in)
			}
			if has, known := resolvers.lookup(p.vpc); has || !known {
				continue
			}
			mode := "sets private_dns_only_for_inbound_resolver_endpoint = true"
			if !p.written {
				mode = "leaves private_dns_only_for_inbound_resolver_endpoint unset, which AWS takes as true"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS without an inbound Resolver endpoint",
				Detail: fmt.Sprintf("%s enables private DNS for %s and %s: only DNS queries that arrive through a Route 53 Resolver inbound endpoint in %s resolve to the interface endpoint, and the configuration declares no INBOUND aws_route53_resolver_endpoint there. On-premises clients therefore cannot resolve the service's default names to the interface endpoint. Add an INBOUND aws_route53_resolver_endpoint in the VPC and forward the service's names to it from on premises, or remove the interface endpoint if only the VPC uses the service.",
					p.e.Addr, p.svc.Title, mode, p.vpc.Addr),
				Subject: p.optionRange(),
			})
		}
		return diags
	},
}
