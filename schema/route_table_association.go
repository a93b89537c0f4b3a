package schema

import "github.com/zclconf/go-cty/cty"

// RouteTableAssociation is aws_route_table_association: exactly one of
// subnet_id and gateway_id is set. Changing the route table updates the
// association in place (ReplaceRouteTableAssociation).
var RouteTableAssociation = managed(TypeRouteTableAssociation,
	"An association of a route table with a subnet, or with an internet or virtual private gateway (an edge association).",
	map[string]*Attribute{
		"route_table_id": required(cty.String, "The ID of the route table to associate.").
			refersTo(routeTableRefs()...),
		"subnet_id": optional(cty.String, "The ID of the subnet to associate the route table with.").
			forceNew().refersTo(idOf(TypeSubnet)),
		"gateway_id": optional(cty.String, "The ID of the internet gateway or virtual private gateway to associate the route table with.").
			forceNew().refersTo(idOf(TypeInternetGateway)),
	}, nil, true).withTimeouts("create", "update", "delete")
