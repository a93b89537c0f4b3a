package schema

import "github.com/zclconf/go-cty/cty"

// DataCallerIdentity is data.aws_caller_identity. vpcplan knows account_id
// only when the provider names the account; arn and user_id stay unknown.
var DataCallerIdentity = dataSource(TypeCallerIdentity,
	"The identity of the caller whose credentials the provider uses.",
	map[string]*Attribute{
		"account_id": computed(cty.String, "The ID of the caller's account."),
		"arn":        computed(cty.String, "The ARN of the calling principal."),
		"user_id":    computed(cty.String, "The unique ID of the calling principal."),
		"id":         computed(cty.String, "The ID of the caller's account."),
	},
	nil).global()
