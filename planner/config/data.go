package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// readData computes the data sources vpcplan evaluates locally; their
// results are exact, as the provider would return them. The value passed
// in is the completed configuration (computed attributes unknown).
func (e *evaluator) readData(r *Resource, inst *Instance, v cty.Value) (cty.Value, hcl.Diagnostics) {
	v, topMarks := v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return v.WithMarks(topMarks), nil
	}
	set := func(attrs map[string]cty.Value) cty.Value {
		m := v.AsValueMap()
		for k, x := range attrs {
			if _, ok := m[k]; ok {
				m[k] = x
			}
		}
		return cty.ObjectVal(m)
	}
	known := func(s string) cty.Value {
		if s == "" {
			return cty.UnknownVal(cty.String)
		}
		return cty.StringVal(s)
	}
	p := inst.Provider
	switch r.Addr.Type {
	case schema.TypeCallerIdentity:
		return set(map[string]cty.Value{"account_id": known(p.Account), "id": known(p.Account)}), nil
	case schema.TypeRegion:
		region := p.Region
		for _, arg := range []string{"name", "region"} {
			if x := v.GetAttr(arg); !x.IsNull() {
				if !x.IsKnown() {
					region = ""
				} else {
					xv, _ := x.Unmark()
					region = xv.AsString()
				}
			}
		}
		attrs := map[string]cty.Value{"name": known(region), "region": known(region), "id": known(region)}
		if region != "" {
			attrs["endpoint"] = cty.StringVal("ec2." + region + "." + dnsSuffix(partitionOf(region)))
		}
		return set(attrs), nil
	case schema.TypePartition:
		part := p.Partition
		attrs := map[string]cty.Value{"partition": known(part), "id": known(part)}
		if part != "" {
			attrs["dns_suffix"] = cty.StringVal(dnsSuffix(part))
			prefix := "com.amazonaws"
			if part == "aws-cn" {
				prefix = "cn.com.amazonaws"
			}
			attrs["reverse_dns_prefix"] = cty.StringVal(prefix)
		}
		return set(attrs), nil
	case schema.TypeIAMPolicyDocument:
		uv, marks := v.UnmarkDeep()
		out, diags := policydoc.Render(uv)
		for _, d := range diags {
			if d.Subject == nil {
				d.Subject = r.DeclRange.Ptr()
			}
		}
		if diags.HasErrors() {
			return v, diags
		}
		return out.WithMarks(marks), diags
	}
	return v, nil
}
