package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPrivateDNSVPCAttributes: research VPCE-IF-006 and VPC-006
// (see network.PrivateDNSNeedsVPCAttributes, which explain's paths read
// too).
var awsVPCEndpointPrivateDNSVPCAttributes = &Rule{
	ID:       "aws_vpc_endpoint_private_dns_vpc_attributes",
	Summary:  "Private DNS is enabled on an endpoint whose VPC lacks DNS support or DNS hostnames",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			a, ok := network.PrivateDNSNeedsVPCAttributes(in.Model, e)
			if !ok || len(a.Missing) == 0 {
				continue
			}
			vpc, missing := a.VPC, a.Missing
			what := missing[0] + " is false"
			if len(missing) == 2 {
				what = "enable_dns_support and enable_dns_hostnames are false"
			} else if missing[0] == "enable_dns_hostnames" && !configured(vpc, "enable_dns_hostnames") {
				what = "enable_dns_hostnames is false (its default)"
			}
			who := e.Addr.String() + " enables private DNS"
			if from := a.Setting.From; from != e {
				who = fmt.Sprintf("%s enables private DNS for %s", from.Addr, e.Addr)
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Private DNS without VPC DNS attributes",
				Detail: fmt.Sprintf("%s, but in its VPC %s %s. AWS requires both VPC attributes for interface endpoint private DNS; set enable_dns_support = true and enable_dns_hostnames = true on %s.",
					who, vpc.Addr, what, vpc.Addr),
				Subject: a.Setting.Range(),
			})
		}
		return diags
	},
}
