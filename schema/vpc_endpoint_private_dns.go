package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointPrivateDNS is aws_vpc_endpoint_private_dns, a Plugin Framework
// resource that turns an interface endpoint's private DNS on or off with
// ModifyVpcEndpoint. Its delete calls no API: the endpoint keeps the last
// setting. The provider's documentation says the endpoint's own
// private_dns_enabled should then be omitted: setting both can lead to
// persistent differences.
//
// The provider's schema has no "id" attribute; vpcplan's managed types all
// have one, and here it is the endpoint's ID, the provider's import ID.
var VPCEndpointPrivateDNS = managed(TypeVPCEndpointPrivateDNS,
	"The private DNS setting of an interface VPC endpoint, managed apart from the endpoint.",
	map[string]*Attribute{
		"id": computed(cty.String, "The ID of the endpoint, the ID an import takes."),
		"vpc_endpoint_id": required(cty.String, "The ID of the endpoint.").
			forceNew().refersTo(idOf(TypeVPCEndpoint)),
		"private_dns_enabled": required(cty.Bool, "Whether a private hosted zone that resolves the service's default DNS name to the endpoint is associated with the VPC; only for interface endpoints."),
	}, nil, true)
