package schema

import "github.com/zclconf/go-cty/cty"

// S3ControlMultiRegionAccessPointPolicy is
// aws_s3control_multi_region_access_point_policy. A new policy is proposed
// first and established once it has propagated.
var S3ControlMultiRegionAccessPointPolicy = func() *Resource {
	r := managed(TypeS3ControlMultiRegionAccessPointPolicy,
		"The resource policy of an S3 Multi-Region Access Point.",
		map[string]*Attribute{
			"account_id":  s3ControlAccountID("The account that owns the Multi-Region Access Point; the provider's account when omitted."),
			"established": computed(cty.String, "The last established policy, in effect."),
			"proposed":    computed(cty.String, "The proposed policy, not yet in effect."),
		},
		map[string]*NestedBlock{
			"details": singleBlock("The policy and the Multi-Region Access Point it applies to.", Block{Attributes: map[string]*Attribute{
				"name":   required(cty.String, "The name of the Multi-Region Access Point.").forceNew(),
				"policy": required(cty.String, "The policy JSON document."),
			}}).required(),
		},
		true)
	r.AccountAttr = "account_id"
	r.AccountIDArgs = []string{"account_id"}
	return r.withTimeouts("create", "update")
}()
