package schema

import "github.com/zclconf/go-cty/cty"

// Route is aws_route. Exactly one destination argument and exactly one
// target argument are set; a destination change replaces the route, a
// target change updates it in place (ReplaceRoute).
var Route = managed(TypeRoute,
	"A single route in a route table.",
	map[string]*Attribute{
		"route_table_id": required(cty.String, "The ID of the route table the route is added to.").
			forceNew().refersTo(routeTableRefs()...),

		"destination_cidr_block":      optional(cty.String, "The IPv4 CIDR block the route matches.").forceNew(),
		"destination_ipv6_cidr_block": optional(cty.String, "The IPv6 CIDR block the route matches.").forceNew(),
		"destination_prefix_list_id": optional(cty.String, "The ID of the managed prefix list the route matches; not with a VPC endpoint target.").
			forceNew().refersTo(prefixListRefs()...),

		"carrier_gateway_id":     optional(cty.String, "The ID of a carrier gateway (Wavelength Zones, IPv4 only)."),
		"core_network_arn":       optional(cty.String, "The ARN of an AWS Cloud WAN core network."),
		"egress_only_gateway_id": optional(cty.String, "The ID of an egress-only internet gateway (IPv6 only)."),
		"gateway_id": optional(cty.String, `The ID of an internet gateway or virtual private gateway, or "local".`).
			refersTo(idOf(TypeInternetGateway)),
		"local_gateway_id":          optional(cty.String, "The ID of an Outpost local gateway."),
		"nat_gateway_id":            optional(cty.String, "The ID of a NAT gateway.").refersTo(idOf(TypeNATGateway)),
		"network_interface_id":      optionalComputed(cty.String, "The ID of a network interface."),
		"transit_gateway_id":        optional(cty.String, "The ID of a transit gateway."),
		"vpc_endpoint_id":           optional(cty.String, "The ID of a Gateway Load Balancer endpoint.").refersTo(idOf(TypeVPCEndpoint)),
		"vpc_peering_connection_id": optional(cty.String, "The ID of a VPC peering connection."),

		"instance_id":       computed(cty.String, "The ID of the EC2 instance whose network interface is the target."),
		"instance_owner_id": computed(cty.String, "The ID of the account that owns the target instance."),
		"origin":            computed(cty.String, "How the route was created: CreateRouteTable, CreateRoute or EnableVgwRoutePropagation."),
		"state":             computed(cty.String, `The state of the route, "active" or "blackhole".`),
		"id":                computed(cty.String, "The route table ID and the destination, joined with an underscore."),
	}, nil, true).withTimeouts("create", "update", "delete").withRemoved(map[string]*Removal{
	"instance_id": {Version: 5, Use: "network_interface_id"},
})
