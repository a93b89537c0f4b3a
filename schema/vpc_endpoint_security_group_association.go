package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointSecurityGroupAssociation is
// aws_vpc_endpoint_security_group_association. It conflicts with the
// endpoint's own security_group_ids for the same group.
var VPCEndpointSecurityGroupAssociation = managed(TypeVPCEndpointSecurityGroupAssoc,
	"An association of an interface endpoint with a security group.",
	map[string]*Attribute{
		"vpc_endpoint_id": required(cty.String, "The ID of the interface endpoint.").
			forceNew().refersTo(idOf(TypeVPCEndpoint)),
		"security_group_id": required(cty.String, "The ID of the security group.").
			forceNew().refersTo(securityGroupRefs()...),
		"replace_default_association": optional(cty.Bool, "Whether the group replaces the VPC's default security group on the endpoint, which is restored on delete.").
			forceNew().withDefault(cty.False),
	}, nil, true)
