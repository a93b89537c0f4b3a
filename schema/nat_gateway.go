package schema

import "github.com/zclconf/go-cty/cty"

// NATGateway is aws_nat_gateway, zonal: it lives in one subnet.
var NATGateway = managed(TypeNATGateway,
	"A NAT gateway in a subnet.",
	map[string]*Attribute{
		"subnet_id": required(cty.String, "The ID of the subnet the NAT gateway is placed in.").
			forceNew().refersTo(idOf(TypeSubnet)),
		"connectivity_type": optional(cty.String, `"public" (through an internet gateway, with an Elastic IP) or "private".`).
			forceNew().withDefault(cty.StringVal("public")),
		"allocation_id":                      optional(cty.String, "The allocation ID of the Elastic IP address of a public NAT gateway.").forceNew(),
		"private_ip":                         optionalComputed(cty.String, "The private IPv4 address of the NAT gateway.").forceNew(),
		"secondary_allocation_ids":           optional(cty.Set(cty.String), "The allocation IDs of secondary Elastic IP addresses of a public NAT gateway."),
		"secondary_private_ip_address_count": optionalComputed(cty.Number, "The number of secondary private IPv4 addresses of a private NAT gateway.").forceNew(),
		"secondary_private_ip_addresses":     optionalComputed(cty.Set(cty.String), "The secondary private IPv4 addresses of the NAT gateway."),

		"association_id":       computed(cty.String, "The association ID of the Elastic IP address."),
		"network_interface_id": computed(cty.String, "The ID of the network interface of the NAT gateway."),
		"public_ip":            computed(cty.String, "The Elastic IP address of a public NAT gateway."),
	}, nil, false).withTimeouts("create", "update", "delete")
