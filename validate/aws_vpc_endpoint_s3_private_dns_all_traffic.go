package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointS3PrivateDNSAllTraffic: research VPCE-S3IF-008. With
// private DNS and inbound-only false, all in-VPC S3 traffic goes through
// the paid interface endpoint; the gateway endpoint goes unused.
var awsVPCEndpointS3PrivateDNSAllTraffic = &Rule{
	ID:       "aws_vpc_endpoint_s3_private_dns_all_traffic",
	Summary:  "S3 private DNS for all traffic leaves the free gateway endpoint unused",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			name, svc, ok := endpointService(in, e)
			if !ok || svc == nil || !svc.InboundResolverOnly {
				continue
			}
			if dns, ok := boolAttr(e, "private_dns_enabled"); !ok || !dns {
				continue
			}
			flag, set := nested(e, "dns_options", 0, "private_dns_only_for_inbound_resolver_endpoint")
			if !set || flag.True() {
				continue
			}
			vpc := vpcOf(e)
			if vpc == nil {
				continue
			}
			if has, known := hasGatewayFor(in, vpc, name.Service); !known || !has {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "S3 gateway endpoint bypassed by private DNS",
				Detail: fmt.Sprintf("%s enables private DNS with private_dns_only_for_inbound_resolver_endpoint = false, so all S3 requests from %s resolve to the interface endpoint and are billed per GB, while the S3 gateway endpoint of the VPC, which is free, carries nothing. Set private_dns_only_for_inbound_resolver_endpoint = true to keep in-VPC traffic on the gateway endpoint and serve on-premises clients through the interface endpoint.",
					e.Addr, vpc.Addr),
				Subject: e.Resource.Ranges("dns_options[0].private_dns_only_for_inbound_resolver_endpoint").Expr.Ptr(),
			})
		}
		return diags
	},
}
