package schema

import "github.com/zclconf/go-cty/cty"

// IAMRolePolicy is aws_iam_role_policy. Its id is "<role>:<name>".
var IAMRolePolicy = managed(TypeIAMRolePolicy,
	"An inline policy embedded in an IAM role.",
	map[string]*Attribute{
		"name":        optionalComputed(cty.String, "The name of the policy; Terraform generates a unique name when it and name_prefix are omitted.").forceNew(),
		"name_prefix": optionalComputed(cty.String, "A prefix from which a unique policy name is generated; conflicts with name.").forceNew(),
		"policy":      required(cty.String, "The policy JSON document."),
		"role":        required(cty.String, "The name of the role the policy is embedded in.").forceNew().refersTo(idOf(TypeIAMRole), Ref{Type: TypeIAMRole, Attr: "name"}),
	},
	nil,
	true).global()
