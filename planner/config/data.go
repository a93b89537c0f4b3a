package config

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// readData computes the data sources vpcplan evaluates locally; their
// results are exact, as the provider would return them. The value passed
// in is the completed configuration (computed attributes unknown, whether
// left out or set to null); c and ctx are the body content and context it
// was evaluated from, which tell an argument left out from one set to an
// unknown value.
func (e *evaluator) readData(r *Resource, inst *Instance, v cty.Value, c *bodyContent, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
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
		account := p.Account
		if account == "" {
			account = e.opts.AssumedAccount
		}
		return set(map[string]cty.Value{"account_id": known(account), "id": known(account)}), nil
	case schema.TypeRegion:
		if d := regionNameConflict(c, ctx, e.l.limits); d != nil {
			return v.WithMarks(topMarks), hcl.Diagnostics{d}
		}
		region := dataRegion(v, c, ctx, p.Region, e.l.limits)
		attrs := map[string]cty.Value{"name": known(region), "region": known(region), "id": known(region)}
		if region != "" {
			attrs["endpoint"] = cty.StringVal(ec2Endpoint(region))
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

// regionNameConflict reports a data "aws_region" that sets both region
// and the deprecated name, which the provider refuses (its Conflicting
// validator, whose wording this keeps), or returns nil. An argument set to
// null counts as not set; one with an unknown value, as set.
func regionNameConflict(c *bodyContent, ctx *hcl.EvalContext, lim bounds.Limits) *hcl.Diagnostic {
	name, ok1 := c.attrs["name"]
	region, ok2 := c.attrs[schema.RegionAttr]
	if !ok1 || !ok2 {
		return nil
	}
	for _, a := range []*hcl.Attribute{name, region} {
		if v, _ := a.Expr.Value(exprbound.Scope(ctx, a.Expr, lim)); v.IsNull() {
			return nil
		}
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid Attribute Combination",
		Detail:   "These attributes cannot be configured together: [name,region]. Remove name, which is deprecated.",
		Subject:  name.Expr.Range().Ptr(),
	}
}

// dataRegion returns the Region a data "aws_region" selects, as the AWS
// provider does: the one its region (or deprecated name) or endpoint
// argument names, else the provider's. It returns "" when that is unknown,
// when endpoint is no Regional EC2 endpoint, or when the arguments name
// different Regions (the provider fails then): never a guess.
//
// The optional arguments are also computed, so v holds an unknown value
// for each one left out or set to null. An argument left out is absent
// from c; for one set but unknown in v, only its expression tells null
// from unknown, so it is evaluated again (rare: most are literals).
func dataRegion(v cty.Value, c *bodyContent, ctx *hcl.EvalContext, provider string, lim bounds.Limits) string {
	selected := ""
	for _, arg := range []string{"region", "name", "endpoint"} {
		attr, ok := c.attrs[arg]
		if !ok {
			continue
		}
		x, _ := v.GetAttr(arg).Unmark()
		if !x.IsKnown() {
			if raw, _ := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, lim)); raw.IsNull() {
				continue
			}
			return ""
		}
		if x.IsNull() {
			continue
		}
		s := x.AsString()
		if arg == "endpoint" {
			s = endpointRegion(s)
		}
		if s == "" || (selected != "" && s != selected) {
			return ""
		}
		selected = s
	}
	if selected == "" {
		return provider
	}
	return selected
}

// ec2Endpoint returns the Regional EC2 endpoint of a Region, as the
// provider's aws_region reports it (without the scheme):
// ec2.eu-west-1.amazonaws.com, ec2.cn-north-1.amazonaws.com.cn.
func ec2Endpoint(region string) string {
	return "ec2." + region + "." + dnsSuffix(partitionOf(region))
}

// endpointRegion returns the Region whose EC2 endpoint (see ec2Endpoint)
// is endpoint, or "".
func endpointRegion(endpoint string) string {
	rest, ok := strings.CutPrefix(endpoint, "ec2.")
	if !ok {
		return ""
	}
	region, _, _ := strings.Cut(rest, ".")
	if region == "" || ec2Endpoint(region) != endpoint {
		return ""
	}
	return region
}
