package schema

import "github.com/zclconf/go-cty/cty"

// SecurityGroupRule is aws_security_group_rule. Every argument but
// description replaces the rule. The peer is given by cidr_blocks,
// ipv6_cidr_blocks, prefix_list_ids, source_security_group_id or self (at
// least one; source_security_group_id and self exclude the CIDR lists).
var SecurityGroupRule = managed(TypeSecurityGroupRule,
	"One inbound or outbound rule of a security group.",
	map[string]*Attribute{
		"security_group_id": required(cty.String, "The ID of the security group the rule belongs to.").
			forceNew().refersTo(securityGroupRefs()...),
		"type":      required(cty.String, `The direction of the rule, "ingress" or "egress".`).forceNew(),
		"protocol":  required(cty.String, `The protocol: "tcp", "udp", "icmp", "icmpv6", a protocol number, or "-1" (or "all") for all.`).forceNew(),
		"from_port": required(cty.Number, "The start of the port range, or the ICMP type.").forceNew(),
		"to_port":   required(cty.Number, "The end of the port range, or the ICMP code.").forceNew(),
		"cidr_blocks": optional(cty.List(cty.String), "The IPv4 CIDR blocks of the source (ingress) or destination (egress).").
			forceNew(),
		"ipv6_cidr_blocks": optional(cty.List(cty.String), "The IPv6 CIDR blocks of the source or destination.").
			forceNew(),
		"prefix_list_ids": optional(cty.List(cty.String), "The IDs of the prefix lists of the source or destination, such as a gateway endpoint's.").
			forceNew().refersTo(prefixListRefs()...),
		"source_security_group_id": optionalComputed(cty.String, "The ID of the security group of the source (ingress) or destination (egress).").
			forceNew().refersTo(securityGroupRefs()...),
		"self": optional(cty.Bool, "Whether the security group itself is the source or destination.").
			forceNew().withDefault(cty.False),
		"description":            optional(cty.String, "A description of the rule."),
		"security_group_rule_id": computed(cty.String, "The ID of the security group rule (sgr-…)."),
	}, nil, true).withTimeouts("create")
