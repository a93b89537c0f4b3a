package validate

import (
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/zclconf/go-cty/cty"
)

// olapNameRules: research OLAP-011. Object Lambda Access Point names
// follow the standard access point naming rules; the exact API length
// limit is UNCONFIRMED, so the standard access point bounds apply.
var olapNameRules = apNameRules{
	source: "OLAP-011",
	min:    3, max: 50,
	reservedSuffixes: []string{"--ol-s3"},
}

// olapActions and olapFeatures are the values AWS accepts: research
// OLAP-003 (SDK enum ObjectLambdaTransformationConfigurationAction; HEAD
// and LIST since 2022-10-04) and OLAP-004 (SDK enum
// ObjectLambdaAllowedFeature).
var (
	olapActions  = []string{"GetObject", "HeadObject", "ListObjects", "ListObjectsV2"}
	olapFeatures = []string{"GetObject-PartNumber", "GetObject-Range", "HeadObject-PartNumber", "HeadObject-Range"}
)

// olapTransformations returns the transformation_configuration blocks of
// an Object Lambda Access Point, in cty's set order.
func olapTransformations(olap *config.Instance) []cty.Value {
	v, ok := nested(olap, "configuration", 0, "transformation_configuration")
	if !ok || !v.CanIterateElements() {
		return nil
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, t := it.Element()
		out = append(out, t)
	}
	return out
}

// olapFunctions returns the Lambda functions the access point's
// transformations call.
func olapFunctions(olap *config.Instance) []*config.Instance {
	return olap.Links("configuration[0].transformation_configuration[*].content_transformation[0].aws_lambda[0].function_arn")
}

// olapSupportingAccessPoint returns the supporting access point
// (network.ObjectLambdaSupportingAccessPoint, which explain reads too).
func olapSupportingAccessPoint(olap *config.Instance) *config.Instance {
	return network.ObjectLambdaSupportingAccessPoint(olap)
}

// knownStrings returns the known strings of a collection value.
func knownStrings(v cty.Value) []string {
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsKnown() && !e.IsNull() && e.Type() == cty.String {
			out = append(out, e.AsString())
		}
	}
	return out
}
