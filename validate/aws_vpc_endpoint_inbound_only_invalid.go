package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointInboundOnlyInvalid: research VPCE-S3IF-006/007. The
// inbound-resolver-only option exists only for interface endpoints to
// services that offer both endpoint types (the service catalog says
// which; for DynamoDB it is UNCONFIRMED), and only with private DNS on.
var awsVPCEndpointInboundOnlyInvalid = &Rule{
	ID:       "aws_vpc_endpoint_inbound_only_invalid",
	Summary:  "private_dns_only_for_inbound_resolver_endpoint is set where it does not apply",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			path := "dns_options[0].private_dns_only_for_inbound_resolver_endpoint"
			flag, set := nested(e, "dns_options", 0, "private_dns_only_for_inbound_resolver_endpoint")
			if !set || !e.Resource.Ranges(path).Found {
				continue
			}
			t, ok := endpointType(e)
			if !ok {
				continue
			}
			name, svc, ok := endpointService(in, e)
			if !ok {
				continue
			}
			why := ""
			switch {
			case t != schema.EndpointInterface:
				why = fmt.Sprintf("it applies only to interface endpoints, and %s is a %s endpoint", e.Addr, t)
			case svc == nil && name.EndpointServiceID == "":
				continue // a service outside the catalog: not provable
			case svc == nil || !svc.InboundResolverOnly:
				why = fmt.Sprintf("it applies only to services with both gateway and interface endpoints (Amazon S3), not to %s", name.Raw)
			default:
				dns, ok := boolAttr(e, "private_dns_enabled")
				if !ok || dns {
					continue
				}
				if flag.False() {
					continue // false without private DNS changes nothing
				}
				why = "it requires private_dns_enabled = true"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS option not applicable",
				Detail:  fmt.Sprintf("%s sets private_dns_only_for_inbound_resolver_endpoint, but %s. Remove the option from dns_options.", e.Addr, why),
				Subject: e.Resource.Ranges(path).Name.Ptr(),
			})
		}
		return diags
	},
}
