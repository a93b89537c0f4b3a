package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointS3InboundOnlyRequiresGateway: research VPCE-S3IF-004/005.
// Private DNS "only for inbound resolver endpoints" on an S3 interface
// endpoint needs an S3 gateway endpoint in the same VPC, and AWS turns the
// option on when it is not set.
var awsVPCEndpointS3InboundOnlyRequiresGateway = &Rule{
	ID:       "aws_vpc_endpoint_s3_inbound_only_requires_gateway",
	Summary:  "S3 inbound-only private DNS needs an S3 gateway endpoint in the VPC",
	Severity: hcl.DiagError,
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
			if set && flag.False() {
				continue
			}
			vpc := vpcOf(e)
			if vpc == nil {
				continue
			}
			has, known := hasGatewayFor(in, vpc, name.Service)
			if !known || has {
				continue
			}
			subject := e.Resource.Ranges("dns_options[0].private_dns_only_for_inbound_resolver_endpoint")
			how := "private_dns_only_for_inbound_resolver_endpoint is true"
			if !set {
				subject = e.Resource.Ranges("private_dns_enabled")
				how = "private_dns_only_for_inbound_resolver_endpoint is not set, and AWS defaults it to true"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Inbound-only private DNS without a gateway endpoint",
				Detail: fmt.Sprintf("%s enables private DNS for %s and %s, so traffic from inside the VPC must reach S3 through a gateway endpoint, but %s has no S3 gateway endpoint; AWS rejects the endpoint. Add an S3 gateway endpoint to the VPC, or set private_dns_only_for_inbound_resolver_endpoint = false in dns_options.",
					e.Addr, name.Raw, how, vpc.Addr),
				Subject: subject.Expr.Ptr(),
			})
		}
		return diags
	},
}

// hasGatewayFor reports whether the VPC has a gateway endpoint for the
// service; known is false when some endpoint of the VPC has an unknown type
// or service name.
func hasGatewayFor(in *Input, vpc *config.Instance, service string) (has, known bool) {
	for _, other := range vpcEndpoints(vpc) {
		t, ok := endpointType(other)
		if !ok {
			return false, false
		}
		if t != schema.EndpointGateway {
			continue
		}
		n, _, ok := endpointService(in, other)
		if !ok {
			return false, false
		}
		if n.Service == service {
			return true, true
		}
	}
	return false, true
}
