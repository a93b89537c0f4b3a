package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPrivateDNSUnsupported: research VPCE-IF-019. Some services'
// interface endpoints do not support private DNS (DynamoDB as of 2024-10;
// later support UNCONFIRMED); the service catalog says which.
var awsVPCEndpointPrivateDNSUnsupported = &Rule{
	ID:       "aws_vpc_endpoint_private_dns_unsupported",
	Summary:  "Private DNS is enabled for a service whose interface endpoints do not support it",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			// The endpoint's own argument counts only where written (its
			// default is false); an aws_vpc_endpoint_private_dns always
			// writes it.
			dns := network.PrivateDNS(in.Model, e)
			if !dns.Known || !dns.On || (dns.From == e && !writtenTrue(e, "private_dns_enabled")) {
				continue
			}
			name, svc, ok := endpointService(in, e)
			if !ok || svc == nil || svc.PrivateDNS {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Private DNS not supported by the service",
				Detail: fmt.Sprintf("%s enables private DNS for %s, but %s interface endpoints do not support private DNS: the public service name keeps resolving to public addresses, so clients must use the endpoint-specific DNS names (dns_entry). Set private_dns_enabled = false and configure clients with the endpoint's DNS name.",
					e.Addr, name.Raw, svc.Title),
				Subject: dns.Range(),
			})
		}
		return diags
	},
}
