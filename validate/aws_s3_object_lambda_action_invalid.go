package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
)

// awsS3ObjectLambdaActionInvalid: research OLAP-003 and OLAP-004. The
// transformed actions and the allowed features are closed enums.
var awsS3ObjectLambdaActionInvalid = &Rule{
	ID:       "aws_s3_object_lambda_action_invalid",
	Summary:  "An Object Lambda transformation action or allowed feature is not one AWS supports",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, olap := range in.Model.OfType(schema.TypeS3ControlObjectLambdaAccessPoint) {
			for _, t := range olapTransformations(olap) {
				if !t.IsKnown() || t.IsNull() {
					continue
				}
				for _, a := range knownStrings(t.GetAttr("actions")) {
					if contains(olapActions, a) {
						continue
					}
					detail := fmt.Sprintf("%s transforms the action %q, which S3 Object Lambda does not support. The supported actions are %s.", olap.Addr, a, strings.Join(olapActions, ", "))
					if s := suggest.Closest(a, olapActions); s != "" {
						detail += fmt.Sprintf(" Did you mean %q?", s)
					}
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Unsupported Object Lambda action",
						Detail:  detail,
						Subject: olap.Ranges("configuration[0].transformation_configuration[*].actions").Expr.Ptr(),
					})
				}
			}
			features, ok := nested(olap, "configuration", 0, "allowed_features")
			if !ok {
				continue
			}
			for _, f := range knownStrings(features) {
				if contains(olapFeatures, f) {
					continue
				}
				detail := fmt.Sprintf("%s allows the feature %q, which S3 Object Lambda does not have. The features are %s.", olap.Addr, f, strings.Join(olapFeatures, ", "))
				if s := suggest.Closest(f, olapFeatures); s != "" {
					detail += fmt.Sprintf(" Did you mean %q?", s)
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Unsupported Object Lambda feature",
					Detail:  detail,
					Subject: olap.Ranges("configuration[0].allowed_features").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
