package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointGatewayQuotaRegion: research VPCE-GW-011. "Gateway VPC
// endpoints per Region: 20" per account, adjustable.
var awsVPCEndpointGatewayQuotaRegion = &Rule{
	ID:       "aws_vpc_endpoint_gateway_quota_region",
	Summary:  "More than 20 gateway endpoints in one account and Region (the default quota)",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		type key struct{ account, region string }
		byKey := map[key][]*config.Instance{}
		var order []key
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointGateway || e.Account == "" || e.Region == "" {
				continue
			}
			k := key{e.Account, e.Region}
			if _, ok := byKey[k]; !ok {
				order = append(order, k)
			}
			byKey[k] = append(byKey[k], e)
		}
		var diags hcl.Diagnostics
		for _, k := range order {
			es := byKey[k]
			if len(es) <= 20 {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Gateway endpoint quota exceeded",
				Detail:  fmt.Sprintf("The configuration creates %d gateway endpoints in account %s, %s; the default quota is 20 per account and Region (%s is the 21st). Request an increase of \"Gateway VPC endpoints per Region\" in Service Quotas before applying.", len(es), k.account, k.region, es[20].Addr),
				Subject: es[20].Resource.DeclRange.Ptr(),
			})
		}
		return diags
	},
}
