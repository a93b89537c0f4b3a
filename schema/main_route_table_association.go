package schema

import "github.com/zclconf/go-cty/cty"

// MainRouteTableAssociation is aws_main_route_table_association. Deleting
// it makes the VPC's original main route table the main one again.
var MainRouteTableAssociation = managed(TypeMainRouteTableAssociation,
	"Which route table is the main route table of a VPC.",
	map[string]*Attribute{
		"vpc_id": required(cty.String, "The ID of the VPC whose main route table is set.").
			refersTo(idOf(TypeVPC)),
		"route_table_id": required(cty.String, "The ID of the route table to make the main route table.").
			refersTo(idOf(TypeRouteTable)),
		"original_route_table_id": computed(cty.String, "The ID of the main route table before the association, restored when it is deleted."),
	}, nil, true).withTimeouts("create", "update", "delete")
