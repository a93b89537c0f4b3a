package statecmd

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

// Remove takes out of st every object (current and deposed) of the
// instances the targets select, and the resources it leaves without
// instances, as terraform state rm does. It returns the removed
// instances in the order of the targets, each target's sorted: what
// `state rm` reports as "Removed ADDRESS". A target that selects nothing
// is passed over, but when none selects anything the result is the error
// "Invalid target address" and st is unchanged.
func Remove(st *state.State, targets []Target) ([]schema.InstanceAddr, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var removed []schema.InstanceAddr
	gone := map[schema.InstanceAddr]bool{}
	for _, t := range targets {
		addrs, moreDiags := Instances(st, t, true)
		diags = append(diags, moreDiags...)
		for _, a := range addrs {
			if !gone[a] {
				gone[a] = true
				removed = append(removed, a)
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	if len(removed) == 0 {
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid target address",
			Detail:   `No matching objects found. To view the available instances, use "vpcplan state list". Please modify the address to reference a specific instance.`,
		})
	}
	forget(st, func(o object) bool { return gone[o.addr] })
	return removed, diags
}

// forget drops the objects drop selects, and the resources it leaves
// empty.
func forget(st *state.State, drop func(object) bool) {
	var rs []*state.Resource
	for _, r := range st.Resources {
		n := len(r.Instances)
		kept := r.Instances[:0]
		for _, inst := range r.Instances {
			addr, err := r.InstanceAddr(inst)
			if err == nil && drop(object{res: r, inst: inst, addr: addr}) {
				continue
			}
			kept = append(kept, inst)
		}
		r.Instances = kept
		if len(kept) > 0 || n == 0 {
			rs = append(rs, r)
		}
	}
	st.Resources = rs
}
