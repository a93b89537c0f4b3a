package network

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// Verdict is the way requests from a subnet (or from on premises) to a
// service go.
type Verdict string

// The verdicts of a Path.
const (
	// ViaGateway: a gateway endpoint's prefix-list route in the subnet's
	// route table. Free.
	ViaGateway Verdict = "gateway-endpoint"
	// ViaInterface: an interface endpoint, through private DNS (the
	// service's default name resolves to the endpoint's addresses).
	ViaInterface Verdict = "interface-endpoint"
	// ViaInterfaceNames: an interface endpoint reached only through its
	// endpoint-specific names (dns_entry); the service's default name
	// still resolves to public addresses.
	ViaInterfaceNames Verdict = "interface-endpoint-names"
	// ViaNAT: the default route leads to a NAT gateway: a public path,
	// with NAT data processing charges.
	ViaNAT Verdict = "nat-gateway"
	// ViaInternet: the default route leads to an internet gateway: a
	// public path (the instance needs a public address).
	ViaInternet Verdict = "internet-gateway"
	// ViaOther: the default route leads to a transit gateway, a peering
	// connection or another target this model does not follow.
	ViaOther Verdict = "other"
	// NoPath: no endpoint and no default route.
	NoPath Verdict = "none"
	// Unknown: the model cannot tell.
	Unknown Verdict = "unknown"
)

// Public reports whether the verdict leaves the VPC for public addresses.
func (v Verdict) Public() bool { return v == ViaNAT || v == ViaInternet }

// Hop is one step of a path: an instance of the configuration and what it
// does there.
type Hop struct {
	Role string `json:"role"`
	// Addr is the instance's address (module.x.aws_route_table.a), or a
	// description when the configuration does not declare it.
	Addr string `json:"address"`
}

// Path is the way requests to one service take from one origin: a subnet
// (through its route table) or on-premises clients arriving through an
// INBOUND Resolver endpoint of a VPC.
type Path struct {
	VPC string `json:"vpc"`
	// From is the subnet's address, or "on-premises".
	From    string  `json:"from"`
	Service string  `json:"service"`
	Verdict Verdict `json:"verdict"`
	Public  bool    `json:"public"`
	Hops    []Hop   `json:"hops"`
	// Notes explain the verdict: the main route table used for want of an
	// association, inbound-only private DNS, a gateway endpoint not
	// associated with this route table.
	Notes []string `json:"notes,omitempty"`
}

// APVerdict is whether requests from a network reach an access point.
type APVerdict struct {
	AccessPoint string   `json:"access_point"`
	VPC         string   `json:"vpc,omitempty"`
	Verdict     Reach    `json:"verdict"`
	Endpoints   []string `json:"endpoints,omitempty"`
	Reasons     []string `json:"reasons,omitempty"`
}

// Problem is something wrong with the network that explain reports beside
// the paths (the rules report most problems; these are the ones only a
// path walk sees).
type Problem struct {
	Addr   string `json:"address"`
	Detail string `json:"detail"`
}

// VPC is a VPC of the report and its IPv4 blocks (primary, then the
// associations), when the model knows them all.
type VPC struct {
	Addr   string   `json:"address"`
	Blocks []string `json:"ipv4_blocks,omitempty"`
}

// Report is the network's answers, every list sorted.
type Report struct {
	VPCs         []VPC       `json:"vpcs"`
	Services     []string    `json:"services"`
	Paths        []Path      `json:"paths"`
	AccessPoints []APVerdict `json:"access_points"`
	// Targets are the verdicts on Multi-Region Access Points and Object
	// Lambda access points, by target and origin.
	Targets  []TargetVerdict `json:"targets,omitempty"`
	Problems []Problem       `json:"problems,omitempty"`
	// Cost is the monthly endpoint cost, when asked for (Options.Prices).
	Cost *Cost `json:"cost,omitempty"`
	// Traffic is the processing charges of Options.Traffic and the
	// comparison of paths for S3 and DynamoDB, when traffic is given.
	Traffic *TrafficCost `json:"traffic,omitempty"`
}

// Options narrow a report.
type Options struct {
	// Service, when set, keeps only the paths to that service (its short
	// name: "s3", "dynamodb", "ssm").
	Service string
	// Prices, when set, adds the monthly fixed cost of the endpoints,
	// Resolver endpoints and NAT gateways priced with this table.
	Prices map[string]RegionPrices
	// Traffic, when set, adds the processing charges of these flows on
	// their current paths, priced with Prices, and compares the gateway,
	// interface and NAT paths of the flows to S3 and DynamoDB.
	Traffic []TrafficFlow
}

// Explain walks every subnet of every VPC, and the on-premises side of
// every VPC with an INBOUND Resolver endpoint, for S3, DynamoDB and every
// service some endpoint of the configuration names.
func Explain(m *config.Model, services *schema.ServiceCatalog, opts Options) *Report {
	e := &explainer{m: m, services: services, gateways: NewGatewayIndex(m, services), resolvers: NewInboundResolverIndex(m)}
	r := &Report{}
	svcs := e.servicesInUse(opts.Traffic)
	for _, s := range svcs {
		if opts.Service == "" || opts.Service == s.Name {
			r.Services = append(r.Services, s.Name)
		}
	}
	blocks := NewVPCBlockIndex(m)
	for _, vpc := range e.vpcs() {
		v := VPC{Addr: vpc.Addr.String()}
		if b := blocks.Blocks(vpc); b.Known {
			for _, p := range b.All {
				v.Blocks = append(v.Blocks, p.String())
			}
		}
		r.VPCs = append(r.VPCs, v)
		for _, subnet := range Referrers(vpc, schema.TypeSubnet, "vpc_id") {
			for _, s := range svcs {
				if opts.Service != "" && opts.Service != s.Name {
					continue
				}
				r.Paths = append(r.Paths, e.subnetPath(vpc, subnet, s))
			}
		}
		if resolvers := e.resolvers.Endpoints(vpc); len(resolvers) > 0 {
			for _, s := range svcs {
				if opts.Service != "" && opts.Service != s.Name {
					continue
				}
				r.Paths = append(r.Paths, e.onPremPath(vpc, resolvers, s))
			}
		}
	}
	if opts.Service == "" || opts.Service == "s3" {
		for _, ap := range e.accessPoints() {
			v := APVerdict{AccessPoint: ap.AccessPoint.Addr.String(), VPC: ap.VPC.Addr.String(), Verdict: ap.Verdict, Reasons: ap.Reasons}
			for _, ep := range ap.Endpoints {
				v.Endpoints = append(v.Endpoints, ep.Addr.String())
			}
			r.AccessPoints = append(r.AccessPoints, v)
		}
	}
	switch opts.Service {
	case "", "s3", "s3-global.accesspoint", objectLambdaService.Name:
		r.Targets = e.targets()
	}
	if opts.Prices != nil {
		c := FixedCost(ItemsFromModel(m), opts.Prices)
		r.Cost = &c
	}
	if opts.Traffic != nil {
		var flows []TrafficFlow
		for _, f := range opts.Traffic {
			if opts.Service == "" || opts.Service == f.Service.Name {
				flows = append(flows, f)
			}
		}
		r.Traffic = trafficCost(r, m, services, flows, opts.Prices)
	}
	r.Problems = e.problems
	sort.SliceStable(r.Problems, func(i, j int) bool { return r.Problems[i].Addr < r.Problems[j].Addr })
	return r
}

type explainer struct {
	m         *config.Model
	services  *schema.ServiceCatalog
	gateways  *GatewayIndex
	resolvers *InboundResolverIndex
	problems  []Problem
	reported  map[*config.Instance]bool
	// apVerdicts and endpointAt are computed on first use.
	apVerdicts []AccessPointReachability
	endpointAt map[string]*config.Instance
}

// vpcs returns the aws_vpc instances, in address order.
func (e *explainer) vpcs() []*config.Instance {
	return UniqueInstances(e.m.OfType(schema.TypeVPC))
}

// servicesInUse returns S3, DynamoDB, the catalog services the
// configuration's gateway and interface endpoints name and those the
// traffic flows name, sorted by name.
func (e *explainer) servicesInUse(flows []TrafficFlow) []*schema.Service {
	seen := map[*schema.Service]bool{}
	var out []*schema.Service
	add := func(s *schema.Service) {
		if s != nil && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(e.services.Lookup("s3"))
	add(e.services.Lookup("dynamodb"))
	for _, ep := range e.m.OfType(schema.TypeVPCEndpoint) {
		if t, ok := EndpointType(ep); ok && t != schema.EndpointGateway && t != schema.EndpointInterface {
			continue
		}
		if _, s, ok := EndpointService(e.services, ep); ok {
			add(s)
		}
	}
	for _, f := range flows {
		add(f.Service)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// interfaceEndpoints returns the interface endpoints of the VPC for the
// service, in address order.
func (e *explainer) interfaceEndpoints(vpc *config.Instance, svc *schema.Service) []*config.Instance {
	var out []*config.Instance
	for _, ep := range VPCEndpoints(vpc) {
		if t, ok := EndpointType(ep); !ok || t != schema.EndpointInterface {
			continue
		}
		if _, s, ok := EndpointService(e.services, ep); ok && s == svc {
			out = append(out, ep)
		}
	}
	return out
}

func (e *explainer) subnetPath(vpc, subnet *config.Instance, svc *schema.Service) Path {
	p := Path{VPC: vpc.Addr.String(), From: subnet.Addr.String(), Service: svc.Name, Verdict: Unknown}
	// 1. Private DNS of an interface endpoint answers before any route.
	var named []*config.Instance
	for _, ep := range e.interfaceEndpoints(vpc, svc) {
		dns := PrivateDNS(e.m, ep)
		if !dns.Known {
			p.Notes = append(p.Notes, fmt.Sprintf("private DNS of %s is not known yet", ep.Addr))
			return p
		}
		if !dns.On {
			named = append(named, ep)
			continue
		}
		if works, known, note := privateDNSVPC(e.m, ep); !known {
			p.Notes = append(p.Notes, note)
			return p
		} else if !works {
			p.Notes = append(p.Notes, note)
			continue
		}
		if svc.InboundResolverOnly {
			only, _, ok := InboundOnly(ep)
			if !ok {
				p.Notes = append(p.Notes, fmt.Sprintf("private_dns_only_for_inbound_resolver_endpoint of %s is not known yet", ep.Addr))
				return p
			}
			if only {
				p.Notes = append(p.Notes, fmt.Sprintf("%s has inbound-only private DNS: in-VPC clients resolve %s to public addresses, so the route table decides", ep.Addr, svc.Name))
				continue
			}
		}
		p.Verdict = ViaInterface
		p.Hops = []Hop{{Role: "private DNS", Addr: svc.Name + " default name"}, {Role: "interface endpoint", Addr: ep.Addr.String()}}
		if dns.From != ep {
			p.Notes = append(p.Notes, fmt.Sprintf("private DNS of %s is enabled by %s", ep.Addr, dns.From.Addr))
		}
		return p
	}
	// 2. The subnet's route table: a gateway endpoint's prefix-list route
	// wins over the default route.
	rt, main, known := SubnetRouteTable(e.m, subnet)
	if !known {
		p.Notes = append(p.Notes, "the subnet's route table is not known yet")
		return p
	}
	rtHop := Hop{Role: "route table", Addr: "main route table of " + vpc.Addr.String()}
	if rt != nil {
		rtHop.Addr = rt.Addr.String()
	}
	if main {
		p.Notes = append(p.Notes, "no aws_route_table_association names the subnet, so it uses its VPC's main route table")
		rtHop.Role = "main route table"
	}
	for _, gw := range e.gateways.Endpoints(vpc, svc) {
		if rt != nil && contains(EndpointRouteTables(gw), rt) {
			p.Verdict = ViaGateway
			p.Hops = []Hop{rtHop, {Role: "gateway endpoint (prefix-list route)", Addr: gw.Addr.String()}}
			return p
		}
		p.Notes = append(p.Notes, fmt.Sprintf("%s is not associated with %s", gw.Addr, rtHop.Addr))
	}
	if _, gwKnown := e.gateways.Lookup(vpc, svc); !gwKnown {
		return p
	}
	p.Hops = []Hop{rtHop}
	e.followDefault(&p, vpc, rt, map[*config.Instance]bool{})
	if len(named) > 0 && (p.Verdict == NoPath || p.Verdict.Public()) {
		for _, ep := range named {
			p.Notes = append(p.Notes, fmt.Sprintf("%s has private DNS off: only its endpoint-specific names (dns_entry) reach it", ep.Addr))
		}
	}
	p.Public = p.Verdict.Public()
	return p
}

// followDefault follows the default route of rt (nil: the VPC's own main
// route table, with the local route only), through Gateway Load Balancer
// endpoints, to where traffic leaves.
func (e *explainer) followDefault(p *Path, vpc, rt *config.Instance, seen map[*config.Instance]bool) {
	if rt == nil {
		p.Verdict = NoPath
		p.Notes = append(p.Notes, "the configuration does not declare that main route table, so it has only the local route")
		return
	}
	if seen[rt] {
		p.Verdict = Unknown
		p.Notes = append(p.Notes, fmt.Sprintf("the default routes loop back to %s", rt.Addr))
		return
	}
	seen[rt] = true
	r, has, known := DefaultRoute(e.m, rt)
	switch {
	case !known:
		p.Verdict = Unknown
		p.Notes = append(p.Notes, fmt.Sprintf("the routes of %s are not known yet", rt.Addr))
		return
	case !has:
		p.Verdict = NoPath
		p.Notes = append(p.Notes, fmt.Sprintf("%s has no default route", rt.Addr))
		return
	}
	target := "an unresolved target"
	if r.Target != nil {
		target = r.Target.Addr.String()
	}
	switch r.Kind {
	case TargetNAT:
		p.Verdict = ViaNAT
		p.Hops = append(p.Hops, Hop{Role: "NAT gateway (public path, NAT data charges)", Addr: target})
	case TargetInternet:
		p.Verdict = ViaInternet
		p.Hops = append(p.Hops, Hop{Role: "internet gateway (public path)", Addr: target})
	case TargetEndpoint:
		ep := r.Target
		if ep == nil {
			p.Verdict = Unknown
			p.Notes = append(p.Notes, fmt.Sprintf("the default route of %s names an endpoint the configuration does not declare", rt.Addr))
			return
		}
		if epVPC := VPCOf(ep); epVPC != nil && epVPC != vpc {
			p.Verdict = NoPath
			detail := fmt.Sprintf("the default route of %s names %s, an endpoint of %s: AWS accepts only endpoints of the route table's VPC", rt.Addr, ep.Addr, epVPC.Addr)
			p.Notes = append(p.Notes, detail)
			e.problem(r.Source, detail)
			return
		}
		if t, ok := EndpointType(ep); !ok || t != schema.EndpointGatewayLoadBalancer {
			p.Verdict = Unknown
			p.Notes = append(p.Notes, fmt.Sprintf("the default route of %s names %s, which is not a Gateway Load Balancer endpoint", rt.Addr, ep.Addr))
			return
		}
		p.Hops = append(p.Hops, Hop{Role: roleGWLB, Addr: ep.Addr.String()})
		// Inspected traffic comes back out of the endpoint's subnet and
		// follows that subnet's route table.
		subnets := EndpointSubnets(ep)
		if len(subnets) != 1 {
			p.Verdict = Unknown
			return
		}
		next, _, known := SubnetRouteTable(e.m, subnets[0])
		if !known {
			p.Verdict = Unknown
			return
		}
		if next != nil {
			p.Hops = append(p.Hops, Hop{Role: "route table", Addr: next.Addr.String()})
		}
		e.followDefault(p, vpc, next, seen)
	case TargetTransit, TargetPeering, TargetOther:
		p.Verdict = ViaOther
		p.Hops = append(p.Hops, Hop{Role: string(r.Kind), Addr: target})
	default:
		p.Verdict = Unknown
	}
}

// roleGWLB is the role of a Gateway Load Balancer endpoint hop.
const roleGWLB = "GWLB endpoint (inspection)"

func (e *explainer) problem(inst *config.Instance, detail string) {
	if e.reported == nil {
		e.reported = map[*config.Instance]bool{}
	}
	if inst == nil || e.reported[inst] {
		return
	}
	e.reported[inst] = true
	e.problems = append(e.problems, Problem{Addr: inst.Addr.String(), Detail: detail})
}

// onPremPath is the way on-premises clients, whose DNS queries arrive
// through the VPC's INBOUND Resolver endpoints, reach a service: only an
// interface endpoint serves them (gateway endpoints carry only traffic
// from the VPC's own subnets).
func (e *explainer) onPremPath(vpc *config.Instance, resolvers []*config.Instance, svc *schema.Service) Path {
	p := Path{VPC: vpc.Addr.String(), From: "on-premises", Service: svc.Name, Verdict: NoPath}
	hops := []Hop{}
	for _, r := range resolvers {
		hops = append(hops, Hop{Role: "INBOUND Resolver endpoint", Addr: r.Addr.String()})
	}
	var named []*config.Instance
	for _, ep := range e.interfaceEndpoints(vpc, svc) {
		dns := PrivateDNS(e.m, ep)
		if !dns.Known {
			p.Verdict = Unknown
			return p
		}
		if !dns.On {
			named = append(named, ep)
			continue
		}
		if works, known, note := privateDNSVPC(e.m, ep); !known {
			p.Verdict = Unknown
			p.Notes = append(p.Notes, note)
			return p
		} else if !works {
			p.Notes = append(p.Notes, note)
			continue
		}
		p.Verdict = ViaInterface
		p.Hops = append(hops, Hop{Role: "interface endpoint (private DNS)", Addr: ep.Addr.String()})
		if dns.From != ep {
			p.Notes = append(p.Notes, fmt.Sprintf("private DNS of %s is enabled by %s", ep.Addr, dns.From.Addr))
		}
		return p
	}
	if len(named) > 0 {
		p.Verdict = ViaInterfaceNames
		p.Hops = []Hop{{Role: "interface endpoint (endpoint-specific names)", Addr: named[0].Addr.String()}}
		return p
	}
	p.Notes = append(p.Notes, fmt.Sprintf("no interface endpoint for %s in %s: gateway endpoints do not carry on-premises traffic, so requests use public addresses", svc.Name, vpc.Addr))
	return p
}

// privateDNSVPC reports whether private DNS, which an interface endpoint
// enables, can work in its VPC: both VPC DNS attributes must be on
// (PrivateDNSNeedsVPCAttributes, which the rule
// aws_vpc_endpoint_private_dns_vpc_attributes reads too, so that a path
// refuses exactly the endpoints the rule flags). known is false when an
// attribute is not known yet; note says why it does not or may not work.
func privateDNSVPC(m *config.Model, ep *config.Instance) (works, known bool, note string) {
	a, ok := PrivateDNSNeedsVPCAttributes(m, ep)
	switch {
	case !ok:
		return true, true, ""
	case len(a.Missing) > 0:
		return false, true, fmt.Sprintf("private DNS of %s cannot work: its VPC %s has %s false, and interface endpoint private DNS needs enable_dns_support and enable_dns_hostnames", ep.Addr, a.VPC.Addr, strings.Join(a.Missing, " and "))
	case !a.Known:
		return false, false, fmt.Sprintf("the DNS attributes of %s, which private DNS of %s needs, are not known yet", a.VPC.Addr, ep.Addr)
	}
	return true, true, ""
}

func contains(list []*config.Instance, x *config.Instance) bool {
	for _, i := range list {
		if i == x {
			return true
		}
	}
	return false
}
