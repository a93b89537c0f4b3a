package schema

// VPCSecurityGroupIngressRule is aws_vpc_security_group_ingress_rule, one
// inbound rule with its own ID and tags. Changing the kind of source (CIDR,
// prefix list or security group) replaces it; other changes update it.
var VPCSecurityGroupIngressRule = vpcSecurityGroupRule(TypeVPCSecurityGroupIngressRule,
	"One inbound rule of a security group, with its own ID and tags.", "source")
