package network

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The indexes in this file are each built in one pass over their resource
// type, so that what reads them stays linear in the number of instances.

// gatewayKey is a VPC and a catalog service.
type gatewayKey struct {
	vpc *config.Instance
	svc *schema.Service
}

// GatewayIndex answers whether a VPC has a gateway endpoint for a catalog
// service.
type GatewayIndex struct {
	has map[gatewayKey][]*config.Instance
	// unsureVPC marks VPCs holding an endpoint that may be a gateway
	// endpoint for any service (unknown type or service name); unsureSvc
	// marks services with a gateway endpoint whose VPC is not resolved;
	// loose is set when an endpoint may be a gateway endpoint for any
	// service in any VPC, or endpoint instances are missing from the model.
	unsureVPC map[*config.Instance]bool
	unsureSvc map[*schema.Service]bool
	loose     bool
}

// NewGatewayIndex indexes the gateway endpoints of the model.
func NewGatewayIndex(m *config.Model, services *schema.ServiceCatalog) *GatewayIndex {
	x := &GatewayIndex{
		has:       map[gatewayKey][]*config.Instance{},
		unsureVPC: map[*config.Instance]bool{},
		unsureSvc: map[*schema.Service]bool{},
		loose:     Unexpanded(m, schema.TypeVPCEndpoint),
	}
	for _, e := range m.OfType(schema.TypeVPCEndpoint) {
		t, typeKnown := EndpointType(e)
		if typeKnown && t != schema.EndpointGateway {
			continue
		}
		if v := e.Attr("service_name"); v.IsKnown() && v.IsNull() {
			continue // a Resource or ServiceNetwork endpoint
		}
		vpc := VPCOf(e)
		var svc *schema.Service
		svcKnown := false
		if s, ok := str(e, "service_name"); ok {
			svcKnown = true
			if name, ok := schema.ParseServiceName(s); ok {
				svc = services.Resolve(name)
			}
			if svc == nil {
				continue // a known name outside the catalog
			}
		}
		switch {
		case (!typeKnown || !svcKnown) && vpc == nil:
			x.loose = true
		case !typeKnown || !svcKnown:
			x.unsureVPC[vpc] = true
		case vpc == nil:
			x.unsureSvc[svc] = true
		default:
			k := gatewayKey{vpc, svc}
			x.has[k] = append(x.has[k], e)
		}
	}
	return x
}

// Lookup reports whether the VPC has a gateway endpoint for the service;
// known is false when the model cannot prove that it has none.
func (x *GatewayIndex) Lookup(vpc *config.Instance, svc *schema.Service) (has, known bool) {
	if len(x.has[gatewayKey{vpc, svc}]) > 0 {
		return true, true
	}
	if x.loose || x.unsureVPC[vpc] || x.unsureSvc[svc] {
		return false, false
	}
	return false, true
}

// Endpoints returns the gateway endpoints of the VPC for the service, in
// address order (the order of the model's instances).
func (x *GatewayIndex) Endpoints(vpc *config.Instance, svc *schema.Service) []*config.Instance {
	return x.has[gatewayKey{vpc, svc}]
}

// InboundResolverIndex answers whether a VPC has an INBOUND Route 53
// Resolver endpoint. A Resolver endpoint's VPC is that of its subnets.
type InboundResolverIndex struct {
	has map[*config.Instance][]*config.Instance
	// unsure marks VPCs with a Resolver endpoint of unknown direction;
	// loose is set when a possibly inbound Resolver endpoint has no
	// resolved VPC, or Resolver endpoint instances are missing.
	unsure map[*config.Instance]bool
	loose  bool
}

// NewInboundResolverIndex indexes the INBOUND Resolver endpoints.
func NewInboundResolverIndex(m *config.Model) *InboundResolverIndex {
	x := &InboundResolverIndex{
		has:    map[*config.Instance][]*config.Instance{},
		unsure: map[*config.Instance]bool{},
		loose:  Unexpanded(m, schema.TypeRoute53ResolverEndpoint),
	}
	for _, r := range m.OfType(schema.TypeRoute53ResolverEndpoint) {
		d, known := str(r, "direction")
		if known && d != "INBOUND" {
			continue
		}
		var vpcs []*config.Instance
		for _, s := range r.Links("ip_address[*].subnet_id") {
			if vpc := VPCOf(s); vpc != nil {
				vpcs = append(vpcs, vpc)
			}
		}
		if len(vpcs) == 0 {
			x.loose = true
			continue
		}
		for _, vpc := range UniqueInstances(vpcs) {
			if known {
				x.has[vpc] = append(x.has[vpc], r)
			} else {
				x.unsure[vpc] = true
			}
		}
	}
	return x
}

// Lookup reports whether the VPC has an INBOUND Resolver endpoint; known
// is false when the model cannot prove that it has none.
func (x *InboundResolverIndex) Lookup(vpc *config.Instance) (has, known bool) {
	if len(x.has[vpc]) > 0 {
		return true, true
	}
	return false, !x.loose && !x.unsure[vpc]
}

// Endpoints returns the INBOUND Resolver endpoints of the VPC, in address
// order.
func (x *InboundResolverIndex) Endpoints(vpc *config.Instance) []*config.Instance {
	return x.has[vpc]
}

// RouteTargets returns the VPC endpoints that routes target, through
// aws_route and the route blocks of aws_route_table. loose is set when
// some route targets an endpoint the model does not resolve (an unknown or
// literal vpc_endpoint_id), or route instances are missing: then no
// endpoint can be proven unrouted.
func RouteTargets(m *config.Model) (targets map[*config.Instance]bool, loose bool) {
	targets = map[*config.Instance]bool{}
	loose = Unexpanded(m, schema.TypeRoute) || Unexpanded(m, schema.TypeRouteTable)
	for _, r := range m.OfType(schema.TypeRoute) {
		v := r.Attr("vpc_endpoint_id")
		if v.IsKnown() && v.IsNull() {
			continue
		}
		if t := r.Link("vpc_endpoint_id"); t != nil {
			targets[t] = true
		} else {
			loose = true
		}
	}
	for _, rt := range m.OfType(schema.TypeRouteTable) {
		routes := rt.Attr("route")
		if !routes.IsKnown() {
			loose = true
			continue
		}
		n := 0
		if !routes.IsNull() {
			for it := routes.ElementIterator(); it.Next(); {
				_, route := it.Element()
				if !route.IsKnown() {
					loose = true
					continue
				}
				if v := route.GetAttr("vpc_endpoint_id"); !v.IsKnown() || !v.IsNull() {
					n++
				}
			}
		}
		linked := rt.Links("route[*].vpc_endpoint_id")
		for _, t := range linked {
			targets[t] = true
		}
		// Set elements carry no marks of their own, so the links cannot
		// say which route names which endpoint; two routes to one
		// endpoint give one link. When the routes outnumber the links,
		// every route's target must be written as a reference to an
		// endpoint of the configuration.
		if n > len(linked) && (len(linked) == 0 || !routesReferenceEndpoints(rt.Resource)) {
			loose = true
		}
	}
	return targets, loose
}

// routesReferenceEndpoints reports whether every vpc_endpoint_id of the
// route blocks of a route table is written as a reference to an
// aws_vpc_endpoint, with no dynamic route blocks and no route argument
// (the attributes-as-blocks form, whose objects this does not read).
func routesReferenceEndpoints(r *config.Resource) bool {
	if r.Syntax == nil {
		return false
	}
	if _, ok := r.Syntax.Attributes["route"]; ok {
		return false
	}
	for _, b := range r.Syntax.Blocks {
		switch {
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "route":
			return false
		case b.Type != "route":
			continue
		}
		a, ok := b.Body.Attributes["vpc_endpoint_id"]
		if !ok {
			continue
		}
		vars := a.Expr.Variables()
		if len(vars) == 0 {
			return false
		}
		for _, tr := range vars {
			if tr.RootName() != string(schema.TypeVPCEndpoint) {
				return false
			}
		}
	}
	return true
}

// SubnetBounds is what the model proves about the subnets of an interface
// or Gateway Load Balancer endpoint: at least AtLeast distinct subnets,
// and none at all when None is set.
type SubnetBounds struct {
	AtLeast int
	None    bool
}

// EndpointSubnetBounds counts the distinct subnets of an endpoint from
// subnet_ids, subnet_configuration and aws_vpc_endpoint_subnet_association.
// Two subnet instances are two subnets, and so are two known IDs; a known
// ID and an instance (whose ID is unknown) may be the same subnet.
// assocLoose is set when some association's endpoint is not resolved, so
// that any endpoint may have more subnets than the model shows.
func EndpointSubnetBounds(e *config.Instance, assocLoose bool) SubnetBounds {
	ids := map[string]bool{}
	subnets := map[*config.Instance]bool{}
	unknown := false
	add := func(v cty.Value) {
		switch {
		case !v.IsKnown():
			unknown = true
		case !v.IsNull() && v.Type() == cty.String:
			ids[v.AsString()] = true
		}
	}
	if e.Ranges("subnet_ids").Found {
		v := e.Attr("subnet_ids")
		if !v.IsKnown() {
			unknown = true
		} else if !v.IsNull() {
			for it := v.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				add(ev)
			}
		}
	}
	// subnet_configuration is optional and computed: when the
	// configuration does not write it, a planned value holds the prior
	// state's blocks, one per subnet the endpoint had, which overcounts
	// after subnet_ids shrinks. AWS derives those blocks from the
	// subnets, so only written blocks count (in JSON syntax, which this
	// cannot tell, every block counts).
	written := e.Resource == nil || e.Resource.Syntax == nil || e.Resource.Ranges("subnet_configuration").Found
	if cfg := e.Attr("subnet_configuration"); !written {
	} else if !cfg.IsKnown() {
		unknown = true
	} else if !cfg.IsNull() {
		for it := cfg.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !ev.IsKnown() {
				unknown = true
				continue
			}
			add(ev.GetAttr("subnet_id"))
		}
	}
	for _, s := range e.Links("subnet_ids") {
		subnets[s] = true
	}
	for _, s := range e.Links("subnet_configuration[*].subnet_id") {
		subnets[s] = true
	}
	for _, a := range Referrers(e, schema.TypeVPCEndpointSubnetAssoc, "vpc_endpoint_id") {
		if s := a.Link("subnet_id"); s != nil {
			subnets[s] = true
			continue
		}
		add(a.Attr("subnet_id"))
	}
	n := max(len(ids), len(subnets))
	if n == 0 && unknown {
		n = 1
	}
	return SubnetBounds{AtLeast: n, None: n == 0 && !assocLoose}
}

// SubnetAssocLoose reports whether an aws_vpc_endpoint_subnet_association
// may belong to an endpoint the model does not show it with: its endpoint
// is not resolved, or association instances are missing.
func SubnetAssocLoose(m *config.Model) bool {
	if Unexpanded(m, schema.TypeVPCEndpointSubnetAssoc) {
		return true
	}
	for _, a := range m.OfType(schema.TypeVPCEndpointSubnetAssoc) {
		if a.Link("vpc_endpoint_id") == nil {
			return true
		}
	}
	return false
}
