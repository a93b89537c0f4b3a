package network

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// A traffic file gives the GB a month each VPC sends to each service, for
// explain -traffic. It is HCL (or its JSON form, for a name ending in
// .json), one block per VPC, labelled with the VPC's instance address, one
// attribute per service, named by the service's short name (a "." in the
// name is written "_": ecr_dkr for ecr.dkr):
//
//	traffic "aws_vpc.main" {
//	  s3       = 500 # GB a month
//	  dynamodb = 20
//	}
//
//	{"traffic": {"aws_vpc.main": {"s3": 500, "dynamodb": 20}}}
//
// Values are literal numbers: a traffic file has no variables or functions.
// Every *.hcl file of a configuration directory is configuration, so the
// command line suggests naming traffic files *.traffic.

// TrafficFlow is one flow of a traffic file: GB a month from a VPC's
// subnets to a service.
type TrafficFlow struct {
	VPC     *config.Instance
	Service *schema.Service
	GB      float64
}

var trafficFileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{{Type: "traffic", LabelNames: []string{"vpc"}}},
}

// ParseTraffic parses a traffic file and resolves its VPCs and services
// against the model and the catalog. It returns the file (for diagnostic
// snippets) and the flows sorted by VPC address, then service name. Every
// problem is an error diagnostic on the tightest range: the label of an
// unknown VPC, the name of an unknown service, the value of a bad amount.
func ParseTraffic(filename string, src []byte, m *config.Model, services *schema.ServiceCatalog) ([]TrafficFlow, *hcl.File, hcl.Diagnostics) {
	p := hclparse.NewParser()
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(filename, ".json") {
		f, diags = p.ParseJSON(src, filename)
	} else {
		f, diags = p.ParseHCL(src, filename)
	}
	if diags.HasErrors() || f == nil {
		return nil, f, diags
	}
	content, moreDiags := f.Body.Content(trafficFileSchema)
	diags = append(diags, moreDiags...)

	vpcs := map[schema.InstanceAddr]*config.Instance{}
	var vpcNames []string
	for _, v := range UniqueInstances(m.OfType(schema.TypeVPC)) {
		vpcs[v.Addr] = v
		vpcNames = append(vpcNames, v.Addr.String())
	}
	seen := map[*config.Instance]hcl.Range{}
	var flows []TrafficFlow
	for _, b := range content.Blocks {
		label, rng := b.Labels[0], b.LabelRanges[0]
		addr, addrDiags := schema.ParseInstanceAddr(label)
		if addrDiags.HasErrors() {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid VPC address",
				Detail:   fmt.Sprintf("%q is not a resource instance address. A traffic block is labelled with the address of an aws_vpc instance of the configuration, such as \"aws_vpc.main\" or \"module.net.aws_vpc.this[0]\".", label),
				Subject:  rng.Ptr(),
			})
			continue
		}
		vpc := vpcs[addr]
		if vpc == nil {
			detail := fmt.Sprintf("The configuration declares no aws_vpc instance %q, so the traffic of this block cannot be placed.", label)
			if s := suggest.Closest(label, vpcNames); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else if len(vpcNames) > 0 {
				detail += " Its VPCs are " + strings.Join(quoteAll(vpcNames), ", ") + "."
			}
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Reference to undeclared VPC", Detail: detail, Subject: rng.Ptr()})
			continue
		}
		if prev, dup := seen[vpc]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate traffic block",
				Detail:   fmt.Sprintf("The traffic of %s is already given at %s. Give each VPC's traffic in one block.", vpc.Addr, prev),
				Subject:  rng.Ptr(),
			})
			continue
		}
		seen[vpc] = rng
		attrs, moreDiags := b.Body.JustAttributes()
		diags = append(diags, moreDiags...)
		for _, a := range sortedAttrs(attrs) {
			svc := trafficService(services, a.Name)
			if svc == nil {
				detail := fmt.Sprintf("%q is not a service of vpcplan's catalog. An attribute of a traffic block is a service's short name, as in com.amazonaws.<region>.<name>, with \"_\" for \".\" (s3, dynamodb, ecr_dkr).", a.Name)
				if s := suggest.Closest(a.Name, services.Names()); s != "" {
					detail += fmt.Sprintf(" Did you mean %q?", s)
				}
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown service", Detail: detail, Subject: a.NameRange.Ptr()})
				continue
			}
			gb, ok, valDiags := trafficAmount(a)
			diags = append(diags, valDiags...)
			if ok {
				flows = append(flows, TrafficFlow{VPC: vpc, Service: svc, GB: gb})
			}
		}
	}
	sort.SliceStable(flows, func(i, j int) bool {
		if flows[i].VPC != flows[j].VPC {
			return flows[i].VPC.Addr.Less(flows[j].VPC.Addr)
		}
		return flows[i].Service.Name < flows[j].Service.Name
	})
	return flows, f, diags
}

// trafficService returns the catalog service an attribute names: its name
// as written, else with each "_" read as ".".
func trafficService(services *schema.ServiceCatalog, name string) *schema.Service {
	if s := services.Lookup(name); s != nil {
		return s
	}
	return services.Lookup(strings.ReplaceAll(name, "_", "."))
}

// trafficAmount evaluates an attribute as GB a month: a known number, zero
// or more.
func trafficAmount(a *hcl.Attribute) (float64, bool, hcl.Diagnostics) {
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		return 0, false, diags
	}
	bad := func(why string) (float64, bool, hcl.Diagnostics) {
		return 0, false, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid traffic amount",
			Detail:   fmt.Sprintf("The traffic to %s must be a number of GB a month, zero or more; %s.", a.Name, why),
			Subject:  a.Expr.Range().Ptr(),
		})
	}
	if v.IsNull() || !v.IsKnown() {
		return bad("this value is null")
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil {
		return bad(fmt.Sprintf("this value is a %s", v.Type().FriendlyName()))
	}
	gb, _ := n.AsBigFloat().Float64()
	switch {
	case math.IsInf(gb, 0) || math.IsNaN(gb):
		return bad("this value is too large")
	case gb < 0:
		return bad("this value is negative")
	}
	return gb, true, diags
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := out[i].NameRange, out[j].NameRange
		if ri.Start.Byte != rj.Start.Byte {
			return ri.Start.Byte < rj.Start.Byte
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// TrafficLine is the processing charge of one flow on the path its VPC's
// subnets take today.
type TrafficLine struct {
	VPC     string  `json:"vpc"`
	Service string  `json:"service"`
	Region  string  `json:"region"`
	GB      float64 `json:"gb_per_month"`
	// Path is the subnets' verdict, or "mixed" when they differ.
	Path Verdict `json:"path"`
	// Priced is false when the path or its Region has no price: Note says
	// why and the line adds nothing.
	Priced     bool    `json:"priced"`
	MonthlyUSD float64 `json:"monthly_usd"`
	// Arithmetic shows the figure's computation:
	// "500 GB x $0.045 = $22.50".
	Arithmetic string `json:"arithmetic,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Mixed is the path of a flow whose VPC's subnets take different paths.
const Mixed Verdict = "mixed"

// PathOption is one way the S3 or DynamoDB traffic of a VPC could go, with
// its monthly cost: hourly charges it would add plus processing.
type PathOption struct {
	Path       Verdict `json:"path"`
	Current    bool    `json:"current"`
	Priced     bool    `json:"priced"`
	MonthlyUSD float64 `json:"monthly_usd"`
	Arithmetic string  `json:"arithmetic,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// Comparison prices the gateway endpoint, interface endpoint and NAT
// gateway paths for one flow to S3 or DynamoDB.
type Comparison struct {
	VPC     string       `json:"vpc"`
	Service string       `json:"service"`
	Region  string       `json:"region"`
	GB      float64      `json:"gb_per_month"`
	Options []PathOption `json:"options"`
	// Cheapest is the priced option with the lowest cost (the first in
	// Options order on a tie), or "" when none is priced.
	Cheapest Verdict `json:"cheapest,omitempty"`
}

// TrafficCost is the processing charges of a traffic file's flows on their
// current paths, and the comparison of paths for S3 and DynamoDB.
type TrafficCost struct {
	Lines         []TrafficLine `json:"lines"`
	ProcessingUSD float64       `json:"processing_usd"`
	// Complete is false when some line has no price, so ProcessingUSD is
	// a lower bound.
	Complete    bool         `json:"complete"`
	Unpriced    []string     `json:"unpriced_regions,omitempty"`
	Comparisons []Comparison `json:"comparisons,omitempty"`
}

// trafficCost prices the flows on the paths of the report (which must hold
// every service of the flows). Interface endpoint tiers apply to all the
// interface endpoint GB of a Region together, in flow order.
//
// A VPC's traffic takes the path its subnets share. Subnets that hold a
// Gateway Load Balancer endpoint are the inspection hop of the others'
// path, not where the traffic starts: they count only in a VPC with no
// other subnet (otherwise no VPC with inspection would ever have one path).
func trafficCost(r *Report, m *config.Model, services *schema.ServiceCatalog, flows []TrafficFlow, prices map[string]RegionPrices) *TrafficCost {
	t := &TrafficCost{Complete: true}
	inspection := map[string]bool{} // subnets holding a GWLB endpoint
	for _, e := range m.OfType(schema.TypeVPCEndpoint) {
		if et, ok := EndpointType(e); ok && et == schema.EndpointGatewayLoadBalancer {
			for _, s := range EndpointSubnets(e) {
				inspection[s.Addr.String()] = true
			}
		}
	}
	byKey := map[[2]string][]Path{}
	hosts := map[[2]string][]Path{} // paths from inspection subnets
	for _, p := range r.Paths {
		if p.From == "on-premises" {
			continue
		}
		k := [2]string{p.VPC, p.Service}
		if inspection[p.From] {
			hosts[k] = append(hosts[k], p)
			continue
		}
		byKey[k] = append(byKey[k], p)
	}
	for k, ps := range hosts {
		if len(byKey[k]) == 0 {
			byKey[k] = ps
		}
	}
	interfaceGB := map[string]float64{} // Region -> GB priced so far
	unpriced := map[string]bool{}
	for _, fl := range flows {
		vpc, region := fl.VPC.Addr.String(), fl.VPC.Region
		l := TrafficLine{VPC: vpc, Service: fl.Service.Name, Region: region, GB: fl.GB}
		path, gwlbHops, why := currentPath(byKey[[2]string{vpc, fl.Service.Name}])
		l.Path = path
		rp, hasRegion := prices[region]
		noPrice := func() {
			l.Note = "no price data for " + region
			unpriced[region] = true
		}
		switch {
		case why != "":
			l.Note = why
		case region == "":
			l.Note = "Region unknown"
		case path == ViaGateway:
			l.Priced, l.Arithmetic = true, "$0.00 (gateway endpoints are free)"
		case path == ViaInterface || path == ViaNAT:
			usd, parts, ok := 0.0, []string(nil), hasRegion
			if ok && gwlbHops > 0 {
				if rp.GWLBGB == nil {
					ok = false
				} else {
					usd += cents(float64(gwlbHops) * fl.GB * rp.GWLBGB.USD)
					parts = append(parts, fmt.Sprintf("%d GWLB endpoint x %s GB x $%g", gwlbHops, gbText(fl.GB), rp.GWLBGB.USD))
				}
			}
			switch {
			case !ok:
			case path == ViaInterface && len(rp.InterfaceGB) > 0:
				u, text := tiered(interfaceGB[region], fl.GB, rp.InterfaceGB)
				interfaceGB[region] += fl.GB
				usd += u
				parts = append(parts, text)
			case path == ViaNAT && rp.NATGB != nil:
				usd += cents(fl.GB * rp.NATGB.USD)
				parts = append(parts, fmt.Sprintf("%s GB x $%g", gbText(fl.GB), rp.NATGB.USD))
			default:
				ok = false
			}
			if !ok {
				noPrice()
				break
			}
			l.Priced, l.MonthlyUSD = true, usd
			l.Arithmetic = strings.Join(parts, " + ") + " = " + Dollars(usd)
		case path == ViaInternet:
			l.Note = "the price table has no internet gateway figure (data transfer is not priced)"
		case path == NoPath:
			l.Note = "no path: the requests cannot leave the VPC"
		default:
			l.Note = "the path is not known, so it is not priced"
		}
		if !l.Priced {
			t.Complete = false
		} else {
			t.ProcessingUSD += l.MonthlyUSD
		}
		t.Lines = append(t.Lines, l)
		if fl.Service.Name == "s3" || fl.Service.Name == "dynamodb" {
			t.Comparisons = append(t.Comparisons, compare(m, services, fl, path, prices))
		}
	}
	for r := range unpriced {
		t.Unpriced = append(t.Unpriced, r)
	}
	sort.Strings(t.Unpriced)
	return t
}

// currentPath returns the verdict the VPC's subnets share for a service
// and how many GWLB endpoints the path crosses, or why there is none.
func currentPath(paths []Path) (Verdict, int, string) {
	if len(paths) == 0 {
		return Unknown, 0, "the VPC has no subnets in the configuration"
	}
	type key struct {
		v    Verdict
		gwlb int
	}
	seen := map[key]bool{}
	var keys []key
	for _, p := range paths {
		k := key{v: p.Verdict}
		for _, h := range p.Hops {
			if h.Role == roleGWLB {
				k.gwlb++
			}
		}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) > 1 {
		var names []string
		for _, k := range keys {
			name := string(k.v)
			if k.gwlb > 0 {
				name += fmt.Sprintf(" through %d GWLB endpoint", k.gwlb)
			}
			names = append(names, name)
		}
		sort.Strings(names)
		return Mixed, 0, "the VPC's subnets take different paths (" + strings.Join(names, ", ") + "); give the traffic of one path only"
	}
	return keys[0].v, keys[0].gwlb, ""
}

// compare prices the gateway, interface and NAT paths for a flow to S3 or
// DynamoDB. The interface endpoint would have one zone per distinct
// Availability Zone of the VPC's subnets (or the existing one's zones);
// a NAT gateway's hourly charge counts only when the VPC has none.
func compare(m *config.Model, services *schema.ServiceCatalog, fl TrafficFlow, current Verdict, prices map[string]RegionPrices) Comparison {
	region := fl.VPC.Region
	c := Comparison{VPC: fl.VPC.Addr.String(), Service: fl.Service.Name, Region: region, GB: fl.GB}
	rp, hasRegion := prices[region]
	noPrice := "no price data for " + region
	if region == "" {
		noPrice = "Region unknown"
	}

	gw := PathOption{Path: ViaGateway, Priced: true, Arithmetic: "$0.00", Note: "gateway endpoints are free: no hourly or per-GB charge"}

	ifc := PathOption{Path: ViaInterface}
	zones, zonesFrom := interfaceZones(services, fl)
	switch {
	case !hasRegion || rp.InterfaceEndpointHour == nil || len(rp.InterfaceGB) == 0:
		ifc.Note = noPrice
	case zones == 0:
		ifc.Note = "the Availability Zones of the VPC's subnets are not known"
	default:
		hourly := cents(float64(zones) * rp.InterfaceEndpointHour.USD * HoursPerMonth)
		gbUSD, gbText := tiered(0, fl.GB, rp.InterfaceGB)
		ifc.Priced, ifc.MonthlyUSD = true, hourly+gbUSD
		ifc.Arithmetic = fmt.Sprintf("%d AZ x $%g x %d h + %s = %s + %s = %s",
			zones, rp.InterfaceEndpointHour.USD, HoursPerMonth, gbText, Dollars(hourly), Dollars(gbUSD), Dollars(hourly+gbUSD))
		ifc.Note = zonesFrom
		if !fl.Service.PrivateDNS {
			ifc.Note += "; without private DNS, clients must use the endpoint's own names"
		}
	}

	nat := PathOption{Path: ViaNAT}
	switch {
	case !hasRegion || rp.NATGB == nil || rp.NATHour == nil:
		nat.Note = noPrice
	default:
		gbUSD := cents(fl.GB * rp.NATGB.USD)
		if natGateways(m, fl.VPC) > 0 {
			nat.Priced, nat.MonthlyUSD = true, gbUSD
			nat.Arithmetic = fmt.Sprintf("%s GB x $%g = %s", gbText(fl.GB), rp.NATGB.USD, Dollars(gbUSD))
			nat.Note = "the VPC's NAT gateways are in the fixed cost already"
		} else {
			hourly := cents(rp.NATHour.USD * HoursPerMonth)
			nat.Priced, nat.MonthlyUSD = true, hourly+gbUSD
			nat.Arithmetic = fmt.Sprintf("1 NAT gateway x $%g x %d h + %s GB x $%g = %s + %s = %s",
				rp.NATHour.USD, HoursPerMonth, gbText(fl.GB), rp.NATGB.USD, Dollars(hourly), Dollars(gbUSD), Dollars(hourly+gbUSD))
			nat.Note = "the VPC has no NAT gateway: one is added"
		}
	}

	c.Options = []PathOption{gw, ifc, nat}
	best := -1
	for i := range c.Options {
		o := &c.Options[i]
		o.Current = o.Path == current
		if o.Priced && (best < 0 || o.MonthlyUSD < c.Options[best].MonthlyUSD-0.005) {
			best = i
		}
	}
	if best >= 0 {
		c.Cheapest = c.Options[best].Path
	}
	return c
}

// interfaceZones returns how many Availability Zones an interface endpoint
// for the flow's service would be billed in: those of the VPC's existing
// interface endpoint for it, else the distinct known zones of the VPC's
// subnets; and where the figure comes from.
func interfaceZones(services *schema.ServiceCatalog, fl TrafficFlow) (int, string) {
	for _, ep := range VPCEndpoints(fl.VPC) {
		if t, ok := EndpointType(ep); !ok || t != schema.EndpointInterface {
			continue
		}
		if _, s, ok := EndpointService(services, ep); ok && s == fl.Service {
			if n := EndpointSubnetBounds(ep, false).AtLeast; n > 0 {
				return n, "the zones of " + ep.Addr.String()
			}
		}
	}
	zones := map[string]bool{}
	for _, s := range Referrers(fl.VPC, schema.TypeSubnet, "vpc_id") {
		if az, ok := str(s, "availability_zone"); ok {
			zones[az] = true
		}
	}
	return len(zones), "one zone per Availability Zone of the VPC's subnets"
}

// natGateways counts the public NAT gateways in the VPC's subnets.
func natGateways(m *config.Model, vpc *config.Instance) int {
	n := 0
	for _, g := range m.OfType(schema.TypeNATGateway) {
		if t, ok := str(g, "connectivity_type"); ok && t == "private" {
			continue
		}
		if s := g.Link("subnet_id"); s != nil && VPCOf(s) == vpc {
			n++
		}
	}
	return n
}

// tiered prices gb GB of interface endpoint processing that come after
// the Region's first `before` GB of the month, tier by tier, and shows
// the computation: "500 GB x $0.01", or one term per tier crossed.
func tiered(before, gb float64, tiers []Tier) (float64, string) {
	usd := 0.0
	var parts []string
	lo := 0.0
	for _, t := range tiers {
		hi := math.Inf(1)
		if t.UpToGB > 0 {
			hi = t.UpToGB
		}
		from, to := math.Max(lo, before), math.Min(hi, before+gb)
		if to > from {
			usd += (to - from) * t.USD
			parts = append(parts, fmt.Sprintf("%s GB x $%g", gbText(to-from), t.USD))
		}
		lo = hi
	}
	if len(parts) == 0 {
		parts = []string{fmt.Sprintf("0 GB x $%g", tiers[0].USD)}
	}
	return cents(usd), strings.Join(parts, " + ")
}

// cents rounds an amount to whole cents, halves away from zero, so that
// the sums the reports show add up to the figures they show.
func cents(usd float64) float64 { return math.Round(usd*100) / 100 }

// gbText writes an amount of GB with thousands separators.
func gbText(gb float64) string {
	s := fmt.Sprintf("%g", gb)
	if math.Abs(gb) >= 1e6 || strings.ContainsAny(s, "e") {
		s = fmt.Sprintf("%.0f", gb)
	}
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		return whole + "." + frac
	}
	return whole
}
