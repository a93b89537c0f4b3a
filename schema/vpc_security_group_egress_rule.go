package schema

// VPCSecurityGroupEgressRule is aws_vpc_security_group_egress_rule, one
// outbound rule with its own ID and tags. Changing the kind of destination
// (CIDR, prefix list or security group) replaces it; other changes update
// it.
var VPCSecurityGroupEgressRule = vpcSecurityGroupRule(TypeVPCSecurityGroupEgressRule,
	"One outbound rule of a security group, with its own ID and tags.", "destination")
