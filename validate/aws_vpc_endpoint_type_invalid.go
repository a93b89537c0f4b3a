package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointTypeInvalid: research VPCE-TYPE-001. VpcEndpointType is
// one of Interface, Gateway, GatewayLoadBalancer, Resource and
// ServiceNetwork, case-sensitive.
var awsVPCEndpointTypeInvalid = &Rule{
	ID:       "aws_vpc_endpoint_type_invalid",
	Summary:  "vpc_endpoint_type is not a VPC endpoint type",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var names, lower []string
		for _, t := range schema.EndpointTypes() {
			names = append(names, string(t))
			lower = append(lower, strings.ToLower(string(t)))
		}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok || t.Valid() {
				continue
			}
			detail := fmt.Sprintf("%s has vpc_endpoint_type %s, but the endpoint types are %s (the names are case-sensitive).", e.Addr, quoteValue(e, "vpc_endpoint_type", string(t)), strings.Join(names, ", "))
			if attrSensitive(e, "vpc_endpoint_type") {
				// No suggestion: it would tell the value.
			} else if s := suggest.Closest(strings.ToLower(string(t)), lower); s != "" {
				for i := range lower {
					if lower[i] == s {
						detail += fmt.Sprintf(" Did you mean %q?", names[i])
					}
				}
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Invalid VPC endpoint type",
				Detail:  detail,
				Subject: e.Ranges("vpc_endpoint_type").Expr.Ptr(),
			})
		}
		return diags
	},
}
