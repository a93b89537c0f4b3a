package schema

import "github.com/zclconf/go-cty/cty"

// IAMRole is aws_iam_role. Its id is the role name. inline_policy and
// managed_policy_arns are deprecated in favour of aws_iam_role_policy and
// aws_iam_role_policy_attachment; when set they manage the role's policies
// exclusively.
var IAMRole = managed(TypeIAMRole,
	"An IAM role that trusted principals can assume.",
	map[string]*Attribute{
		"assume_role_policy":    required(cty.String, "The trust policy JSON document: who may assume the role."),
		"description":           optional(cty.String, "A description of the role, at most 1000 characters."),
		"force_detach_policies": optional(cty.Bool, "Whether destroying the role first detaches its policies.").withDefault(cty.False),
		"managed_policy_arns":   optionalComputed(cty.Set(cty.String), "Deprecated: the ARNs of the managed policies attached exclusively to the role; use aws_iam_role_policy_attachment.").refersTo(arnOf(TypeIAMPolicy)),
		"max_session_duration":  optional(cty.Number, "The maximum session duration in seconds, 3600 to 43200.").withDefault(cty.NumberIntVal(3600)),
		"name":                  optionalComputed(cty.String, "The name of the role; Terraform generates a unique name when it and name_prefix are omitted.").forceNew(),
		"name_prefix":           optionalComputed(cty.String, "A prefix from which a unique role name is generated; conflicts with name.").forceNew(),
		"path":                  optional(cty.String, "The path of the role.").forceNew().withDefault(cty.StringVal("/")),
		"permissions_boundary":  optional(cty.String, "The ARN of the managed policy that bounds the role's permissions.").refersTo(arnOf(TypeIAMPolicy)),

		"arn":         computed(cty.String, "The ARN of the role, arn:<partition>:iam::<account>:role/<path><name>."),
		"create_date": computed(cty.String, "When the role was created."),
		"unique_id":   computed(cty.String, "The stable unique ID of the role, starting with AROA."),
	},
	map[string]*NestedBlock{
		"inline_policy": setBlock(0, 0, "Deprecated: an inline policy managed exclusively with the role; use aws_iam_role_policy.", Block{Attributes: map[string]*Attribute{
			"name":   optional(cty.String, "The name of the inline policy; required unless the block is empty."),
			"policy": optional(cty.String, "The inline policy JSON document; required unless the block is empty."),
		}}),
	},
	false).global()
