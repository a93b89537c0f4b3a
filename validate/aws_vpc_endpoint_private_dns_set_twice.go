package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointPrivateDNSSetTwice: the AWS provider's documentation of
// aws_vpc_endpoint_private_dns (provider v6): "When using this resource,
// the private_dns_enabled argument should be omitted on the parent
// aws_vpc_endpoint resource. Setting the value both places can lead to
// unintended behavior and persistent differences." Both set the same
// endpoint attribute with ModifyVpcEndpoint; the later apply wins, and
// each plan reverts the other's value when they differ. No AWS fact of
// reference/aws-rules.md is behind it: it is the provider's.
//
// Only private_dns_enabled = true on the endpoint is reported: the model
// gives an omitted or null argument its default, false, so a false value
// does not prove that the configuration sets it (modules pass null through
// variables to omit it).
var awsVPCEndpointPrivateDNSSetTwice = &Rule{
	ID:       "aws_vpc_endpoint_private_dns_set_twice",
	Summary:  "An endpoint sets private_dns_enabled that an aws_vpc_endpoint_private_dns also manages",
	Severity: hcl.DiagWarning,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			if !writtenTrue(e, "private_dns_enabled") {
				continue
			}
			separate := referrers(e, schema.TypeVPCEndpointPrivateDNS, "vpc_endpoint_id")
			if len(separate) == 0 {
				continue
			}
			other := separate[0]
			effect := "can lead to unintended behavior and persistent differences"
			if v, ok := boolAttr(other, "private_dns_enabled"); ok && !v {
				effect = "turns it off there and on here, so each plan changes it back"
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Private DNS set on the endpoint and in aws_vpc_endpoint_private_dns",
				Detail: fmt.Sprintf("%s sets private_dns_enabled = true, and %s manages the same setting of the endpoint. The AWS provider says to omit private_dns_enabled on the endpoint when aws_vpc_endpoint_private_dns is used: setting it in both places %s. Remove private_dns_enabled from %s.",
					e.Addr, other.Addr, effect, e.Addr),
				Subject: e.Ranges("private_dns_enabled").Name.Ptr(),
			})
		}
		return diags
	},
}
