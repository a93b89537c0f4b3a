package validate

import (
	"fmt"
	"net/netip"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsSubnetCIDRBlockOverlap: research VPC-004. "If you create more than
// one subnet in a VPC, the CIDR blocks of the subnets cannot overlap." The
// subnets of each VPC are sorted by address and swept once, so the cost is
// n log n, not quadratic.
var awsSubnetCIDRBlockOverlap = &Rule{
	ID:       "aws_subnet_cidr_block_overlap",
	Summary:  "Two subnets of one VPC have overlapping CIDR blocks",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		type entry struct {
			subnet *config.Instance
			prefix netip.Prefix
		}
		byVPC := map[*config.Instance][]entry{}
		var vpcs []*config.Instance
		for _, s := range in.Model.OfType(schema.TypeSubnet) {
			cidr, ok := str(s, "cidr_block")
			vpc := vpcOf(s)
			if !ok || vpc == nil {
				continue
			}
			p, err := netip.ParsePrefix(cidr)
			if err != nil || !p.Addr().Is4() {
				continue
			}
			if _, seen := byVPC[vpc]; !seen {
				vpcs = append(vpcs, vpc)
			}
			byVPC[vpc] = append(byVPC[vpc], entry{s, p.Masked()})
		}
		var diags hcl.Diagnostics
		for _, vpc := range vpcs {
			es := byVPC[vpc]
			sort.SliceStable(es, func(i, j int) bool {
				if c := es[i].prefix.Addr().Compare(es[j].prefix.Addr()); c != 0 {
					return c < 0
				}
				return es[i].prefix.Bits() < es[j].prefix.Bits()
			})
			// widest is the entry reaching furthest so far.
			var widest *entry
			for i := range es {
				e := &es[i]
				if widest != nil && widest.prefix.Contains(e.prefix.Addr()) {
					first, second := widest.subnet, e.subnet
					if second.Addr.Less(first.Addr) {
						first, second = second, first
					}
					diags = append(diags, &hcl.Diagnostic{
						Summary: "Overlapping subnet CIDR blocks",
						Detail: fmt.Sprintf("%s (%s) overlaps %s (%s) in %s. AWS rejects a subnet whose block overlaps another subnet of the VPC; give each subnet its own block, for example cidrsubnet(vpc_cidr, 8, index) with distinct indexes.",
							second.Addr, blockOf(second), first.Addr, blockOf(first), vpc.Addr),
						Subject: second.Resource.Ranges("cidr_block").Expr.Ptr(),
					})
					continue
				}
				if widest == nil || lastAddr(e.prefix).Compare(lastAddr(widest.prefix)) > 0 {
					widest = e
				}
			}
		}
		return diags
	},
}

func blockOf(s *config.Instance) string {
	c, _ := str(s, "cidr_block")
	return c
}

// lastAddr is the last address of a prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Addr().As4()
	host := 32 - p.Bits()
	for i := 3; i >= 0 && host > 0; i-- {
		bits := host
		if bits > 8 {
			bits = 8
		}
		a[i] |= byte(1<<bits - 1)
		host -= bits
	}
	return netip.AddrFrom4(a)
}
