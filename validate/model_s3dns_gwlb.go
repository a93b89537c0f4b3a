package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The helpers in this file answer the questions of the rules on S3 private
// DNS (the 2023 on-premises update), Multi-Region Access Points reached
// through endpoints, and Gateway Load Balancer endpoints. Like model.go's,
// they return only what the model proves. The indexes live in package
// network, which explain reads too.

// inboundOnlyPath is the path of the inbound-resolver-only option.
const inboundOnlyPath = network.InboundOnlyPath

// inboundOnly returns the private_dns_only_for_inbound_resolver_endpoint
// option of an endpoint as AWS applies it: the written value, or true when
// it is not set (AWS's default, VPCE-S3IF-005). written reports whether the
// configuration gives a value; ok is false when the model cannot tell (an
// unknown dns_options block or an unknown value).
func inboundOnly(e *config.Instance) (value, written, ok bool) { return network.InboundOnly(e) }

// privateDNSEndpoint is an interface endpoint with private DNS enabled to
// a service that takes the inbound-resolver-only option (Amazon S3; the
// service catalog says which), in a VPC the model resolves.
type privateDNSEndpoint struct {
	e   *config.Instance
	svc *schema.Service
	vpc *config.Instance
	// inboundOnly is the option as AWS applies it (true when unset);
	// written is whether the configuration sets it.
	inboundOnly, written bool
	// dns is where private DNS is turned on (network.PrivateDNS).
	dns network.PrivateDNSSetting
}

// optionRange is the tightest range for the option's effect: its value
// when written, else the private_dns_enabled that turns private DNS on
// (the endpoint's or an aws_vpc_endpoint_private_dns's), which turns the
// option on by default.
func (p privateDNSEndpoint) optionRange() *hcl.Range {
	if r := p.e.Ranges(inboundOnlyPath); p.written && r.Found {
		return r.Expr.Ptr()
	}
	return p.dns.Range()
}

// privateDNSEndpoints returns the interface endpoints with private DNS for
// services with the inbound-resolver-only option, in address order. An
// endpoint whose type, service, private DNS, option or VPC is unknown is
// left out.
func privateDNSEndpoints(in *Input) []privateDNSEndpoint {
	var out []privateDNSEndpoint
	for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
		if t, ok := endpointType(e); !ok || t != schema.EndpointInterface {
			continue
		}
		_, svc, ok := endpointService(in, e)
		if !ok || svc == nil || !svc.InboundResolverOnly {
			continue
		}
		dns := network.PrivateDNS(in.Model, e)
		if !dns.Known || !dns.On {
			continue
		}
		value, written, ok := inboundOnly(e)
		vpc := vpcOf(e)
		if !ok || vpc == nil {
			continue
		}
		out = append(out, privateDNSEndpoint{e: e, svc: svc, vpc: vpc, inboundOnly: value, written: written, dns: dns})
	}
	return out
}

// gatewayIndex answers whether a VPC has a gateway endpoint for a catalog
// service: network.GatewayIndex, as the rules read it.
type gatewayIndex struct{ x *network.GatewayIndex }

func newGatewayIndex(in *Input) *gatewayIndex {
	return &gatewayIndex{network.NewGatewayIndex(in.Model, in.Services)}
}

// lookup reports whether the VPC has a gateway endpoint for the service;
// known is false when the model cannot prove that it has none.
func (g *gatewayIndex) lookup(vpc *config.Instance, svc *schema.Service) (has, known bool) {
	return g.x.Lookup(vpc, svc)
}

// inboundResolverIndex answers whether a VPC has an INBOUND Route 53
// Resolver endpoint: network.InboundResolverIndex, as the rules read it.
type inboundResolverIndex struct{ x *network.InboundResolverIndex }

func newInboundResolverIndex(in *Input) *inboundResolverIndex {
	return &inboundResolverIndex{network.NewInboundResolverIndex(in.Model)}
}

// lookup reports whether the VPC has an INBOUND Resolver endpoint; known is
// false when the model cannot prove that it has none.
func (r *inboundResolverIndex) lookup(vpc *config.Instance) (has, known bool) { return r.x.Lookup(vpc) }

// isGWLBEndpoint reports whether an endpoint is known to be a Gateway Load
// Balancer endpoint.
func isGWLBEndpoint(e *config.Instance) bool {
	t, ok := endpointType(e)
	return ok && t == schema.EndpointGatewayLoadBalancer
}

// knownNonEmpty reports whether a top-level argument is written with a
// known value that sets something: a non-null value, and for collections
// at least one element (elements may be unknown), for strings a non-empty
// string. An unknown value proves nothing.
func knownNonEmpty(inst *config.Instance, attr string) bool {
	if !configured(inst, attr) {
		return false
	}
	v := inst.Attr(attr)
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() {
		return false
	}
	switch {
	case v.CanIterateElements():
		return v.LengthInt() > 0
	case v.Type() == cty.String:
		return v.AsString() != ""
	}
	return true
}

// endpointSubnetBounds counts the distinct subnets of an endpoint from
// subnet_ids, subnet_configuration and aws_vpc_endpoint_subnet_association.
// Two subnet instances are two subnets, and so are two known IDs; a known
// ID and an instance (whose ID is unknown) may be the same subnet.
// assocLoose is set when some association's endpoint is not resolved, so
// that any endpoint may have more subnets than the model shows.
// subnetBounds is network.SubnetBounds for the rules.
type subnetBounds struct {
	atLeast int
	none    bool
}

func endpointSubnetBounds(e *config.Instance, assocLoose bool) subnetBounds {
	b := network.EndpointSubnetBounds(e, assocLoose)
	return subnetBounds{atLeast: b.AtLeast, none: b.None}
}

// subnetAssocLoose reports whether an aws_vpc_endpoint_subnet_association
// may belong to an endpoint the model does not show it with: its endpoint
// is not resolved, or association instances are missing.
func subnetAssocLoose(in *Input) bool { return network.SubnetAssocLoose(in.Model) }

// routeTargets returns the VPC endpoints that routes target, through
// aws_route and the route blocks of aws_route_table. loose is set when
// some route targets an endpoint the model does not resolve (an unknown or
// literal vpc_endpoint_id), or route instances are missing: then no
// endpoint can be proven unrouted.
func routeTargets(in *Input) (targets map[*config.Instance]bool, loose bool) {
	return network.RouteTargets(in.Model)
}

// notGWLBService explains why an aws_vpc_endpoint_service is provably not
// a Gateway Load Balancer service, or returns "".
func notGWLBService(svc *config.Instance) string {
	gw := svc.Attr("gateway_load_balancer_arns")
	noGateway := !configured(svc, "gateway_load_balancer_arns") || gw.IsKnown() && (gw.IsNull() || gw.LengthInt() == 0)
	if knownNonEmpty(svc, "network_load_balancer_arns") && noGateway {
		return fmt.Sprintf("its service %s is backed by Network Load Balancers (network_load_balancer_arns)", svc.Addr)
	}
	for _, lb := range svc.Links("gateway_load_balancer_arns") {
		if t, ok := str(lb, "load_balancer_type"); ok && t != "gateway" {
			return fmt.Sprintf("the load balancer %s of its service %s has load_balancer_type %q, not \"gateway\"", lb.Addr, svc.Addr, t)
		}
	}
	return ""
}

// joinTypes lists the endpoint types a service offers, for messages.
func joinTypes(svc *schema.Service) string {
	if names := svc.TypeNames(); len(names) > 0 {
		return joinAnd(names)
	}
	return "no"
}

// gwlbZoneKey is a VPC, a service and an Availability Zone: the unit of
// which AWS allows one Gateway Load Balancer endpoint. The service is the
// aws_vpc_endpoint_service that service_name names, or else the known
// service name; the zone is a name (az) or a zone ID (azID), never both,
// as the two cannot be compared.
type gwlbZoneKey struct {
	vpc         *config.Instance
	service     *config.Instance
	serviceName string
	az, azID    string
}

// describe returns the service and the zone for messages.
func (k gwlbZoneKey) describe() (service, zone string) {
	service = k.serviceName
	if k.service != nil {
		service = k.service.Addr.String()
	}
	zone = k.az
	if zone == "" {
		zone = "ID " + k.azID
	}
	return service, zone
}

// gwlbZoneKeys returns the zone keys of a Gateway Load Balancer endpoint,
// one per distinct known zone of its subnets, in subnet order; none when
// its VPC or service is not known.
func gwlbZoneKeys(e *config.Instance) []gwlbZoneKey {
	vpc := vpcOf(e)
	if vpc == nil {
		return nil
	}
	k := gwlbZoneKey{vpc: vpc, service: e.Link("service_name")}
	if k.service == nil {
		name, ok := str(e, "service_name")
		if !ok {
			return nil
		}
		k.serviceName = name
	}
	seen := map[gwlbZoneKey]bool{}
	var out []gwlbZoneKey
	for _, s := range endpointSubnets(e) {
		zk := k
		zk.az, zk.azID = subnetZone(s)
		if zk.az == "" && zk.azID == "" {
			continue
		}
		if !seen[zk] {
			seen[zk] = true
			out = append(out, zk)
		}
	}
	return out
}
