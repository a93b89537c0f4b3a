package validate

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/network"
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
	if network.IPAMAllocated(inst) {
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
