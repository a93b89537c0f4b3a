package network

import (
	"net/netip"
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// VPCBlockIndex answers which IPv4 blocks a VPC has: its own cidr_block and
// those of the aws_vpc_ipv4_cidr_block_association resources naming it. It
// is built in one pass over the associations.
type VPCBlockIndex struct {
	assocs map[*config.Instance][]*config.Instance
	memo   map[*config.Instance]VPCBlocks
	// loose is set when some association may belong to any VPC: its block
	// has an unknown count or for_each, or its vpc_id names no aws_vpc of
	// the configuration.
	loose bool
}

// NewVPCBlockIndex indexes the IPv4 blocks of the model's VPCs.
func NewVPCBlockIndex(m *config.Model) *VPCBlockIndex {
	x := &VPCBlockIndex{
		assocs: map[*config.Instance][]*config.Instance{},
		memo:   map[*config.Instance]VPCBlocks{},
		loose:  Unexpanded(m, schema.TypeVPCIPv4CIDRBlockAssociation),
	}
	for _, a := range m.OfType(schema.TypeVPCIPv4CIDRBlockAssociation) {
		if vpc := VPCOf(a); vpc != nil {
			x.assocs[vpc] = append(x.assocs[vpc], a)
		} else {
			// An unknown vpc_id, or a literal one that may be the ID of
			// any VPC of the configuration.
			x.loose = true
		}
	}
	return x
}

// Blocks returns the IPv4 blocks of the VPC. Its Known is false when the
// list may be incomplete: a block is unknown or unparsable, or an
// association may be missing from the model. Answers are memoized, so each
// VPC's blocks are parsed and sorted once.
func (x *VPCBlockIndex) Blocks(vpc *config.Instance) VPCBlocks {
	if x.loose {
		return VPCBlocks{}
	}
	if a, ok := x.memo[vpc]; ok {
		return a
	}
	a := newVPCBlocks(append([]*config.Instance{vpc}, x.assocs[vpc]...))
	x.memo[vpc] = a
	return a
}

// VPCBlocks are the IPv4 blocks of one VPC.
type VPCBlocks struct {
	// All are the blocks, masked, in the order primary, then the
	// associations by address.
	All []netip.Prefix
	// top are the blocks no other block contains, sorted by address; CIDR
	// blocks nest or are disjoint, so these are disjoint.
	top   []netip.Prefix
	Known bool
}

func newVPCBlocks(insts []*config.Instance) VPCBlocks {
	var a VPCBlocks
	for _, inst := range insts {
		if IPAMAllocated(inst) {
			// IPAM chooses the block: apply records one, but which one AWS
			// allocates is not known before it does.
			return VPCBlocks{}
		}
		s, ok := str(inst, "cidr_block")
		if !ok {
			return VPCBlocks{}
		}
		p, err := netip.ParsePrefix(s)
		if err != nil || !p.Addr().Is4() {
			return VPCBlocks{}
		}
		a.All = append(a.All, p.Masked())
	}
	return KnownVPCBlocks(a.All)
}

// IPAMAllocated reports whether an IPv4 block (of a VPC or a CIDR block
// association) comes from an IPAM pool rather than the configuration.
// A block written with the pool (allocating that block from it) counts
// too: the configuration may set cidr_block to null, as modules do, which
// Ranges cannot tell from a value.
func IPAMAllocated(inst *config.Instance) bool {
	if !inst.Value.Type().HasAttribute("ipv4_ipam_pool_id") {
		return false
	}
	v := inst.Value.GetAttr("ipv4_ipam_pool_id")
	return !v.IsKnown() || !v.IsNull()
}

// KnownVPCBlocks returns the known blocks of a VPC, masked.
func KnownVPCBlocks(all []netip.Prefix) VPCBlocks {
	a := VPCBlocks{All: all, Known: true}
	sorted := append([]netip.Prefix(nil), a.All...)
	sort.Slice(sorted, func(i, j int) bool {
		if c := sorted[i].Addr().Compare(sorted[j].Addr()); c != 0 {
			return c < 0
		}
		return sorted[i].Bits() < sorted[j].Bits()
	})
	for _, p := range sorted {
		if n := len(a.top); n == 0 || !a.top[n-1].Contains(p.Addr()) {
			a.top = append(a.top, p)
		}
	}
	return a
}

// Inside reports whether p lies inside one of the blocks, by binary search
// over the top blocks: if the widest block holding p's first address does
// not hold p, no narrower one does.
func (a VPCBlocks) Inside(p netip.Prefix) bool {
	i := sort.Search(len(a.top), func(i int) bool { return a.top[i].Addr().Compare(p.Addr()) > 0 }) - 1
	return i >= 0 && a.top[i].Bits() <= p.Bits() && a.top[i].Contains(p.Addr())
}

// Secondary returns the associations of a VPC, sorted by address.
func (x *VPCBlockIndex) Secondary(vpc *config.Instance) []*config.Instance {
	return x.assocs[vpc]
}
