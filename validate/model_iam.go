package validate

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// rolePolicies returns the permission policies the configuration gives a
// role: inline_policy blocks, aws_iam_role_policy, aws_iam_policy attached
// with aws_iam_role_policy_attachment, and AWS managed policies vpcplan
// knows (attached or in managed_policy_arns). declared is false when the
// configuration gives the role no policy at all; known is false when one of
// them cannot be read (unknown JSON, or a managed policy vpcplan does not
// know), or may be missing from the model (inline_policy blocks of a
// dynamic block with an unknown for_each, aws_iam_role_policy or
// aws_iam_role_policy_attachment blocks with an unknown count or
// for_each), since the missing one may grant anything.
func rolePolicies(m *config.Model, role *config.Instance) (docs []*policydoc.Document, declared, known bool) {
	known = !unexpanded(m, schema.TypeIAMRolePolicy, schema.TypeIAMRolePolicyAttachment)
	if v := role.Attr("inline_policy"); v != cty.NilVal && !v.IsKnown() {
		declared, known = true, false
	}
	addJSON := func(inst *config.Instance, attr string) {
		declared = true
		if d, ok := parsedPolicy(inst, attr); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	addManaged := func(arn string) {
		declared = true
		if d, ok := policydoc.ManagedPolicy(arn); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	if v, ok := nested(role, "inline_policy"); ok {
		for it := v.ElementIterator(); it.Next(); {
			_, b := it.Element()
			p, ok := nestedValue(b, "policy")
			declared = true
			if !ok {
				known = false
				continue
			}
			d, err := policydoc.Parse(p.AsString())
			if err != nil {
				known = false
				continue
			}
			docs = append(docs, d)
		}
	}
	for _, rp := range referrers(role, schema.TypeIAMRolePolicy, "role") {
		addJSON(rp, "policy")
	}
	for _, att := range referrers(role, schema.TypeIAMRolePolicyAttachment, "role") {
		if p := att.Link("policy_arn"); p != nil {
			addJSON(p, "policy")
		} else if arn, ok := str(att, "policy_arn"); ok {
			addManaged(arn)
		} else {
			declared, known = true, false
		}
	}
	if configured(role, "managed_policy_arns") {
		arns, ok := stringsAttr(role, "managed_policy_arns")
		if !ok {
			declared, known = true, false
		}
		for _, arn := range arns {
			addManaged(arn)
		}
	}
	return docs, declared, known
}

// bucketPolicies returns the bucket policies the configuration gives a
// bucket (aws_s3_bucket_policy and the deprecated inline policy), with
// declared and known as rolePolicies has them: known is false when an
// aws_s3_bucket_policy block has an unknown count or for_each.
func bucketPolicies(m *config.Model, bucket *config.Instance) (docs []*policydoc.Document, declared, known bool) {
	known = !unexpanded(m, schema.TypeS3BucketPolicy)
	for _, bp := range referrers(bucket, schema.TypeS3BucketPolicy, "bucket") {
		declared = true
		if d, ok := parsedPolicy(bp, "policy"); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	if configured(bucket, "policy") {
		declared = true
		if d, ok := parsedPolicy(bucket, "policy"); ok {
			docs = append(docs, d)
		} else {
			known = false
		}
	}
	return docs, declared, known
}

// rolePrincipal is the principal a role is in policies: its ARN (known, or
// derived from its name, path, account and partition), or "" when that
// cannot be told.
func rolePrincipal(role *config.Instance) *policydoc.RequestPrincipal {
	arn, ok := str(role, "arn")
	if !ok {
		name, okName := str(role, "name")
		if !okName || role.Account == "" || partitionOf(role) == "" {
			return nil
		}
		path, okPath := str(role, "path")
		if !okPath {
			path = "/"
		}
		arn = "arn:" + partitionOf(role) + ":iam::" + role.Account + ":role" + path + name
	}
	return &policydoc.RequestPrincipal{Type: "AWS", ID: arn, Account: role.Account}
}
