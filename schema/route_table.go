package schema

import "github.com/zclconf/go-cty/cty"

// RouteTable is aws_route_table. Its inline route blocks and aws_route
// resources for the same table conflict; routes to gateway endpoints are
// never written here (AWS adds them for route_table_ids).
var RouteTable = managed(TypeRouteTable,
	"A route table of a VPC.",
	map[string]*Attribute{
		"vpc_id": required(cty.String, "The ID of the VPC the route table belongs to.").
			forceNew().refersTo(idOf(TypeVPC)),
		"propagating_vgws": optionalComputed(cty.Set(cty.String), "The IDs of the virtual private gateways whose routes propagate into the table."),
		"arn":              computed(cty.String, "The ARN of the route table."),
		"owner_id":         computed(cty.String, "The ID of the account that owns the route table."),
	},
	map[string]*NestedBlock{
		"route": setBlock(0, 0, "A route of the table, with one destination and one target; the local route is implicit.", inlineRouteBlock()).computed().attrMode(),
	}, false).withTimeouts("create", "update", "delete")
