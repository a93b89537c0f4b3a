package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCEndpointIPAddressTypeSubnetMismatch: research VPCE-IF-009. ipv6
// needs IPv6-only subnets, dualstack needs subnets with both families,
// ipv4 needs subnets with IPv4.
var awsVPCEndpointIPAddressTypeSubnetMismatch = &Rule{
	ID:       "aws_vpc_endpoint_ip_address_type_subnet_mismatch",
	Summary:  "ip_address_type does not fit the IP families of the endpoint's subnets",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			ipType, ok := str(e, "ip_address_type")
			if !ok || !configured(e, "ip_address_type") {
				continue
			}
			for _, s := range endpointSubnets(e) {
				native, okN := boolAttr(s, "ipv6_native")
				if !okN {
					native = false
				}
				// A subnet without an IPv6 block written has none (the
				// provider's computed value is only ever the written one).
				_, hasV6 := str(s, "ipv6_cidr_block")
				noV6 := !hasV6 && !configured(s, "ipv6_cidr_block")
				problem := ""
				switch ipType {
				case "ipv6":
					if okN && !native {
						problem = "is not IPv6-only (ipv6_native is false), but ip_address_type ipv6 needs IPv6-only subnets"
					}
				case "dualstack":
					if native {
						problem = "is IPv6-only, but ip_address_type dualstack needs subnets with IPv4 and IPv6"
					} else if noV6 {
						problem = "has no IPv6 CIDR block, but ip_address_type dualstack needs subnets with IPv4 and IPv6"
					}
				case "ipv4":
					if native {
						problem = "is IPv6-only, but ip_address_type ipv4 needs subnets with IPv4"
					}
				}
				if problem == "" {
					continue
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Endpoint IP address type does not fit its subnets",
					Detail:  fmt.Sprintf("The subnet %s of %s %s. Choose the ip_address_type that the subnets support, or subnets of that IP family.", s.Addr, e.Addr, problem),
					Subject: e.Ranges("ip_address_type").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
