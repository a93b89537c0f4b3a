package planner

import (
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// fillData returns the applied value of a data source vpcplan computes
// itself (aws_caller_identity, aws_partition, aws_region) with what the
// evaluation could not know filled in: the provider's Region (then the
// partition and the Region) or the caller's ARN and user id. Managed
// resources get us-east-1, the "aws" partition and the assumed account
// then (see filler.reg), so the data sources say the same, and a
// dependent such as "arn:${data.aws_partition.current.partition}:s3:::b"
// is a string rather than an error about a null value. The caller is the
// account's root user, whose ARN is arn:PARTITION:iam::ACCOUNT:root and
// whose user id is the account id. Other types, and known values, are
// returned as they are.
func (f *filler) fillData(t schema.TypeName, v cty.Value) cty.Value {
	if v.IsNull() || !v.IsKnown() || v.IsWhollyKnown() || !v.Type().IsObjectType() {
		return v
	}
	m := v.AsValueMap()
	known := func(name string) (string, bool) {
		x, ok := m[name]
		if !ok || !x.IsKnown() || x.IsNull() || x.Type() != cty.String {
			return "", false
		}
		return x.AsString(), true
	}
	set := func(name, s string) {
		if x, ok := m[name]; ok && !x.IsKnown() && x.Type() == cty.String && s != "" {
			m[name] = cty.StringVal(s)
		}
	}
	switch t {
	case schema.TypeCallerIdentity:
		account, ok := known("account_id")
		if !ok {
			account = f.account
		}
		if account == "" {
			return v
		}
		set("account_id", account)
		set("id", account)
		set("arn", "arn:"+f.part()+":iam::"+account+":root")
		set("user_id", account)
	case schema.TypePartition:
		part, ok := known("partition")
		if !ok {
			part = f.part()
		}
		set("partition", part)
		set("id", part)
		set("dns_suffix", dnsSuffix(part))
		prefix := "com.amazonaws"
		if part == "aws-cn" {
			prefix = "cn.com.amazonaws"
		}
		set("reverse_dns_prefix", prefix)
	case schema.TypeRegion:
		region, ok := known("region")
		if !ok {
			region = f.reg()
		}
		set("region", region)
		set("name", region)
		set("id", region)
		set("endpoint", "ec2."+region+"."+dnsSuffix(f.part()))
	}
	return cty.ObjectVal(m)
}
