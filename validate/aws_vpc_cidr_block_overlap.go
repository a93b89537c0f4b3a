package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCCIDRBlockOverlap: research VPC-005. A secondary IPv4 block
// (aws_vpc_ipv4_cidr_block_association) must not overlap the VPC's other
// blocks. The blocks of each VPC are sorted and swept once, so the cost is
// n log n, not quadratic.
var awsVPCCIDRBlockOverlap = &Rule{
	ID:       "aws_vpc_cidr_block_overlap",
	Summary:  "A secondary CIDR block overlaps another CIDR block of the same VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		index := network.NewVPCBlockIndex(in.Model)
		var diags hcl.Diagnostics
		for _, vpc := range in.Model.OfType(schema.TypeVPC) {
			assocs := index.Secondary(vpc)
			if len(assocs) == 0 {
				continue
			}
			var es []cidrEntry
			if p, ok := ipv4Block(vpc); ok {
				es = append(es, cidrEntry{vpc, p})
			}
			for _, a := range assocs {
				if p, ok := ipv4Block(a); ok {
					es = append(es, cidrEntry{a, p})
				}
			}
			// Report each association once: the one overlapping the
			// primary block, or the later by address of two associations.
			reported := map[*config.Instance]bool{}
			for _, pair := range overlappingPairs(es) {
				bad, other := pair[1], pair[0]
				if bad.inst == vpc || (other.inst != vpc && bad.inst.Addr.Less(other.inst.Addr)) {
					bad, other = other, bad
				}
				if reported[bad.inst] {
					continue
				}
				reported[bad.inst] = true
				owner := other.inst.Addr.String()
				if other.inst == vpc {
					owner = "the primary block of " + owner
				}
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Overlapping VPC CIDR blocks",
					Detail: fmt.Sprintf("%s adds %s to %s, which overlaps %s (%s). AWS rejects a secondary CIDR block that overlaps a CIDR block the VPC already has; choose a block outside the VPC's other blocks.",
						bad.inst.Addr, bad.prefix, vpc.Addr, other.prefix, owner),
					Subject: bad.inst.Ranges("cidr_block").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
