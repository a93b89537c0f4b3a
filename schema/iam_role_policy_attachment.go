package schema

import "github.com/zclconf/go-cty/cty"

// IAMRolePolicyAttachment is aws_iam_role_policy_attachment.
var IAMRolePolicyAttachment = managed(TypeIAMRolePolicyAttachment,
	"The attachment of a managed IAM policy to an IAM role.",
	map[string]*Attribute{
		"role":       required(cty.String, "The name of the role.").forceNew().refersTo(Ref{Type: TypeIAMRole, Attr: "name"}, idOf(TypeIAMRole)),
		"policy_arn": required(cty.String, "The ARN of the managed policy, customer or AWS managed.").forceNew().refersTo(arnOf(TypeIAMPolicy)),
	},
	nil,
	true).global()
