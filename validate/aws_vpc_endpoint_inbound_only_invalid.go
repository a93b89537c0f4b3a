package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointInboundOnlyInvalid: research VPCE-S3IF-006 and
// VPCE-S3IF-007. The option "is available only for services that support
// both gateway and interface endpoints", for interface endpoints; the
// PrivateLink guide names Amazon S3 only, and the service catalog says
// which services take it (for DynamoDB it is UNCONFIRMED, and the provider
// sends it for S3 only). Set to true, it "can only be specified if
// private_dns_enabled is true" (the provider's documentation; AWS's wording
// is UNCONFIRMED); false is the provider's default, sent for every
// dns_options block of an S3 endpoint, so it is not reported there.
var awsVPCEndpointInboundOnlyInvalid = &Rule{
	ID:       "aws_vpc_endpoint_inbound_only_invalid",
	Summary:  "private_dns_only_for_inbound_resolver_endpoint is set where it does not apply",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			value, written, ok := inboundOnly(e)
			if !ok || !written {
				continue
			}
			t, ok := endpointType(e)
			if !ok {
				continue
			}
			why, note, fix := "", "", "Remove the option from dns_options."
			switch name, svc, known := endpointService(in, e); {
			case t != schema.EndpointInterface:
				why = fmt.Sprintf("the option applies only to interface endpoints, and %s is a %s endpoint", e.Addr, t)
			case !known:
				continue
			case svc == nil && !name.IsEndpointService():
				continue // outside the catalog: nothing is known of it
			case svc == nil:
				why = fmt.Sprintf("the option applies only to AWS services with both gateway and interface endpoints, and %s is an endpoint service", name.Raw)
			case !svc.InboundResolverOnly:
				why = fmt.Sprintf("the option applies only to services with both gateway and interface endpoints, and vpcplan's service catalog does not list %s among them", svc.Title)
				if svc.Note != "" && svc.Offers(schema.EndpointGateway) {
					note = svc.Note + " "
				}
			default:
				// false is what the provider sends for any dns_options block
				// on an S3 endpoint, written or not: only true asks for
				// private DNS.
				dns, ok := network.PrivateDNSOn(in.Model, e)
				if !ok || dns || !value {
					continue
				}
				why = "the option can only be set when private_dns_enabled is true, and it is false"
				fix = "Set private_dns_enabled = true, or remove the option from dns_options."
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS option not applicable",
				Detail:  fmt.Sprintf("%s sets private_dns_only_for_inbound_resolver_endpoint, but %s. %s%s", e.Addr, why, note, fix),
				Subject: e.Ranges(inboundOnlyPath).Name.Ptr(),
			})
		}
		return diags
	},
}
