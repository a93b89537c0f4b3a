package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// awsVPCEndpointS3PrivateDNSAllTraffic: research VPCE-S3IF-008. With
// private DNS and inbound-only false, "requests from both your on-premises
// network and your VPC use the interface endpoint … Therefore, you pay to
// use the interface endpoint for traffic from the VPC", and the free
// gateway endpoint of the VPC carries nothing.
var awsVPCEndpointS3PrivateDNSAllTraffic = &Rule{
	ID:       "aws_vpc_endpoint_s3_private_dns_all_traffic",
	Summary:  "S3 private DNS for all traffic leaves the free gateway endpoint unused",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		var gateways *gatewayIndex
		for _, p := range privateDNSEndpoints(in) {
			if p.inboundOnly {
				continue
			}
			if gateways == nil {
				gateways = newGatewayIndex(in)
			}
			if has, _ := gateways.lookup(p.vpc, p.svc); !has {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway endpoint bypassed by private DNS",
				Detail: fmt.Sprintf("%s enables private DNS for %s with private_dns_only_for_inbound_resolver_endpoint = false, so requests from inside %s resolve to the interface endpoint and are billed per GB, while the free gateway endpoint for %s in the VPC carries nothing. Set private_dns_only_for_inbound_resolver_endpoint = true to keep in-VPC traffic on the gateway endpoint and serve on-premises clients through the interface endpoint.",
					p.e.Addr, p.svc.Title, p.vpc.Addr, p.svc.Title),
				Subject: p.optionRange(),
			})
		}
		return diags
	},
}
