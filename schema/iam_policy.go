package schema

import "github.com/zclconf/go-cty/cty"

// IAMPolicy is aws_iam_policy, a customer managed policy. Its id is its
// ARN; a policy change creates a new default policy version.
var IAMPolicy = managed(TypeIAMPolicy,
	"A customer managed IAM policy.",
	map[string]*Attribute{
		"delay_after_policy_creation_in_ms": optional(cty.Number, "Milliseconds to wait between creating a new policy version and making it the default."),
		"description":                       optional(cty.String, "A description of the policy.").forceNew(),
		"name":                              optionalComputed(cty.String, "The name of the policy; Terraform generates a unique name when it and name_prefix are omitted.").forceNew(),
		"name_prefix":                       optionalComputed(cty.String, "A prefix from which a unique policy name is generated; conflicts with name.").forceNew(),
		"path":                              optional(cty.String, "The path of the policy.").forceNew().withDefault(cty.StringVal("/")),
		"policy":                            required(cty.String, "The policy JSON document."),

		"arn":              computed(cty.String, "The ARN of the policy, arn:<partition>:iam::<account>:policy/<path><name>."),
		"attachment_count": computed(cty.Number, "The number of users, groups and roles the policy is attached to."),
		"policy_id":        computed(cty.String, "The stable unique ID of the policy, starting with ANPA."),
	},
	nil,
	false).global()
