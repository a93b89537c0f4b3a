package config

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// defaultProvider is the configuration resources use when no provider
// "aws" block without alias is written: Region and account unknown.
var impliedProvider = ProviderConfig{}

// providerFor returns the evaluated provider configuration of a resource.
func (e *evaluator) providerFor(r *Resource) *ProviderConfig {
	alias := ""
	if r.Provider != nil {
		alias = r.Provider.Alias
	}
	return e.provider(alias)
}

// provider returns the aws provider configuration with the alias: the
// evaluated block, the one the module's caller passed, or the implied
// configuration (no Region, no account).
func (e *evaluator) provider(alias string) *ProviderConfig {
	if p := e.providers[alias]; p != nil {
		return p
	}
	p := impliedProvider
	p.Alias = alias
	e.providers[alias] = &p
	return &p
}

var accountIDPattern = regexp.MustCompile(`^\d{12}$`)

// evalProvider evaluates a provider block: its Region, and its account from
// a single allowed_account_ids entry, else from assume_role's role ARN.
func (e *evaluator) evalProvider(p *Provider) {
	ctx := e.scope(e.refs[node{kind: nodeProvider, name: p.Alias}])
	pc := &ProviderConfig{Alias: p.Alias, Config: p}
	if p.Region != nil {
		if s, ok := e.evalString(p.Region, ctx, "region"); ok {
			pc.Region = s
		}
	}
	if p.AllowedAccountIDs != nil {
		v, diags := p.AllowedAccountIDs.Value(exprbound.Scope(ctx, p.AllowedAccountIDs, e.l.limits))
		e.diags = append(e.diags, diags...)
		v, _ = v.UnmarkDeep()
		if !diags.HasErrors() && v.IsWhollyKnown() && !v.IsNull() && v.CanIterateElements() {
			ids := []string{}
			for it := v.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				if ev.Type() == cty.String && !ev.IsNull() {
					ids = append(ids, ev.AsString())
				}
			}
			for _, id := range ids {
				if !accountIDPattern.MatchString(id) {
					e.diags = append(e.diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Invalid account ID",
						Detail:   fmt.Sprintf("%q is not an AWS account ID; an account ID is 12 digits.", id),
						Subject:  p.AllowedAccountIDs.Range().Ptr(),
					})
				}
			}
			if len(ids) == 1 && accountIDPattern.MatchString(ids[0]) {
				pc.Account = ids[0]
			}
		}
	}
	if pc.Account == "" && p.AssumeRoleARN != nil {
		if s, ok := e.evalString(p.AssumeRoleARN, ctx, "role_arn"); ok {
			pc.Account = arnAccount(s)
		}
	}
	pc.Partition = partitionOf(pc.Region)
	e.providers[p.Alias] = pc
}

// evalString evaluates an expression that must be a string, returning false
// when it is unknown, null or wrong.
func (e *evaluator) evalString(expr hcl.Expression, ctx *hcl.EvalContext, what string) (string, bool) {
	v, diags := expr.Value(exprbound.Scope(ctx, expr, e.l.limits))
	e.diags = append(e.diags, diags...)
	if diags.HasErrors() {
		return "", false
	}
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	s, err := convertTo(v, cty.String)
	if err != nil {
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("Inappropriate value for attribute %q: string required.", what),
			Subject:  expr.Range().Ptr(),
		})
		return "", false
	}
	return s.AsString(), true
}

// arnAccount returns the account field of an ARN, or "".
func arnAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" || !accountIDPattern.MatchString(parts[4]) {
		return ""
	}
	return parts[4]
}

// partitionOf derives the partition from a Region name, "" when unknown.
func partitionOf(region string) string {
	switch {
	case region == "":
		return ""
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	}
	return "aws"
}

// dnsSuffix is the partition's DNS suffix.
func dnsSuffix(partition string) string {
	switch partition {
	case "aws-cn":
		return "amazonaws.com.cn"
	case "aws-iso":
		return "c2s.ic.gov"
	case "aws-iso-b":
		return "sc2s.sgov.gov"
	}
	return "amazonaws.com"
}

// effectiveRegion returns the Region of an instance whose decoded value is
// v, as the AWS provider (since version 6) manages it: its region argument
// (configured, or recorded in the prior state) when the type is regional,
// else its provider's; "" when that is unknown. The provider's partition
// stands, since the provider refuses a region argument of another
// partition (an error here too, except for data "aws_region", which the
// provider exempts); when the provider's Region, hence its partition, is
// unknown, the instance gets a copy of its provider configuration whose
// Partition is the region argument's. c is the body the value was decoded
// from, for the range of the argument.
func effectiveRegion(sch *schema.Resource, prov *ProviderConfig, v cty.Value, c *bodyContent) (string, *ProviderConfig, *hcl.Diagnostic) {
	if sch.Global || !v.IsKnown() || v.IsNull() || !v.Type().HasAttribute(schema.RegionAttr) {
		return prov.Region, prov, nil
	}
	if _, ok := c.attrs[schema.RegionAttr]; !ok && prov.Region == "" {
		// Left out, the region argument is the provider's, unknown here;
		// the one the prior state records is then the us-east-1 apply
		// made up (see planner's filler.reg), which the plan before
		// apply did not know either.
		return "", prov, nil
	}
	rv := v.GetAttr(schema.RegionAttr)
	switch {
	case !rv.IsKnown():
		return "", prov, nil
	case rv.IsNull():
		return prov.Region, prov, nil
	}
	region := rv.AsString()
	part := partitionOf(region)
	switch {
	case prov.Partition == "":
		p := *prov
		p.Partition = part
		return region, &p, nil
	case part != prov.Partition && sch.Type != schema.TypeRegion:
		attr, ok := c.attrs[schema.RegionAttr]
		if !ok {
			return region, prov, nil
		}
		return region, prov, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid Region",
			Detail: fmt.Sprintf("The Region %q is in the %s partition, but the provider configuration is in %s (Region %q); the AWS provider manages a resource only in its own partition. Use a provider configuration of the %s partition.",
				region, part, prov.Partition, prov.Region, part),
			Subject: attr.Expr.Range().Ptr(),
		}
	}
	return region, prov, nil
}
