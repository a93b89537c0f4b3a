package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointSubnetAssociation is aws_vpc_endpoint_subnet_association. It
// conflicts with the endpoint's own subnet_ids for the same subnet.
var VPCEndpointSubnetAssociation = managed(TypeVPCEndpointSubnetAssoc,
	"An association of an interface or Gateway Load Balancer endpoint with a subnet, which adds a network interface there.",
	map[string]*Attribute{
		"vpc_endpoint_id": required(cty.String, "The ID of the endpoint.").
			forceNew().refersTo(idOf(TypeVPCEndpoint)),
		"subnet_id": required(cty.String, "The ID of the subnet.").
			forceNew().refersTo(idOf(TypeSubnet)),
	}, nil, true).withTimeouts("create", "delete")
