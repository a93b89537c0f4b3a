package network

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TargetKind is what a route sends traffic to.
type TargetKind string

// The route targets the network model tells apart.
const (
	TargetNAT        TargetKind = "nat-gateway"
	TargetInternet   TargetKind = "internet-gateway"
	TargetEndpoint   TargetKind = "vpc-endpoint"
	TargetTransit    TargetKind = "transit-gateway"
	TargetPeering    TargetKind = "peering-connection"
	TargetOther      TargetKind = "other"
	TargetUnknown    TargetKind = "unknown"
	defaultRouteIPv4            = "0.0.0.0/0"
)

// Route is one route of a route table: an aws_route, or a route block of
// an aws_route_table.
type Route struct {
	// Destination is the IPv4 CIDR or prefix list ID; DestinationKnown is
	// false when it is not yet known.
	Destination      string
	DestinationKnown bool
	Kind             TargetKind
	// Target is the instance the route names, or nil when the model does
	// not resolve it (a literal ID, or set-nested route blocks naming
	// several targets of one kind).
	Target *config.Instance
	// Source is the aws_route or aws_route_table that declares the route.
	Source *config.Instance
}

// targetAttrs are the target arguments of a route, in the order they are
// tried, with the kind each gives.
var targetAttrs = []struct {
	name string
	kind TargetKind
}{
	{"nat_gateway_id", TargetNAT},
	{"vpc_endpoint_id", TargetEndpoint},
	{"gateway_id", TargetInternet}, // or a virtual private gateway; see classify
	{"transit_gateway_id", TargetTransit},
	{"vpc_peering_connection_id", TargetPeering},
	{"egress_only_gateway_id", TargetOther},
	{"network_interface_id", TargetOther},
	{"carrier_gateway_id", TargetOther},
	{"local_gateway_id", TargetOther},
	{"core_network_arn", TargetOther},
}

// routeOf reads one route object (an aws_route's value or a route block);
// link resolves a target argument to an instance. ok is false for the
// implicit local route.
func routeOf(v cty.Value, destAttr string, link func(attr string) *config.Instance, src *config.Instance) (Route, bool) {
	r := Route{Kind: TargetUnknown, Source: src}
	for _, d := range []string{destAttr, "destination_prefix_list_id"} {
		if !v.Type().HasAttribute(d) {
			continue
		}
		dv := v.GetAttr(d)
		if !dv.IsKnown() {
			r.DestinationKnown = false
			break
		}
		if !dv.IsNull() {
			r.Destination, r.DestinationKnown = dv.AsString(), true
			break
		}
	}
	for _, t := range targetAttrs {
		if !v.Type().HasAttribute(t.name) {
			continue
		}
		tv := v.GetAttr(t.name)
		if tv.IsKnown() && (tv.IsNull() || tv.AsString() == "") {
			continue
		}
		if tv.IsKnown() && tv.AsString() == "local" {
			return Route{}, false
		}
		r.Kind = t.kind
		r.Target = link(t.name)
		if t.kind == TargetInternet && r.Target != nil && r.Target.Addr.Resource.Type != schema.TypeInternetGateway {
			r.Kind = TargetOther // a virtual private gateway
		}
		if t.kind == TargetInternet && r.Target == nil && tv.IsKnown() && len(tv.AsString()) > 4 && tv.AsString()[:4] == "vgw-" {
			r.Kind = TargetOther
		}
		break
	}
	return r, true
}

// RouteTableRoutes returns the routes of a route table: its route blocks,
// then the aws_route resources naming it in address order. known is false
// when some route may be missing (an unknown route set, or aws_route
// blocks with an unknown count or for_each).
func RouteTableRoutes(m *config.Model, rt *config.Instance) (routes []Route, known bool) {
	known = !Unexpanded(m, schema.TypeRoute)
	if v := rt.Attr("route"); v != cty.NilVal {
		if !v.IsKnown() {
			known = false
		} else if !v.IsNull() {
			// Set elements carry no marks, so a link says only that some
			// route block names the instance: it resolves a route's
			// target when exactly one block uses that argument.
			uses := map[string]int{}
			for it := v.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				if !ev.IsKnown() {
					continue
				}
				for _, t := range targetAttrs {
					if tv := ev.GetAttr(t.name); !tv.IsKnown() || !tv.IsNull() {
						uses[t.name]++
					}
				}
			}
			for it := v.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				if !ev.IsKnown() {
					known = false
					continue
				}
				link := func(attr string) *config.Instance {
					ls := rt.Links("route[*]." + attr)
					if uses[attr] == 1 && len(ls) == 1 {
						return ls[0]
					}
					return nil
				}
				if r, ok := routeOf(ev, "cidr_block", link, rt); ok {
					routes = append(routes, r)
				}
			}
		}
	}
	for _, ar := range Referrers(rt, schema.TypeRoute, "route_table_id") {
		if r, ok := routeOf(ar.Value, "destination_cidr_block", ar.Link, ar); ok {
			routes = append(routes, r)
		}
	}
	return routes, known
}

// DefaultRoute returns the IPv4 default route (0.0.0.0/0) of a route
// table. known is false when the model cannot tell whether there is one.
func DefaultRoute(m *config.Model, rt *config.Instance) (r Route, has, known bool) {
	routes, known := RouteTableRoutes(m, rt)
	for _, r := range routes {
		if r.DestinationKnown && r.Destination == defaultRouteIPv4 {
			return r, true, true
		}
	}
	for _, r := range routes {
		if !r.DestinationKnown {
			return Route{}, false, false
		}
	}
	return Route{}, false, known
}

// SubnetRouteTable returns the route table that serves a subnet: the one
// an aws_route_table_association names, else the VPC's main route table
// (main is then true). rt is nil when the main route table is the one AWS
// creates with the VPC and the configuration does not declare it: it has
// only the local route. known is false when the model cannot tell.
func SubnetRouteTable(m *config.Model, subnet *config.Instance) (rt *config.Instance, main, known bool) {
	assocs := Referrers(subnet, schema.TypeRouteTableAssociation, "subnet_id")
	switch {
	case len(assocs) == 1:
		if t := assocs[0].Link("route_table_id"); t != nil {
			return t, false, true
		}
		return nil, false, false
	case len(assocs) > 1:
		return nil, false, false
	case Unexpanded(m, schema.TypeRouteTableAssociation):
		return nil, false, false
	}
	for _, a := range m.OfType(schema.TypeRouteTableAssociation) {
		if a.Link("subnet_id") == nil {
			if v := a.Attr("subnet_id"); !v.IsKnown() || !v.IsNull() {
				return nil, false, false // may name this subnet by ID
			}
		}
	}
	vpc := VPCOf(subnet)
	if vpc == nil {
		return nil, true, false
	}
	mains := Referrers(vpc, schema.TypeMainRouteTableAssociation, "vpc_id")
	switch {
	case len(mains) == 1:
		if t := mains[0].Link("route_table_id"); t != nil {
			return t, true, true
		}
		return nil, true, false
	case len(mains) > 1 || Unexpanded(m, schema.TypeMainRouteTableAssociation):
		return nil, true, false
	}
	return nil, true, true
}
