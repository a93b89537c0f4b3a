package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointPolicy is aws_vpc_endpoint_policy. It conflicts with the
// endpoint's own policy argument.
var VPCEndpointPolicy = managed(TypeVPCEndpointPolicy,
	"The policy of a VPC endpoint, managed apart from the endpoint.",
	map[string]*Attribute{
		"vpc_endpoint_id": required(cty.String, "The ID of the endpoint.").
			forceNew().refersTo(idOf(TypeVPCEndpoint)),
		"policy": optionalComputed(cty.String, "The endpoint policy, a JSON IAM policy document; full access when omitted."),
	}, nil, true).withTimeouts("create", "delete")
