package schema

import "github.com/zclconf/go-cty/cty"

// S3AccessPoint is aws_s3_access_point. Every argument but policy and tags
// forces replacement. An access point with vpc_configuration has network
// origin VPC and accepts requests only from that VPC, through an S3 VPC
// endpoint.
var S3AccessPoint = func() *Resource {
	r := managed(TypeS3AccessPoint,
		"A named network endpoint attached to an S3 bucket.",
		map[string]*Attribute{
			"account_id":        s3ControlAccountID("The account that owns the access point; the provider's account when omitted."),
			"bucket":            required(cty.String, "The name of the bucket the access point is attached to (or an S3 on Outposts bucket ARN).").forceNew().refersTo(bucketRefs()...),
			"bucket_account_id": optionalComputed(cty.String, "The account that owns the bucket, for cross-account access points.").forceNew(),
			"name":              required(cty.String, "The name of the access point, unique within the account and Region.").forceNew(),
			"policy":            optionalComputed(cty.String, "The access point policy JSON document; an empty value deletes it."),

			"alias":                    computed(cty.String, "The alias of the access point, usable wherever a bucket name is: <name>-<random>-s3alias."),
			"arn":                      computed(cty.String, "The ARN of the access point, arn:<partition>:s3:<region>:<account>:accesspoint/<name>."),
			"domain_name":              computed(cty.String, "The DNS domain name of the access point: <name>-<account>.s3-accesspoint.<region>.amazonaws.com."),
			"endpoints":                computed(cty.Map(cty.String), "The VPC endpoint DNS names of the access point, keyed by endpoint type."),
			"has_public_access_policy": computed(cty.Bool, "Whether the access point's policy allows public access."),
			"network_origin":           computed(cty.String, "VPC if the access point accepts requests only from a VPC, else Internet."),
		},
		map[string]*NestedBlock{
			"public_access_block_configuration": singleBlock("The Block Public Access settings of the access point; all true when omitted.", Block{
				Attributes: publicAccessBlockAttrs(true, true),
			}).forceNew(),
			"vpc_configuration": singleBlock("Restricts the access point to requests from one VPC.", Block{Attributes: map[string]*Attribute{
				"vpc_id": required(cty.String, "The ID of the VPC the access point accepts requests from.").forceNew().refersTo(idOf(TypeVPC)),
			}}).forceNew(),
		},
		false)
	r.AccountAttr = "account_id"
	r.AccountIDArgs = []string{"account_id", "bucket_account_id"}
	return r
}()
