package schema

import "github.com/zclconf/go-cty/cty"

// VPCIPv4CIDRBlockAssociation is aws_vpc_ipv4_cidr_block_association. It
// has no update: every argument replaces it.
var VPCIPv4CIDRBlockAssociation = managed(TypeVPCIPv4CIDRBlockAssociation,
	"A secondary IPv4 CIDR block of a VPC.",
	map[string]*Attribute{
		"vpc_id": required(cty.String, "The ID of the VPC to add the CIDR block to.").
			forceNew().refersTo(idOf(TypeVPC)),
		"cidr_block": optionalComputed(cty.String, "The secondary IPv4 CIDR block, /16 to /28; allocated from ipv4_ipam_pool_id when omitted.").
			forceNew(),
		"ipv4_ipam_pool_id":   optional(cty.String, "The ID of the IPAM pool the CIDR block is allocated from.").forceNew(),
		"ipv4_netmask_length": optional(cty.Number, "The netmask length of the CIDR block allocated from the IPAM pool.").forceNew(),
	}, nil, true).withTimeouts("create", "delete")
