package validate

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsResourcePolicyNotJSONObject: a resource policy is an IAM policy
// document, a JSON object; AWS rejects anything else at apply time
// (MalformedPolicyDocument, MalformedPolicy), while the provider accepts
// any string at plan time. An empty policy is left alone: on an access
// point it deletes the policy.
var awsResourcePolicyNotJSONObject = &Rule{
	ID:       "aws_resource_policy_not_json_object",
	Summary:  "An endpoint, bucket or access point policy is not a JSON object",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, t := range []schema.TypeName{
			schema.TypeVPCEndpoint, schema.TypeVPCEndpointPolicy,
			schema.TypeS3Bucket, schema.TypeS3BucketPolicy,
			schema.TypeS3AccessPoint, schema.TypeS3ControlAccessPointPolicy,
		} {
			for _, inst := range in.Model.OfType(t) {
				if d := policyNotObject(inst); d != nil {
					diags = append(diags, d)
				}
			}
		}
		return diags
	},
}

func policyNotObject(inst *config.Instance) *hcl.Diagnostic {
	p, ok := str(inst, "policy")
	if !ok || strings.TrimSpace(p) == "" {
		return nil
	}
	var problem string
	var v any
	if err := json.Unmarshal([]byte(p), &v); err != nil {
		problem = "is not valid JSON"
		if !attrSensitive(inst, "policy") {
			// The decoder's message names a character of the policy.
			problem += " (" + err.Error() + ")"
		}
	} else {
		switch v.(type) {
		case map[string]any:
			return nil
		case []any:
			problem = "is a JSON array"
		case string:
			problem = "is a JSON string"
		case float64:
			problem = "is a JSON number"
		case bool:
			problem = "is a JSON boolean"
		default:
			problem = "is JSON null"
		}
	}
	return &hcl.Diagnostic{
		Summary: "Policy is not a JSON object",
		Detail:  fmt.Sprintf("The policy of %s %s, but a policy must be a JSON policy document: an object with a Statement. AWS rejects it when the change is applied. Write it with jsonencode() or the json of an aws_iam_policy_document data source.", inst.Addr, problem),
		Subject: inst.Ranges("policy").Expr.Ptr(),
	}
}
