package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsSubnetCIDRBlockOverlap: research VPC-004. "If you create more than
// one subnet in a VPC, the CIDR blocks of the subnets cannot overlap." The
// subnets are grouped by VPC (an aws_vpc of the configuration, or a VPC ID
// written as a literal) in one pass, and each group is sorted and swept
// once, so the cost is n log n, not quadratic.
var awsSubnetCIDRBlockOverlap = &Rule{
	ID:       "aws_subnet_cidr_block_overlap",
	Summary:  "Two subnets of one VPC have overlapping CIDR blocks",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		byVPC := map[vpcRef][]cidrEntry{}
		var vpcs []vpcRef
		for _, s := range in.Model.OfType(schema.TypeSubnet) {
			p, ok := ipv4Block(s)
			if !ok {
				continue
			}
			vpc, ok := vpcRefOf(s)
			if !ok {
				continue
			}
			if _, seen := byVPC[vpc]; !seen {
				vpcs = append(vpcs, vpc)
			}
			byVPC[vpc] = append(byVPC[vpc], cidrEntry{s, p})
		}
		var diags hcl.Diagnostics
		for _, vpc := range vpcs {
			// Report each subnet once: of two overlapping subnets, the
			// later by address.
			reported := map[*config.Instance]bool{}
			for _, pair := range overlappingPairs(byVPC[vpc]) {
				first, second := pair[0], pair[1]
				if second.inst.Addr.Less(first.inst.Addr) {
					first, second = second, first
				}
				if reported[second.inst] {
					continue
				}
				reported[second.inst] = true
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Overlapping subnet CIDR blocks",
					Detail: fmt.Sprintf("%s (%s) overlaps %s (%s) in the VPC %s. AWS rejects a subnet whose block overlaps another subnet of the VPC; give each subnet its own block, for example cidrsubnet(vpc_cidr, 8, index) with distinct indexes.",
						second.inst.Addr, second.prefix, first.inst.Addr, first.prefix, vpc),
					Subject: second.inst.Ranges("cidr_block").Expr.Ptr(),
				})
			}
		}
		return diags
	},
}
