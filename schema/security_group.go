package schema

import "github.com/zclconf/go-cty/cty"

// SecurityGroup is aws_security_group. Unlike the AWS console, the provider
// removes the default allow-all egress rule, so a group without egress
// blocks allows no outbound traffic. Inline ingress and egress blocks
// conflict with aws_security_group_rule and the aws_vpc_security_group_*_rule
// types for the same group.
var SecurityGroup = managed(TypeSecurityGroup,
	"A security group: stateful allow rules for the network interfaces it is attached to.",
	map[string]*Attribute{
		"name":        optionalComputed(cty.String, "The name of the group; Terraform generates a unique one when it and name_prefix are omitted.").forceNew(),
		"name_prefix": optionalComputed(cty.String, "A prefix for a generated unique name; conflicts with name.").forceNew(),
		"description": optional(cty.String, "The description of the group, up to 255 characters.").
			forceNew().withDefault(cty.StringVal("Managed by Terraform")),
		"vpc_id": optionalComputed(cty.String, "The ID of the VPC the group belongs to; the default VPC when omitted.").
			forceNew().refersTo(idOf(TypeVPC)),
		"revoke_rules_on_delete": optional(cty.Bool, "Whether to revoke the group's rules (and rules of other groups that reference it) before deleting it.").
			withDefault(cty.False),
		"arn":      computed(cty.String, "The ARN of the security group."),
		"owner_id": computed(cty.String, "The ID of the account that owns the security group."),
	},
	map[string]*NestedBlock{
		"ingress": setBlock(0, 0, "An inbound rule; the provider manages the whole set of the group's inbound rules when any is given.", inlineSecurityGroupRuleBlock("source")).computed().attrMode(),
		"egress":  setBlock(0, 0, "An outbound rule; the provider manages the whole set of the group's outbound rules when any is given.", inlineSecurityGroupRuleBlock("destination")).computed().attrMode(),
	}, false).withTimeouts("create", "delete")
