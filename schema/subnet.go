package schema

import "github.com/zclconf/go-cty/cty"

// Subnet is aws_subnet. A subnet lives in one VPC and one Availability
// Zone; either changes replace it.
var Subnet = managed(TypeSubnet,
	"A range of a VPC's addresses in one Availability Zone.",
	map[string]*Attribute{
		"vpc_id": required(cty.String, "The ID of the VPC the subnet belongs to.").
			forceNew().refersTo(idOf(TypeVPC)),
		"cidr_block": optionalComputed(cty.String, "The IPv4 CIDR block, inside one of the VPC's CIDR blocks; allocated from ipv4_ipam_pool_id when omitted.").
			forceNew(),
		"availability_zone": optionalComputed(cty.String, "The Availability Zone name, such as us-east-1a; conflicts with availability_zone_id.").
			forceNew(),
		"availability_zone_id": optionalComputed(cty.String, "The Availability Zone ID, such as use1-az1, which is the same zone in every account.").
			forceNew(),
		"ipv4_ipam_pool_id":   optional(cty.String, "The ID of the IPAM pool the IPv4 CIDR block is allocated from.").forceNew(),
		"ipv4_netmask_length": optional(cty.Number, "The netmask length of the IPv4 CIDR block allocated from the IPAM pool.").forceNew(),
		"ipv6_cidr_block":     optionalComputed(cty.String, "The IPv6 CIDR block, /64, inside the VPC's IPv6 CIDR block."),
		"ipv6_ipam_pool_id":   optional(cty.String, "The ID of the IPAM pool the IPv6 CIDR block is allocated from.").forceNew(),
		"ipv6_netmask_length": optional(cty.Number, "The netmask length of the IPv6 CIDR block allocated from the IPAM pool.").forceNew(),
		"ipv6_native": optional(cty.Bool, "Whether the subnet is IPv6-only, with no IPv4 CIDR block.").
			forceNew().withDefault(cty.False),
		"assign_ipv6_address_on_creation": optional(cty.Bool, "Whether network interfaces created in the subnet get an IPv6 address.").
			withDefault(cty.False),
		"map_public_ip_on_launch": optional(cty.Bool, "Whether instances launched in the subnet get a public IPv4 address.").
			withDefault(cty.False),
		"map_customer_owned_ip_on_launch": optional(cty.Bool, "Whether network interfaces created in the subnet get a customer-owned IPv4 address (Outposts)."),
		"customer_owned_ipv4_pool":        optional(cty.String, "The customer-owned IPv4 address pool (Outposts)."),
		"outpost_arn":                     optional(cty.String, "The ARN of the Outpost the subnet is on.").forceNew(),
		"enable_dns64": optional(cty.Bool, "Whether DNS queries in the subnet return synthetic IPv6 addresses for IPv4-only destinations.").
			withDefault(cty.False),
		"enable_lni_at_device_index": optional(cty.Number, "The device position of local network interfaces in the subnet (Outposts)."),
		"enable_resource_name_dns_a_record_on_launch": optional(cty.Bool, "Whether DNS queries for instance hostnames return A records.").
			withDefault(cty.False),
		"enable_resource_name_dns_aaaa_record_on_launch": optional(cty.Bool, "Whether DNS queries for instance hostnames return AAAA records.").
			withDefault(cty.False),
		"private_dns_hostname_type_on_launch": optionalComputed(cty.String, `The type of hostnames given to instances, "ip-name" or "resource-name".`),

		"arn":      computed(cty.String, "The ARN of the subnet."),
		"owner_id": computed(cty.String, "The ID of the account that owns the subnet."),
		"ipv6_cidr_block_association_id": computed(cty.String, "The association ID of the IPv6 CIDR block.").
			recomputedOn("ipv6_cidr_block"),
	}, nil, false).withTimeouts("create", "delete")
