package validate

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// The helpers in this file answer the questions of the network basics and
// the rules for all VPC endpoint types: which VPC an instance is in, and
// which IPv4 blocks overlap. Like model.go's, they return only what the
// model proves.

// vpcRef identifies the VPC an instance is in: the aws_vpc instance its
// vpc_id links to or, when vpc_id names no instance of the configuration,
// the VPC ID written as a known literal ("vpc-0123456789abcdef0"). It is
// comparable, so it can key a map. Two refs name the same VPC when they are
// equal; they provably name different VPCs only when both are instances or
// both are literal IDs (see differs), since a literal can be the ID of a
// VPC the configuration manages.
type vpcRef struct {
	inst *config.Instance
	id   string
}

// vpcRefOf returns the VPC an instance is in. An aws_vpc is in itself (its
// default_security_group_id and main_route_table_id link to the VPC). ok
// is false when vpc_id is unknown, not written, or names several instances.
func vpcRefOf(inst *config.Instance) (vpcRef, bool) {
	if inst.Addr.Resource.Type == schema.TypeVPC {
		return vpcRef{inst: inst}, true
	}
	if len(inst.Links("vpc_id")) > 0 {
		if vpc := vpcOf(inst); vpc != nil && vpc.Addr.Resource.Type == schema.TypeVPC {
			return vpcRef{inst: vpc}, true
		}
		return vpcRef{}, false
	}
	if id, ok := str(inst, "vpc_id"); ok && id != "" {
		return vpcRef{id: id}, true
	}
	return vpcRef{}, false
}

// differs reports whether two refs provably name different VPCs.
func (v vpcRef) differs(w vpcRef) bool {
	if v.inst != nil && w.inst != nil {
		return v.inst != w.inst
	}
	return v.inst == nil && w.inst == nil && v.id != w.id
}

// String returns the VPC's address, or its ID quoted.
func (v vpcRef) String() string {
	if v.inst != nil {
		return v.inst.Addr.String()
	}
	return fmt.Sprintf("%q", v.id)
}

// ipv4Block returns an instance's cidr_block when it is known, an IPv4
// CIDR, and written as its network address (host bits zero). Blocks the
// provider rejects are aws_vpc_cidr_block_invalid's and
// aws_subnet_cidr_block_invalid's to report, so overlap rules skip them.
func ipv4Block(inst *config.Instance) (netip.Prefix, bool) {
	if ipamAllocated(inst) {
		return netip.Prefix{}, false
	}
	s, ok := str(inst, "cidr_block")
	if !ok {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() || p.Masked() != p {
		return netip.Prefix{}, false
	}
	return p, true
}

// cidrEntry is one IPv4 block and the instance that declares it.
type cidrEntry struct {
	inst   *config.Instance
	prefix netip.Prefix
}

// overlappingPairs sorts the entries by first address, wider blocks first
// and otherwise in the given order, and sweeps them once, keeping the block
// that reaches furthest so far. It returns a pair (earlier, later) for every
// entry that starts inside that block. CIDR blocks either nest or are
// disjoint, so every entry that overlaps another is in at least one pair.
// The cost is n log n; es is reordered.
func overlappingPairs(es []cidrEntry) [][2]cidrEntry {
	sort.SliceStable(es, func(i, j int) bool {
		if c := es[i].prefix.Addr().Compare(es[j].prefix.Addr()); c != 0 {
			return c < 0
		}
		return es[i].prefix.Bits() < es[j].prefix.Bits()
	})
	var pairs [][2]cidrEntry
	widest := -1
	for i, e := range es {
		if widest >= 0 && es[widest].prefix.Contains(e.prefix.Addr()) {
			pairs = append(pairs, [2]cidrEntry{es[widest], e})
			continue
		}
		if widest < 0 || lastAddr(e.prefix).Compare(lastAddr(es[widest].prefix)) > 0 {
			widest = i
		}
	}
	return pairs
}

// lastAddr is the last address of an IPv4 prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr().As4()
	host := 32 - p.Bits()
	for i := 3; i >= 0 && host > 0; i-- {
		bits := min(host, 8)
		a[i] |= byte(1<<bits - 1)
		host -= bits
	}
	return netip.AddrFrom4(a)
}

// vpcBlockIndex answers which IPv4 blocks a VPC has: its own cidr_block and
// those of the aws_vpc_ipv4_cidr_block_association resources naming it. It
// is built in one pass over the associations.
type vpcBlockIndex struct {
	assocs map[*config.Instance][]*config.Instance
	memo   map[*config.Instance]vpcBlocks
	// loose is set when some association may belong to any VPC: its block
	// has an unknown count or for_each, or its vpc_id names no aws_vpc of
	// the configuration.
	loose bool
}

func newVPCBlockIndex(m *config.Model) *vpcBlockIndex {
	x := &vpcBlockIndex{
		assocs: map[*config.Instance][]*config.Instance{},
		memo:   map[*config.Instance]vpcBlocks{},
		loose:  unexpanded(m, schema.TypeVPCIPv4CIDRBlockAssociation),
	}
	for _, a := range m.OfType(schema.TypeVPCIPv4CIDRBlockAssociation) {
		if vpc := vpcOf(a); vpc != nil {
			x.assocs[vpc] = append(x.assocs[vpc], a)
		} else {
			// An unknown vpc_id, or a literal one that may be the ID of
			// any VPC of the configuration.
			x.loose = true
		}
	}
	return x
}

// blocks returns the IPv4 blocks of the VPC. Its known is false when the
// list may be incomplete: a block is unknown or unparsable, or an
// association may be missing from the model. Answers are memoized, so each
// VPC's blocks are parsed and sorted once.
func (x *vpcBlockIndex) blocks(vpc *config.Instance) vpcBlocks {
	if x.loose {
		return vpcBlocks{}
	}
	if a, ok := x.memo[vpc]; ok {
		return a
	}
	a := newVPCBlocks(append([]*config.Instance{vpc}, x.assocs[vpc]...))
	x.memo[vpc] = a
	return a
}

// vpcBlocks are the IPv4 blocks of one VPC.
type vpcBlocks struct {
	// all are the blocks, masked, in the order primary, then the
	// associations by address.
	all []netip.Prefix
	// top are the blocks no other block contains, sorted by address; CIDR
	// blocks nest or are disjoint, so these are disjoint.
	top   []netip.Prefix
	known bool
}

func newVPCBlocks(insts []*config.Instance) vpcBlocks {
	var a vpcBlocks
	for _, inst := range insts {
		if ipamAllocated(inst) {
			// IPAM chooses the block: apply records one, but which one AWS
			// allocates is not known before it does.
			return vpcBlocks{}
		}
		s, ok := str(inst, "cidr_block")
		if !ok {
			return vpcBlocks{}
		}
		p, err := netip.ParsePrefix(s)
		if err != nil || !p.Addr().Is4() {
			return vpcBlocks{}
		}
		a.all = append(a.all, p.Masked())
	}
	return knownVPCBlocks(a.all)
}

// ipamAllocated reports whether an IPv4 block (of a VPC or a CIDR block
// association) comes from an IPAM pool rather than the configuration.
// A block written with the pool (allocating that block from it) counts
// too: the configuration may set cidr_block to null, as modules do, which
// Ranges cannot tell from a value.
func ipamAllocated(inst *config.Instance) bool {
	if !inst.Value.Type().HasAttribute("ipv4_ipam_pool_id") {
		return false
	}
	v := inst.Value.GetAttr("ipv4_ipam_pool_id")
	return !v.IsKnown() || !v.IsNull()
}

// knownVPCBlocks returns the known blocks of a VPC, masked.
func knownVPCBlocks(all []netip.Prefix) vpcBlocks {
	a := vpcBlocks{all: all, known: true}
	sorted := append([]netip.Prefix(nil), a.all...)
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

// inside reports whether p lies inside one of the blocks, by binary search
// over the top blocks: if the widest block holding p's first address does
// not hold p, no narrower one does.
func (a vpcBlocks) inside(p netip.Prefix) bool {
	i := sort.Search(len(a.top), func(i int) bool { return a.top[i].Addr().Compare(p.Addr()) > 0 }) - 1
	return i >= 0 && a.top[i].Bits() <= p.Bits() && a.top[i].Contains(p.Addr())
}

// secondaryBlocks returns the associations of a VPC, sorted by address.
func (x *vpcBlockIndex) secondaryBlocks(vpc *config.Instance) []*config.Instance {
	return x.assocs[vpc]
}

// serviceNameFor returns the full name of a catalog service for an
// endpoint: in the partition and Region of the name as written when it has
// a Region, else of the endpoint's VPC or provider. ok is false when a
// regional service's Region is unknown.
func serviceNameFor(svc *schema.Service, written schema.ServiceName, e *config.Instance) (string, bool) {
	region, partition := written.Region, written.Partition
	if region == "" && !svc.Global {
		region = e.Region
		if vpc := vpcOf(e); vpc != nil && vpc.Region != "" {
			region = vpc.Region
		}
		if region == "" {
			return "", false
		}
		if p := partitionOf(e); p != "" {
			partition = p
		}
	}
	return svc.FullName(partition, region), true
}

// joinAnd joins words for a message: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// thousands formats a count with comma separators, as AWS's quota pages
// write numbers: 20,480.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
