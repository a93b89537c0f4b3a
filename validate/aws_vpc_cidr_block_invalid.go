package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// awsVPCCIDRBlockInvalid: research VPC-003. AWS accepts IPv4 VPC blocks
// from /16 to /28; the provider rejects a block with host bits set.
var awsVPCCIDRBlockInvalid = &Rule{
	ID:       "aws_vpc_cidr_block_invalid",
	Summary:  "A VPC CIDR block is not a valid IPv4 network between /16 and /28",
	Severity: hcl.DiagError,
	Check: func(in *Input) hcl.Diagnostics {
		var diags hcl.Diagnostics
		check := func(inst *config.Instance, what string) {
			s, ok := inst.StringAttr("cidr_block")
			if !ok {
				return
			}
			if _, problem := parseIPv4CIDR(s, 16, 28); problem != "" {
				if attrSensitive(inst, "cidr_block") {
					problem = "the value (sensitive) is not a CIDR block between /16 and /28 with the host bits zero"
				}
				rng := inst.Ranges("cidr_block")
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Invalid VPC CIDR block",
					Detail: fmt.Sprintf("The %s CIDR block of %s is unusable: %s. AWS accepts IPv4 blocks from /16 (65,536 addresses) to /28 (16 addresses), written with the host bits zero; use a block such as 10.0.0.0/16.",
						what, inst.Addr, problem),
					Subject: rng.Expr.Ptr(),
				})
			}
		}
		for _, inst := range in.Model.OfType(schema.TypeVPC) {
			check(inst, "primary")
		}
		for _, inst := range in.Model.OfType(schema.TypeVPCIPv4CIDRBlockAssociation) {
			check(inst, "secondary")
		}
		return diags
	},
}
