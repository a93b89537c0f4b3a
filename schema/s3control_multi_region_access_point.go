package schema

import "github.com/zclconf/go-cty/cty"

// S3ControlMultiRegionAccessPoint is aws_s3control_multi_region_access_point.
// The resource has no update: every argument forces replacement. The API is
// served from us-west-2 whatever the provider's Region, and creation is
// asynchronous.
var S3ControlMultiRegionAccessPoint = func() *Resource {
	r := managed(TypeS3ControlMultiRegionAccessPoint,
		"A global endpoint that routes S3 requests to buckets in several Regions.",
		map[string]*Attribute{
			"account_id": s3ControlAccountID("The account that owns the Multi-Region Access Point; the provider's account when omitted."),

			"alias":       computed(cty.String, "The alias of the Multi-Region Access Point, ending in .mrap."),
			"arn":         computed(cty.String, "The ARN of the Multi-Region Access Point, arn:<partition>:s3::<account>:accesspoint/<alias>."),
			"domain_name": computed(cty.String, "The DNS domain name of the Multi-Region Access Point: <alias>.accesspoint.s3-global.amazonaws.com."),
			"status":      computed(cty.String, "The status of the Multi-Region Access Point, such as READY or CREATING."),
		},
		map[string]*NestedBlock{
			"details": singleBlock("The configuration of the Multi-Region Access Point.", Block{
				Attributes: map[string]*Attribute{
					"name": required(cty.String, "The name of the Multi-Region Access Point: 3 to 50 lowercase letters, digits and hyphens.").forceNew(),
				},
				Blocks: map[string]*NestedBlock{
					"public_access_block": singleBlock("The Block Public Access settings of the Multi-Region Access Point; all true when omitted.", Block{
						Attributes: publicAccessBlockAttrs(true, true),
					}).forceNew(),
					"region": setBlock(1, 20, "A bucket the Multi-Region Access Point routes to, at most one per Region.", Block{Attributes: map[string]*Attribute{
						"bucket":            required(cty.String, "The name of the bucket.").forceNew().refersTo(bucketRefs()...),
						"bucket_account_id": optionalComputed(cty.String, "The account that owns the bucket.").forceNew(),
						"region":            computed(cty.String, "The Region of the bucket."),
					}}).forceNew().countedBy("aws_s3_mrap_region_count"),
				},
			}).required().forceNew(),
		},
		true)
	r.AccountAttr = "account_id"
	r.AccountIDArgs = []string{"account_id", "details.region.bucket_account_id"}
	return r.withTimeouts("create", "delete")
}()
