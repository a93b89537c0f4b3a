package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointRouteTableAssociation is
// aws_vpc_endpoint_route_table_association. It conflicts with the
// endpoint's own route_table_ids for the same table.
var VPCEndpointRouteTableAssociation = managed(TypeVPCEndpointRouteTableAssoc,
	"An association of a gateway endpoint with a route table, which adds the route to the service's prefix list.",
	map[string]*Attribute{
		"vpc_endpoint_id": required(cty.String, "The ID of the gateway endpoint.").
			forceNew().refersTo(idOf(TypeVPCEndpoint)),
		"route_table_id": required(cty.String, "The ID of the route table.").
			forceNew().refersTo(routeTableRefs()...),
	}, nil, true)
