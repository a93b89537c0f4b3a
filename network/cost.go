package network

import (
	"fmt"
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Kind is a billed kind of network resource.
type Kind string

// The billed kinds.
const (
	KindInterface Kind = "interface endpoint"
	KindGWLB      Kind = "GWLB endpoint"
	KindGateway   Kind = "gateway endpoint"
	KindResolver  Kind = "Resolver endpoint"
	KindNAT       Kind = "NAT gateway"
)

// Item is one billed resource instance: its kind, Region and how many
// units are billed per hour (Availability Zones of an interface endpoint,
// IP addresses of a Resolver endpoint, one otherwise). Zones lists the
// Availability Zones when known, for the breakdown.
type Item struct {
	Addr   string   `json:"address"`
	Kind   Kind     `json:"kind"`
	Region string   `json:"region"`
	Units  int      `json:"units"`
	Zones  []string `json:"zones,omitempty"`
}

// endpointKinds are the billed kinds of the endpoint types.
var endpointKinds = map[schema.EndpointType]Kind{
	schema.EndpointGateway:             KindGateway,
	schema.EndpointGatewayLoadBalancer: KindGWLB,
	schema.EndpointInterface:           KindInterface,
}

// ItemsFromModel returns the billed instances of the model, in address
// order within each type.
func ItemsFromModel(m *config.Model) []Item {
	var out []Item
	for _, e := range m.OfType(schema.TypeVPCEndpoint) {
		t, ok := EndpointType(e)
		if !ok {
			continue
		}
		kind, ok := endpointKinds[t]
		if !ok {
			continue
		}
		it := Item{Addr: e.Addr.String(), Kind: kind, Region: e.Region, Units: 1}
		if t == schema.EndpointInterface {
			// AWS allows one subnet per Availability Zone, so each
			// subnet is one billed zone.
			it.Units = EndpointSubnetBounds(e, false).AtLeast
			for _, s := range EndpointSubnets(e) {
				if az, ok := str(s, "availability_zone"); ok {
					it.Zones = append(it.Zones, az)
				}
			}
			sort.Strings(it.Zones)
		}
		out = append(out, it)
	}
	for _, r := range m.OfType(schema.TypeRoute53ResolverEndpoint) {
		out = append(out, Item{Addr: r.Addr.String(), Kind: KindResolver, Region: r.Region, Units: countElements(r.Attr("ip_address"))})
	}
	for _, n := range m.OfType(schema.TypeNATGateway) {
		if t, ok := str(n, "connectivity_type"); ok && t == "private" {
			// A private NAT gateway is billed too; the table has the
			// public one's price only when they are the same line, which
			// the sources do not say.
			continue
		}
		out = append(out, Item{Addr: n.Addr.String(), Kind: KindNAT, Region: n.Region, Units: 1})
	}
	return out
}

// ItemFromValue returns the billed item of one instance value (a prior
// state's or a plan's), or false when the type is not billed or the value
// cannot tell.
func ItemFromValue(addr schema.InstanceAddr, v cty.Value, region string) (Item, bool) {
	if v == cty.NilVal || v.IsNull() || !v.IsKnown() {
		return Item{}, false
	}
	get := func(name string) cty.Value { return attrOf(v, name) }
	if r := get("region"); r != cty.NilVal && r.IsKnown() && !r.IsNull() {
		region = r.AsString()
	}
	it := Item{Addr: addr.String(), Region: region, Units: 1}
	switch addr.Resource.Type {
	case schema.TypeVPCEndpoint:
		t := get("vpc_endpoint_type")
		if t == cty.NilVal || !t.IsKnown() || t.IsNull() {
			return Item{}, false
		}
		et := schema.EndpointType(t.AsString())
		kind, ok := endpointKinds[et]
		if !ok {
			return Item{}, false
		}
		it.Kind = kind
		if et == schema.EndpointInterface {
			it.Units = countElements(get("subnet_ids"))
		}
	case schema.TypeRoute53ResolverEndpoint:
		it.Kind, it.Units = KindResolver, countElements(get("ip_address"))
	case schema.TypeNATGateway:
		if t := get("connectivity_type"); t != cty.NilVal && t.IsKnown() && !t.IsNull() && t.AsString() == "private" {
			return Item{}, false
		}
		it.Kind = KindNAT
	default:
		return Item{}, false
	}
	if it.Units < 0 {
		return Item{}, false
	}
	return it, true
}

// PlannedValue is one resource instance of a plan as cost reads it.
type PlannedValue struct {
	Addr schema.InstanceAddr
	// Before and After are the prior and planned values; null (or
	// cty.NilVal) when the plan creates or deletes the instance.
	Before, After cty.Value
	// Region is the instance's Region in the model, "" when it is not in
	// the model (a deleted instance: then the value's region counts).
	Region string
	// Changed is set when the plan creates, updates, replaces or deletes
	// the instance.
	Changed bool
}

// PlanItems returns the billed items of the prior state and of the plan,
// and whether the plan changes what is billed: a billed instance changes,
// or an aws_vpc_endpoint_subnet_association of a billed endpoint does.
//
// An interface endpoint's zones before the plan are the union of its
// recorded subnet_ids and the subnets of the associations the prior state
// records for its id (apply records subnet_ids as [] when the subnets come
// through associations). After the plan they are the model's
// (EndpointSubnetBounds, which reads the associations too); the planned
// value counts only for instances the model does not hold. Both lists are
// in the order of values. The cost is linear in the number of values.
func PlanItems(m *config.Model, values []PlannedValue) (before, after []Item, changed bool) {
	// The subnets each endpoint id has through associations, before.
	assocBefore := map[string]map[string]bool{}
	for _, v := range values {
		if v.Addr.Resource.Type != schema.TypeVPCEndpointSubnetAssoc {
			continue
		}
		ep, ok1 := knownString(v.Before, "vpc_endpoint_id")
		sn, ok2 := knownString(v.Before, "subnet_id")
		if !ok1 || !ok2 {
			continue
		}
		if assocBefore[ep] == nil {
			assocBefore[ep] = map[string]bool{}
		}
		assocBefore[ep][sn] = true
	}
	modelItems := map[string]Item{}
	if m != nil {
		for _, it := range ItemsFromModel(m) {
			modelItems[it.Addr] = it
		}
	}
	billedBefore := map[string]bool{} // endpoint ids billed before
	for _, v := range values {
		b, inBefore := ItemFromValue(v.Addr, v.Before, v.Region)
		if inBefore {
			if id, ok := knownString(v.Before, "id"); ok && b.Kind != KindGateway {
				billedBefore[id] = true
				if subnets := assocBefore[id]; b.Kind == KindInterface && len(subnets) > 0 {
					b.Units = unionCount(attrOf(v.Before, "subnet_ids"), subnets)
				}
			}
			before = append(before, b)
		}
		a, inAfter := Item{}, false
		if v.After != cty.NilVal && !v.After.IsNull() {
			a, inAfter = modelItems[v.Addr.String()]
			if fromValue, ok := ItemFromValue(v.Addr, v.After, v.Region); ok && (!inAfter || a.Units < 0) {
				a, inAfter = fromValue, true
			}
		}
		if inAfter {
			after = append(after, a)
		}
		if v.Changed && (inBefore || inAfter) {
			changed = true
		}
	}
	if changed {
		return before, after, true
	}
	// Associations change their endpoint's zones, and so its cost.
	for _, v := range values {
		if !v.Changed || v.Addr.Resource.Type != schema.TypeVPCEndpointSubnetAssoc {
			continue
		}
		if ep, ok := knownString(v.Before, "vpc_endpoint_id"); ok && billedBefore[ep] {
			return before, after, true
		}
		if m == nil {
			continue
		}
		if inst := m.Instance(v.Addr); inst != nil {
			if e := inst.Link("vpc_endpoint_id"); e != nil {
				if it, ok := modelItems[e.Addr.String()]; ok && it.Kind != KindGateway {
					return before, after, true
				}
			}
		}
	}
	return before, after, false
}

// attrOf returns an attribute of a known object value, or cty.NilVal.
func attrOf(v cty.Value, name string) cty.Value {
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(name) {
		return cty.NilVal
	}
	return v.GetAttr(name)
}

// knownString returns a known, non-null string attribute of an object
// value.
func knownString(v cty.Value, name string) (string, bool) {
	a := attrOf(v, name)
	if a == cty.NilVal || !a.IsKnown() || a.IsNull() || a.Type() != cty.String {
		return "", false
	}
	return a.AsString(), true
}

// unionCount counts the distinct known strings of a collection and a set.
func unionCount(list cty.Value, set map[string]bool) int {
	n := len(set)
	if list == cty.NilVal || !list.IsKnown() || list.IsNull() || !list.CanIterateElements() {
		return n
	}
	seen := map[string]bool{}
	for it := list.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if !e.IsKnown() || e.IsNull() || e.Type() != cty.String {
			continue
		}
		if s := e.AsString(); !set[s] && !seen[s] {
			seen[s] = true
			n++
		}
	}
	return n
}

// countElements is the length of a known collection, 0 for null, -1 when
// unknown.
func countElements(v cty.Value) int {
	switch {
	case v == cty.NilVal || v.IsNull():
		return 0
	case !v.IsKnown() || !v.CanIterateElements():
		return -1
	}
	return v.LengthInt()
}

// CostLine is the monthly fixed cost of one item.
type CostLine struct {
	Item
	// HourlyUSD is the price per unit and hour; Monthly the item's
	// monthly cost (units x hourly x HoursPerMonth). Priced is false when
	// the table has no price: then Note says so and the line adds nothing.
	HourlyUSD  float64 `json:"hourly_usd"`
	MonthlyUSD float64 `json:"monthly_usd"`
	Priced     bool    `json:"priced"`
	Source     *Source `json:"source,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// Cost is the monthly fixed cost of a set of items.
type Cost struct {
	Lines      []CostLine `json:"lines"`
	MonthlyUSD float64    `json:"monthly_usd"`
	// Complete is false when some item has no price (or an unknown
	// count), so that MonthlyUSD is a lower bound.
	Complete bool `json:"complete"`
	// Unpriced lists the Regions the table has no price for, sorted.
	Unpriced []string `json:"unpriced_regions,omitempty"`
}

// FixedCost prices the items' hourly charges for a month of
// HoursPerMonth hours. Gateway endpoints are free. Data processing is
// not included: it depends on traffic (see TrafficCost).
func FixedCost(items []Item, prices map[string]RegionPrices) Cost {
	c := Cost{Complete: true}
	unpriced := map[string]bool{}
	for _, it := range items {
		l := CostLine{Item: it}
		var p *Price
		rp, hasRegion := prices[it.Region]
		switch it.Kind {
		case KindGateway:
			l.Priced = true
			l.Note = "gateway endpoints are free"
			c.Lines = append(c.Lines, l)
			continue
		case KindInterface:
			p = rp.InterfaceEndpointHour
		case KindGWLB:
			p = rp.GWLBEndpointHour
		case KindResolver:
			p = rp.ResolverIPHour
		case KindNAT:
			p = rp.NATHour
		}
		switch {
		case it.Region == "":
			l.Note = "Region unknown"
		case !hasRegion || p == nil:
			l.Note = fmt.Sprintf("no price data for %s", it.Region)
			unpriced[it.Region] = true
		case it.Units < 0:
			l.Note = "count not known yet"
		default:
			l.Priced, l.HourlyUSD, l.Source = true, p.USD, &p.Source
			l.MonthlyUSD = float64(it.Units) * p.USD * HoursPerMonth
			c.MonthlyUSD += l.MonthlyUSD
		}
		if !l.Priced {
			c.Complete = false
		}
		c.Lines = append(c.Lines, l)
	}
	for r := range unpriced {
		c.Unpriced = append(c.Unpriced, r)
	}
	sort.Strings(c.Unpriced)
	sort.SliceStable(c.Lines, func(i, j int) bool { return c.Lines[i].Addr < c.Lines[j].Addr })
	return c
}

// Dollars formats an amount as $1,234.56.
func Dollars(usd float64) string {
	cents := int64(usd*100 + 0.5)
	if usd < 0 {
		cents = int64(usd*100 - 0.5)
	}
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	whole := fmt.Sprintf("%d", cents/100)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s$%s.%02d", sign, whole, cents%100)
}
