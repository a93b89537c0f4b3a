package schema

import "github.com/zclconf/go-cty/cty"

// DataIAMPolicyDocument is aws_iam_policy_document, which vpcplan renders
// itself at plan time (planner/policydoc) exactly as the provider does. The
// attribute types follow the provider's schema: statement is a list, the
// action and resource arguments and the principals and condition blocks are
// sets. source_json and override_json, which version 5 of the provider
// removed, are errors that name their replacements.
var DataIAMPolicyDocument = dataSource(TypeIAMPolicyDocument,
	"An IAM policy document rendered as JSON from statement blocks and other documents.",
	map[string]*Attribute{
		"policy_id": optional(cty.String, "The Id of the policy document."),
		"version": optional(cty.String, `The policy language version, "2008-10-17" or "2012-10-17".`).
			withDefault(cty.StringVal("2012-10-17")),
		"source_policy_documents": optional(cty.List(cty.String),
			"JSON policy documents merged, in order, before the statements of this document. Their non-empty sids must be unique."),
		"override_policy_documents": optional(cty.List(cty.String),
			"JSON policy documents merged, in order, after the statements of this document; a statement replaces an earlier one with the same non-empty sid."),
		"json":          computed(cty.String, "The policy document as indented JSON."),
		"minified_json": computed(cty.String, "The policy document as compact JSON."),
		"id":            computed(cty.String, "A hash of the json attribute."),
	},
	map[string]*NestedBlock{
		"statement": listBlock(0, 0, "A statement of the policy, in order.", Block{
			Attributes: map[string]*Attribute{
				"sid": optional(cty.String, "The statement ID, alphanumeric. Non-empty sids must be unique within the document."),
				"effect": optional(cty.String, `Whether the statement allows or denies, "Allow" or "Deny".`).
					withDefault(cty.StringVal("Allow")),
				"actions":       optional(cty.Set(cty.String), "The actions the statement applies to."),
				"not_actions":   optional(cty.Set(cty.String), "The actions the statement does not apply to."),
				"resources":     optional(cty.Set(cty.String), "The resource ARNs the statement applies to; &{...} becomes an IAM policy variable."),
				"not_resources": optional(cty.Set(cty.String), "The resource ARNs the statement does not apply to."),
			},
			Blocks: map[string]*NestedBlock{
				"principals":     setBlock(0, 0, "Principals the statement applies to.", policyPrincipalsBlock()),
				"not_principals": setBlock(0, 0, "Principals the statement does not apply to.", policyPrincipalsBlock()),
				"condition": setBlock(0, 0, "A condition that must hold for the statement to apply.", Block{
					Attributes: map[string]*Attribute{
						"test":     required(cty.String, "The condition operator, such as StringEquals."),
						"variable": required(cty.String, "The condition key, such as aws:SourceVpce."),
						"values":   required(cty.List(cty.String), "The values the key is compared with; any one may match."),
					},
				}),
			},
		}),
	},
).global().withRemoved(map[string]*Removal{
	"source_json":   {Version: 5, Use: "source_policy_documents"},
	"override_json": {Version: 5, Use: "override_policy_documents"},
})

// policyPrincipalsBlock is the body of principals and not_principals; each
// call returns a fresh block.
func policyPrincipalsBlock() Block {
	return Block{
		Attributes: map[string]*Attribute{
			"type":        required(cty.String, `The principal type: "AWS", "Service", "Federated", "CanonicalUser" or "*".`),
			"identifiers": required(cty.Set(cty.String), "The principals of that type, such as account IDs, ARNs or service names."),
		},
	}
}
