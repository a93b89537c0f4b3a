package schema

import "github.com/zclconf/go-cty/cty"

// InternetGateway is aws_internet_gateway. Changing vpc_id detaches and
// reattaches it in place.
var InternetGateway = managed(TypeInternetGateway,
	"An internet gateway, optionally attached to a VPC.",
	map[string]*Attribute{
		"vpc_id": optionalComputed(cty.String, "The ID of the VPC the gateway is attached to.").
			refersTo(idOf(TypeVPC)),
		"arn":      computed(cty.String, "The ARN of the internet gateway."),
		"owner_id": computed(cty.String, "The ID of the account that owns the internet gateway."),
	}, nil, false).withTimeouts("create", "update", "delete")
