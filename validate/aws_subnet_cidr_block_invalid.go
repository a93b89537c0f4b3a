package validate

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsSubnetCIDRBlockInvalid: research VPC-004. A subnet's IPv4 block is a
// /16 to /28 network inside one of its VPC's CIDR blocks.
var awsSubnetCIDRBlockInvalid = &Rule{
	ID:       "aws_subnet_cidr_block_invalid",
	Summary:  "A subnet CIDR block is invalid, outside /16 to /28, or outside its VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, s := range in.Model.OfType(schema.TypeSubnet) {
			cidr, ok := str(s, "cidr_block")
			if !ok {
				continue
			}
			p, problem := parseIPv4CIDR(cidr, 16, 28)
			if problem == "" {
				vpc := vpcOf(s)
				if vpc == nil {
					continue
				}
				blocks, known := vpcBlocks(vpc)
				if !known || len(blocks) == 0 {
					continue
				}
				inside := false
				var names []string
				for _, b := range blocks {
					names = append(names, b.String())
					inside = inside || (b.Contains(p.Addr()) && b.Bits() <= p.Bits())
				}
				if inside {
					continue
				}
				problem = fmt.Sprintf("%q is not inside the CIDR blocks of %s (%s)", cidr, vpc.Addr, strings.Join(names, ", "))
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Invalid subnet CIDR block",
				Detail:  fmt.Sprintf("The CIDR block of %s is unusable: %s. A subnet takes a /16 to /28 IPv4 network inside one of its VPC's CIDR blocks; choose one there, for example with cidrsubnet().", s.Addr, problem),
				Subject: s.Resource.Ranges("cidr_block").Expr.Ptr(),
			})
		}
		return diags
	},
}

// vpcBlocks returns the IPv4 CIDR blocks of a VPC: its own and those of the
// aws_vpc_ipv4_cidr_block_association resources naming it. known is false
// when one of them is unknown or invalid.
func vpcBlocks(vpc *config.Instance) ([]netip.Prefix, bool) {
	var out []netip.Prefix
	add := func(inst *config.Instance) bool {
		s, ok := str(inst, "cidr_block")
		if !ok {
			return false
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return false
		}
		out = append(out, p.Masked())
		return true
	}
	if !add(vpc) {
		return nil, false
	}
	for _, a := range referrers(vpc, schema.TypeVPCIPv4CIDRBlockAssociation, "vpc_id") {
		if !add(a) {
			return nil, false
		}
	}
	return out, true
}
