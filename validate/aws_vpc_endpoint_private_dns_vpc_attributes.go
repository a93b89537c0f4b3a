package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPrivateDNSVPCAttributes: research VPCE-IF-006 and VPC-006.
// "If you … use private DNS with interface VPC endpoints … you must set
// both" enableDnsSupport and enableDnsHostnames to true; the second
// defaults to false except in the default VPC.
var awsVPCEndpointPrivateDNSVPCAttributes = &Rule{
	ID:       "aws_vpc_endpoint_private_dns_vpc_attributes",
	Summary:  "Private DNS is enabled on an endpoint whose VPC lacks DNS support or DNS hostnames",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
				continue
			}
			if dns, ok := boolAttr(e, "private_dns_enabled"); !ok || !dns {
				continue
			}
			vpc := vpcOf(e)
			if vpc == nil {
				continue
			}
			var missing []string
			if v, ok := boolAttr(vpc, "enable_dns_support"); ok && !v {
				missing = append(missing, "enable_dns_support")
			}
			if v, ok := boolAttr(vpc, "enable_dns_hostnames"); ok && !v {
				missing = append(missing, "enable_dns_hostnames")
			}
			if len(missing) == 0 {
				continue
			}
			what := missing[0] + " is false"
			if len(missing) == 2 {
				what = "enable_dns_support and enable_dns_hostnames are false"
			} else if missing[0] == "enable_dns_hostnames" && !configured(vpc, "enable_dns_hostnames") {
				what = "enable_dns_hostnames is false (its default)"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Private DNS without VPC DNS attributes",
				Detail: fmt.Sprintf("%s enables private DNS, but in its VPC %s %s. AWS requires both VPC attributes for interface endpoint private DNS; set enable_dns_support = true and enable_dns_hostnames = true on %s.",
					e.Addr, vpc.Addr, what, vpc.Addr),
				Subject: e.Ranges("private_dns_enabled").Expr.Ptr(),
			})
		}
		return diags
	},
}
