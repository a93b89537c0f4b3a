package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsVPCEndpointSecurityGroupNoHTTPS: research VPCE-IF-005. Clients reach
// an interface endpoint on HTTPS, so one of its security groups must allow
// inbound TCP 443. The rule fires only when every security group of the
// endpoint is in the configuration with all its rules.
var awsVPCEndpointSecurityGroupNoHTTPS = &Rule{
	ID:       "aws_vpc_endpoint_security_group_no_https",
	Summary:  "No security group of an interface endpoint allows inbound TCP 443",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface || !configured(e, "security_group_ids") {
				continue
			}
			v := e.Attr("security_group_ids")
			if v == cty.NilVal || !v.IsKnown() || v.IsNull() {
				continue
			}
			n := 0
			for it := v.ElementIterator(); it.Next(); {
				n++
			}
			groups := e.Links("security_group_ids")
			if n == 0 || len(groups) < n {
				continue // a group outside the configuration may allow it
			}
			// aws_vpc_endpoint_security_group_association adds groups too.
			assocKnown := !unexpanded(in.Model, schema.TypeVPCEndpointSecurityGroupAssoc)
			for _, a := range referrers(e, schema.TypeVPCEndpointSecurityGroupAssoc, "vpc_endpoint_id") {
				if sg := a.Link("security_group_id"); sg != nil {
					groups = append(groups, sg)
				} else {
					assocKnown = false
				}
			}
			if !assocKnown {
				continue
			}
			allows, known := false, true
			for _, sg := range uniqueInstances(groups) {
				a, k := groupAllowsHTTPS(in.Model, sg)
				allows, known = allows || a, known && k
			}
			if allows || !known {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Endpoint security groups do not allow HTTPS",
				Detail: fmt.Sprintf("No security group of %s allows inbound TCP 443, so clients cannot connect to the endpoint: AWS service endpoints are reached over HTTPS. Add an ingress rule for TCP 443 from the clients (for example the VPC's CIDR block) to one of its security groups.",
					e.Addr),
				Subject: e.Ranges("security_group_ids").Expr.Ptr(),
			})
		}
		return diags
	},
}

// groupAllowsHTTPS reports whether a security group's inbound rules (inline,
// aws_vpc_security_group_ingress_rule, aws_security_group_rule) allow TCP
// 443; known is false when a rule is not known, or rule instances are
// missing from the model (inline rules of dynamic blocks with an unknown
// for_each, rule blocks with an unknown count or for_each).
func groupAllowsHTTPS(m *config.Model, sg *config.Instance) (allows, known bool) {
	covers := func(protocol string, from, to cty.Value) (bool, bool) {
		switch protocol {
		case "-1", "all":
			return true, true
		case "tcp", "6":
		default:
			return false, true
		}
		if !from.IsKnown() || !to.IsKnown() || from.IsNull() || to.IsNull() {
			return false, false
		}
		f, _ := from.AsBigFloat().Int64()
		t, _ := to.AsBigFloat().Int64()
		return f <= 443 && 443 <= t, true
	}
	known = !unexpanded(m, schema.TypeVPCSecurityGroupIngressRule, schema.TypeSecurityGroupRule)
	if v := sg.Attr("ingress"); v != cty.NilVal && !v.IsKnown() {
		known = false
	}
	check := func(a, k bool) {
		allows, known = allows || a, known && k
	}
	if inline, ok := nested(sg, "ingress"); ok {
		for it := inline.ElementIterator(); it.Next(); {
			_, r := it.Element()
			p, _ := nestedValue(r, "protocol")
			if !p.IsKnown() || p.IsNull() {
				known = false
				continue
			}
			check(covers(p.AsString(), r.GetAttr("from_port"), r.GetAttr("to_port")))
		}
	}
	for _, r := range referrers(sg, schema.TypeVPCSecurityGroupIngressRule, "security_group_id") {
		p, ok := str(r, "ip_protocol")
		if !ok {
			known = false
			continue
		}
		check(covers(p, r.Attr("from_port"), r.Attr("to_port")))
	}
	for _, r := range referrers(sg, schema.TypeSecurityGroupRule, "security_group_id") {
		typ, ok1 := str(r, "type")
		p, ok2 := str(r, "protocol")
		if !ok1 || !ok2 {
			known = false
			continue
		}
		if typ == "ingress" {
			check(covers(p, r.Attr("from_port"), r.Attr("to_port")))
		}
	}
	return allows, known
}
