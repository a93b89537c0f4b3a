package schema

import "github.com/zclconf/go-cty/cty"

// Helpers shared by the network schemas (VPC, subnets, routing, security
// groups, VPC endpoints, load balancers, Resolver endpoints). Like
// builders.go, each returns fresh values, so that a modifier called on one
// type's attribute never changes another's.

// routeTableRefs are the attributes that hold a route table ID: a route
// table's id, and the main (default) route table a VPC is created with.
func routeTableRefs() []Ref {
	return []Ref{
		idOf(TypeRouteTable),
		{Type: TypeVPC, Attr: "main_route_table_id"},
		{Type: TypeVPC, Attr: "default_route_table_id"},
	}
}

// securityGroupRefs are the attributes that hold a security group ID: a
// security group's id, and the default security group of a VPC.
func securityGroupRefs() []Ref {
	return []Ref{idOf(TypeSecurityGroup), {Type: TypeVPC, Attr: "default_security_group_id"}}
}

// prefixListRefs are the attributes that hold a prefix list ID: the AWS
// prefix list of a gateway endpoint's service.
func prefixListRefs() []Ref {
	return []Ref{{Type: TypeVPCEndpoint, Attr: "prefix_list_id"}}
}

// inlineRouteBlock is the body of aws_route_table's route blocks. The
// provider models route as an attribute in "attributes as blocks" mode
// (NestedBlock.AttrMode): a set of blocks, or an argument holding a set
// of objects. Each route has exactly one destination and exactly one
// target.
func inlineRouteBlock() Block {
	return Block{Removed: map[string]*Removal{
		"instance_id": {Version: 5, Use: "network_interface_id"},
	}, Attributes: map[string]*Attribute{
		// Destinations.
		"cidr_block":      optional(cty.String, "The IPv4 CIDR block the route matches."),
		"ipv6_cidr_block": optional(cty.String, "The IPv6 CIDR block the route matches."),
		"destination_prefix_list_id": optional(cty.String, "The ID of the managed prefix list the route matches.").
			refersTo(prefixListRefs()...),
		// Targets.
		"carrier_gateway_id":     optional(cty.String, "The ID of a carrier gateway (Wavelength Zones, IPv4 only)."),
		"core_network_arn":       optional(cty.String, "The ARN of an AWS Cloud WAN core network."),
		"egress_only_gateway_id": optional(cty.String, "The ID of an egress-only internet gateway (IPv6 only)."),
		"gateway_id": optional(cty.String, `The ID of an internet gateway or virtual private gateway, or "local".`).
			refersTo(idOf(TypeInternetGateway)),
		"local_gateway_id":          optional(cty.String, "The ID of an Outpost local gateway."),
		"nat_gateway_id":            optional(cty.String, "The ID of a NAT gateway.").refersTo(idOf(TypeNATGateway)),
		"network_interface_id":      optional(cty.String, "The ID of a network interface."),
		"transit_gateway_id":        optional(cty.String, "The ID of a transit gateway."),
		"vpc_endpoint_id":           optional(cty.String, "The ID of a Gateway Load Balancer endpoint.").refersTo(idOf(TypeVPCEndpoint)),
		"vpc_peering_connection_id": optional(cty.String, "The ID of a VPC peering connection."),
	}}
}

// inlineSecurityGroupRuleBlock is the body of aws_security_group's ingress
// and egress blocks. The provider models both as attributes in "attributes
// as blocks" mode (NestedBlock.AttrMode): sets of blocks, or arguments
// holding sets of objects. peer names the other side: "source" for
// ingress, "destination" for egress.
func inlineSecurityGroupRuleBlock(peer string) Block {
	return Block{Attributes: map[string]*Attribute{
		"cidr_blocks":      optional(cty.List(cty.String), "The IPv4 CIDR blocks of the "+peer+"."),
		"ipv6_cidr_blocks": optional(cty.List(cty.String), "The IPv6 CIDR blocks of the "+peer+"."),
		"prefix_list_ids": optional(cty.List(cty.String), "The IDs of the prefix lists of the "+peer+", such as a gateway endpoint's.").
			refersTo(prefixListRefs()...),
		"security_groups": optional(cty.Set(cty.String), "The IDs (or, in EC2-Classic and the default VPC, names) of the security groups of the "+peer+".").
			refersTo(securityGroupRefs()...),
		"self": optional(cty.Bool, "Whether the security group itself is a "+peer+".").
			withDefault(cty.False),
		"from_port":   required(cty.Number, "The start of the port range, or the ICMP type; 0 with protocol -1."),
		"to_port":     required(cty.Number, "The end of the port range, or the ICMP code; 0 with protocol -1."),
		"protocol":    required(cty.String, `The protocol: "tcp", "udp", "icmp", "icmpv6", a protocol number, or "-1" for all.`),
		"description": optional(cty.String, "A description of the rule."),
	}}
}

// vpcSecurityGroupRule builds aws_vpc_security_group_ingress_rule or
// aws_vpc_security_group_egress_rule, which differ only in direction. peer
// names the other side: "source" or "destination".
func vpcSecurityGroupRule(t TypeName, desc, peer string) *Resource {
	return managed(t, desc,
		map[string]*Attribute{
			"security_group_id": required(cty.String, "The ID of the security group the rule belongs to.").
				forceNew().refersTo(securityGroupRefs()...),
			"ip_protocol": required(cty.String, `The IP protocol name or number; "-1" means all protocols and all ports.`),
			"from_port":   optional(cty.Number, "The start of the port range for TCP and UDP, or an ICMP/ICMPv6 type; omitted with ip_protocol -1."),
			"to_port":     optional(cty.Number, "The end of the port range for TCP and UDP, or an ICMP/ICMPv6 code; omitted with ip_protocol -1."),
			"cidr_ipv4":   optional(cty.String, "The IPv4 CIDR range of the "+peer+"; exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id and referenced_security_group_id is set."),
			"cidr_ipv6":   optional(cty.String, "The IPv6 CIDR range of the "+peer+"."),
			"prefix_list_id": optional(cty.String, "The ID of the prefix list of the "+peer+", such as a gateway endpoint's.").
				refersTo(prefixListRefs()...),
			"referenced_security_group_id": optional(cty.String, "The ID of the security group of the "+peer+".").
				refersTo(securityGroupRefs()...),
			"description":            optional(cty.String, "A description of the rule."),
			"arn":                    computed(cty.String, "The ARN of the security group rule."),
			"security_group_rule_id": computed(cty.String, "The ID of the security group rule (sgr-…)."),
		}, nil, false)
}

// lbLogsBlock is aws_lb's access_logs or connection_logs block: what
// names the kind of log.
func lbLogsBlock(what string) *NestedBlock {
	return singleBlock("Where the load balancer stores its "+what+" in S3.", Block{Attributes: map[string]*Attribute{
		"bucket": required(cty.String, "The name of the S3 bucket the "+what+" are stored in.").
			refersTo(idOf(TypeS3Bucket), Ref{Type: TypeS3Bucket, Attr: "bucket"}),
		"enabled": optional(cty.Bool, "Whether the "+what+" are stored.").withDefault(cty.False),
		"prefix":  optional(cty.String, "The S3 key prefix of the "+what+"; the bucket root when omitted."),
	}})
}
