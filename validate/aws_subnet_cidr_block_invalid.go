package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
)

// awsSubnetCIDRBlockInvalid: research VPC-004. A subnet's IPv4 block is a
// /16 to /28 network inside one of its VPC's CIDR blocks (the primary one
// or a secondary one from aws_vpc_ipv4_cidr_block_association). "Outside
// the VPC" is reported only when every block of the VPC is known.
var awsSubnetCIDRBlockInvalid = &Rule{
	ID:       "aws_subnet_cidr_block_invalid",
	Summary:  "A subnet CIDR block is invalid, outside /16 to /28, or outside its VPC",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		index := network.NewVPCBlockIndex(in.Model)
		var diags hcl.Diagnostics
		for _, s := range in.Model.OfType(schema.TypeSubnet) {
			cidr, ok := str(s, "cidr_block")
			if native, _ := boolAttr(s, "ipv6_native"); !ok || (native && cidr == "") {
				continue // an IPv6-only subnet has no IPv4 block
			}
			p, problem := parseIPv4CIDR(cidr, 16, 28)
			vpc := vpcOf(s)
			fix := "write a /16 to /28 block as its network address, such as 10.0.1.0/24."
			if vpc != nil {
				fix = fmt.Sprintf("derive it from the VPC's block, for example cidrsubnet(%s.cidr_block, 8, 1).", vpc.Addr)
			}
			if problem == "" {
				if vpc == nil {
					continue
				}
				blocks := index.Blocks(vpc)
				if !blocks.Known || blocks.Inside(p) {
					continue
				}
				names := make([]string, len(blocks.All))
				for i, b := range blocks.All {
					names[i] = b.String()
				}
				problem = fmt.Sprintf("%q is not inside the CIDR blocks of %s (%s)", cidr, vpc.Addr, strings.Join(names, ", "))
				fix = fmt.Sprintf("choose a block inside one of them, for example with cidrsubnet(%s.cidr_block, 8, 1), or add the range to the VPC with aws_vpc_ipv4_cidr_block_association.", vpc.Addr)
			}
			diags = append(diags, &hcl.Diagnostic{
				Summary: "Invalid subnet CIDR block",
				Detail:  fmt.Sprintf("The CIDR block of %s is unusable: %s. A subnet takes a /16 to /28 IPv4 network inside one of its VPC's CIDR blocks; %s", s.Addr, problem, fix),
				Subject: s.Ranges("cidr_block").Expr.Ptr(),
			})
		}
		return diags
	},
}
