package schema

import "github.com/zclconf/go-cty/cty"

// VPC is aws_vpc. DNS support defaults to on and DNS hostnames to off (the
// AWS defaults for a non-default VPC); interface endpoints with private DNS
// need both on. The provider does not force replacement on
// instance_tenancy: AWS can change a VPC's tenancy from dedicated to default
// in place, and rejects the other direction.
var VPC = managed(TypeVPC,
	"A virtual private cloud: an isolated IPv4 (and optionally IPv6) network in one Region.",
	map[string]*Attribute{
		"cidr_block": optionalComputed(cty.String, "The primary IPv4 CIDR block, /16 to /28; allocated from ipv4_ipam_pool_id when omitted.").
			forceNew(),
		"ipv4_ipam_pool_id":   optional(cty.String, "The ID of the IPAM pool the primary IPv4 CIDR block is allocated from.").forceNew(),
		"ipv4_netmask_length": optional(cty.Number, "The netmask length of the IPv4 CIDR block allocated from the IPAM pool.").forceNew(),
		"instance_tenancy": optional(cty.String, `The tenancy of instances launched in the VPC, "default" or "dedicated".`).
			withDefault(cty.StringVal("default")),
		"enable_dns_support": optional(cty.Bool, "Whether the Amazon DNS server resolves names in the VPC (enableDnsSupport).").
			withDefault(cty.True),
		"enable_dns_hostnames": optionalComputed(cty.Bool, "Whether instances get public DNS hostnames (enableDnsHostnames); false unless set, except in a default VPC.").
			withDefault(cty.False),
		"enable_network_address_usage_metrics": optionalComputed(cty.Bool, "Whether network address usage metrics are enabled for the VPC."),
		"assign_generated_ipv6_cidr_block":     optional(cty.Bool, "Whether to request an Amazon-provided /56 IPv6 CIDR block."),
		"ipv6_cidr_block":                      optionalComputed(cty.String, "The IPv6 CIDR block, /56; set explicitly only with ipv6_ipam_pool_id."),
		"ipv6_cidr_block_network_border_group": optionalComputed(cty.String, "The network border group the Amazon-provided IPv6 CIDR block is advertised from."),
		"ipv6_ipam_pool_id":                    optional(cty.String, "The ID of the IPAM pool the IPv6 CIDR block is allocated from."),
		"ipv6_netmask_length":                  optional(cty.Number, "The netmask length of the IPv6 CIDR block allocated from the IPAM pool (56)."),

		"arn":                       computed(cty.String, "The ARN of the VPC."),
		"owner_id":                  computed(cty.String, "The ID of the account that owns the VPC."),
		"main_route_table_id":       computed(cty.String, "The ID of the main route table, used by subnets without an explicit association."),
		"default_route_table_id":    computed(cty.String, "The ID of the route table created with the VPC (the main route table)."),
		"default_security_group_id": computed(cty.String, "The ID of the security group created with the VPC."),
		"default_network_acl_id":    computed(cty.String, "The ID of the network ACL created with the VPC."),
		"dhcp_options_id":           computed(cty.String, "The ID of the DHCP options set associated with the VPC."),
		"ipv6_association_id": computed(cty.String, "The association ID of the IPv6 CIDR block.").
			recomputedOn("assign_generated_ipv6_cidr_block", "ipv6_ipam_pool_id", "ipv6_cidr_block"),
	}, nil, false).withRemoved(map[string]*Removal{
	"enable_classiclink":             {Version: 5, Why: "with EC2-Classic"},
	"enable_classiclink_dns_support": {Version: 5, Why: "with EC2-Classic"},
})
