package validate

import (
	"fmt"
	"net/netip"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCCIDRBlockOverlap: research VPC-005. A secondary IPv4 block must
// not overlap the VPC's other blocks.
var awsVPCCIDRBlockOverlap = &Rule{
	ID:       "aws_vpc_cidr_block_overlap",
	Summary:  "A secondary CIDR block overlaps another CIDR block of the same VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		for _, vpc := range in.Model.OfType(schema.TypeVPC) {
			type block struct {
				inst   *config.Instance
				prefix netip.Prefix
			}
			var seen []block
			if p, ok := cidrOf(vpc); ok {
				seen = append(seen, block{vpc, p})
			}
			// A VPC has at most a handful of blocks (the quota is 5), so
			// comparing each with those before it stays linear overall.
			for _, a := range referrers(vpc, schema.TypeVPCIPv4CIDRBlockAssociation, "vpc_id") {
				p, ok := cidrOf(a)
				if !ok {
					continue
				}
				for _, b := range seen {
					if b.prefix.Overlaps(p) {
						diags = append(diags, &hcl.Diagnostic{
							Summary: "Overlapping VPC CIDR blocks",
							Detail: fmt.Sprintf("%s adds %s to %s, which overlaps %s (%s). A VPC's CIDR blocks must not overlap; choose a block outside the VPC's other blocks.",
								a.Addr, p, vpc.Addr, b.prefix, b.inst.Addr),
							Subject: a.Resource.Ranges("cidr_block").Expr.Ptr(),
						})
						break
					}
				}
				seen = append(seen, block{a, p})
			}
		}
		return diags
	},
}

// cidrOf returns an instance's known IPv4 cidr_block.
func cidrOf(inst *config.Instance) (netip.Prefix, bool) {
	s, ok := str(inst, "cidr_block")
	if !ok {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, false
	}
	return p.Masked(), true
}
