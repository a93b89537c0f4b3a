package planner

import (
	"fmt"
	"strconv"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The S3 and S3 Control types: buckets and their configurations, access
// points, Multi-Region Access Points and Object Lambda access points.

// bucketRegion is the Region of the bucket with the given name: the one
// lookup records, else a Region the name contains (bucket names often
// say it), else the instance's own Region. vpcplan cannot know better
// from the name alone.
func (f *filler) bucketRegion(name string) string {
	if f.lookup != nil && name != "" {
		if v, ok := f.lookup(schema.TypeS3Bucket, name); ok && v.IsKnown() && !v.IsNull() && v.Type().IsObjectType() {
			for _, attr := range []string{"bucket_region", "region"} {
				if v.Type().HasAttribute(attr) {
					if r := v.GetAttr(attr); r.IsKnown() && !r.IsNull() && r.Type() == cty.String && r.AsString() != "" {
						return r.AsString()
					}
				}
			}
		}
	}
	if r := regionIn(name); r != "" {
		return r
	}
	return f.reg()
}

func (o *object) fillBucket() {
	f := o.f
	name := o.str("bucket")
	p := f.part()
	region := f.reg()
	o.setS("region", region)
	o.setS("bucket_region", region)
	o.setS("bucket_namespace", "global")
	o.setS("arn", fmt.Sprintf("arn:%s:s3:::%s", p, name))
	o.setS("bucket_domain_name", name+".s3."+dnsSuffix(f.partition))
	o.setS("bucket_regional_domain_name", name+".s3."+region+"."+dnsSuffix(f.partition))
	o.setS("hosted_zone_id", tableOr(s3HostedZones, "s3", region))
	o.setS("request_payer", "BucketOwner")
	o.setBool("object_lock_enabled", false)
	// acceleration_status, acl and policy: AWS reports none for a bucket
	// nothing configured them on; they stay null.
	if n, _ := o.count("website"); n > 0 {
		o.setS("website_domain", s3WebsiteDomain(region, f.partition))
		o.setS("website_endpoint", name+"."+s3WebsiteDomain(region, f.partition))
	}

	// What S3 reports for a new bucket: its owner's full control, SSE-S3
	// default encryption, versioning never enabled, and Object Lock when
	// the bucket was created with it.
	if ty, ok := o.attrs["grant"]; ok {
		if ety, ok := blockType(ty.Type()); ok {
			if pt, ok := fieldType(ety, "permissions"); ok {
				o.defaultBlocks("grant", map[string]cty.Value{
					"id":          cty.StringVal(canonicalUserID(f.account)),
					"type":        cty.StringVal("CanonicalUser"),
					"permissions": stringCollection(pt, []string{"FULL_CONTROL"}),
				})
			}
		}
	}
	if sse, ok := o.attrs["server_side_encryption_configuration"]; ok {
		if sty, ok := blockType(sse.Type()); ok {
			if rty, ok := fieldType(sty, "rule"); ok {
				if ruleTy, ok := blockType(rty); ok {
					if dty, ok := fieldType(ruleTy, "apply_server_side_encryption_by_default"); ok {
						o.defaultBlocks("server_side_encryption_configuration", map[string]cty.Value{
							"rule": blockValue(rty, map[string]cty.Value{
								"apply_server_side_encryption_by_default": blockValue(dty, map[string]cty.Value{
									"sse_algorithm": cty.StringVal("AES256"),
								}),
								"bucket_key_enabled": cty.False,
							}),
						})
					}
				}
			}
		}
	}
	o.defaultBlocks("versioning", map[string]cty.Value{"enabled": cty.False, "mfa_delete": cty.False})
	if lock, _ := o.boolean("object_lock_enabled"); lock {
		o.defaultBlocks("object_lock_configuration", map[string]cty.Value{"object_lock_enabled": cty.StringVal("Enabled")})
	}
	// cors_rule, lifecycle_rule, logging, replication_configuration and
	// website: none on a new bucket.
	o.blocks("lifecycle_rule", func(i int, e *object) {
		// The provider names a rule written without an id.
		e.setS("id", "tf-s3-lifecycle-"+f.digits("lifecycle "+strconv.Itoa(i), uniqueIDLength))
	})
}

func (o *object) fillBucketVersioning() {
	o.blocks("versioning_configuration", func(_ int, e *object) {
		e.setS("mfa_delete", "Disabled")
	})
}

func (o *object) fillBucketReplication() {
	f := o.f
	o.blocks("rule", func(i int, e *object) {
		e.setS("id", s3RuleID(f.hex("replication rule "+strconv.Itoa(i), 32)))
	})
}

func (o *object) fillAccessPoint() {
	f := o.f
	name := o.str("name")
	reg := f.reg()
	acct := f.or(o.str("account_id"), f.account)
	o.setS("bucket_account_id", f.account)
	o.setS("arn", f.arn("s3", reg, acct, "accesspoint/"+name))
	o.setS("alias", name+"-"+f.hex("alias", 34)+"-s3alias")
	origin := "Internet"
	if n, _ := o.count("vpc_configuration"); n > 0 {
		origin = "VPC"
	}
	o.setS("network_origin", origin)
	suffix := dnsSuffix(f.partition)
	o.setS("domain_name", name+"-"+acct+".s3-accesspoint."+reg+"."+suffix)
	o.set("endpoints", cty.MapVal(map[string]cty.Value{
		"ipv4":           cty.StringVal("s3-accesspoint." + reg + "." + suffix),
		"dualstack":      cty.StringVal("s3-accesspoint.dualstack." + reg + "." + suffix),
		"fips":           cty.StringVal("s3-accesspoint-fips." + reg + "." + suffix),
		"fips_dualstack": cty.StringVal("s3-accesspoint-fips.dualstack." + reg + "." + suffix),
	}))
	o.setBool("has_public_access_policy", false)
	// policy: none until aws_s3control_access_point_policy sets one.
}

func (o *object) fillMRAP() {
	f := o.f
	acct := f.or(o.str("account_id"), f.account)
	o.setS("alias", f.hex("alias", 13)+".mrap")
	alias := o.str("alias")
	o.setS("arn", fmt.Sprintf("arn:%s:s3::%s:accesspoint/%s", f.part(), acct, alias))
	o.setS("domain_name", alias+".accesspoint.s3-global.amazonaws.com")
	o.setS("status", "READY")
	o.blocks("details", func(_ int, d *object) {
		d.blocks("region", func(_ int, r *object) {
			// The buckets belong to the access point's account unless
			// the configuration names another.
			r.setS("bucket_account_id", acct)
			r.setS("region", f.bucketRegion(r.str("bucket")))
		})
	})
}

func (o *object) fillMRAPPolicy() {
	policy := o.nestedStr("details", "policy")
	// A new policy is proposed, then established once it has propagated,
	// which the provider waits for.
	o.setS("proposed", policy)
	o.setS("established", policy)
}

func (o *object) fillObjectLambdaAccessPoint() {
	f := o.f
	name := o.str("name")
	acct := f.or(o.str("account_id"), f.account)
	o.setS("arn", f.arn("s3-object-lambda", f.reg(), acct, "accesspoint/"+name))
	o.setS("alias", name+"-"+f.hex("alias", 34)+"--ol-s3")
}
