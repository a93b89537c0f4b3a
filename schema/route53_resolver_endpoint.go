package schema

import "github.com/zclconf/go-cty/cty"

// Route53ResolverEndpoint is aws_route53_resolver_endpoint. Its VPC is not
// an argument: AWS derives host_vpc_id from the subnets of ip_address, which
// must all be in one VPC.
var Route53ResolverEndpoint = managed(TypeRoute53ResolverEndpoint,
	"A Route 53 Resolver endpoint: network interfaces in a VPC that take DNS queries from outside (inbound) or forward them out (outbound).",
	map[string]*Attribute{
		"direction": required(cty.String, `The direction of DNS queries, "INBOUND" (into the VPC's resolver) or "OUTBOUND" (from it to other resolvers).`).
			forceNew(),
		"security_group_ids": required(cty.Set(cty.String), "The IDs of the security groups of the endpoint network interfaces, 1 to 64.").
			forceNew().refersTo(securityGroupRefs()...),
		"name":                               optional(cty.String, "A friendly name of the endpoint."),
		"protocols":                          optionalComputed(cty.Set(cty.String), `The DNS protocols of the endpoint, one or two of "Do53", "DoH" and "DoH-FIPS".`),
		"resolver_endpoint_type":             optionalComputed(cty.String, `The IP address type of the endpoint, "IPV4", "IPV6" or "DUALSTACK".`),
		"rni_enhanced_metrics_enabled":       optional(cty.Bool, "Whether Resolver network interface enhanced metrics are published."),
		"target_name_server_metrics_enabled": optionalComputed(cty.Bool, "Whether target name server metrics are published (outbound endpoints)."),
		"arn":                                computed(cty.String, "The ARN of the Resolver endpoint."),
		"host_vpc_id":                        computed(cty.String, "The ID of the VPC of the endpoint's subnets."),
	},
	map[string]*NestedBlock{
		"ip_address": setBlock(2, 10, "An endpoint network interface: a subnet and optionally its addresses; 2 to 10, in at least two Availability Zones for availability.", Block{Attributes: map[string]*Attribute{
			"subnet_id": required(cty.String, "The ID of the subnet of the network interface.").refersTo(idOf(TypeSubnet)),
			"ip":        optionalComputed(cty.String, "The IPv4 address in the subnet; chosen by AWS when omitted."),
			"ipv6":      optionalComputed(cty.String, "The IPv6 address in the subnet; chosen by AWS when omitted."),
			"ip_id":     computed(cty.String, "The ID of the IP address."),
		}}),
	}, false).withTimeouts("create", "update", "delete")
