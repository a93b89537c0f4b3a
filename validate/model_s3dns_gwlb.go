package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The helpers in this file answer the questions of the rules on S3 private
// DNS (the 2023 on-premises update), Multi-Region Access Points reached
// through endpoints, and Gateway Load Balancer endpoints. Like model.go's,
// they return only what the model proves. The indexes are built in one
// pass over their resource type, so the rules that use them stay linear.

// inboundOnlyPath is the path of the inbound-resolver-only option.
const inboundOnlyPath = "dns_options[0].private_dns_only_for_inbound_resolver_endpoint"

// inboundOnly returns the private_dns_only_for_inbound_resolver_endpoint
// option of an endpoint as AWS applies it: the written value, or true when
// it is not set (AWS's default, VPCE-S3IF-005). written reports whether the
// configuration gives a value; ok is false when the model cannot tell (an
// unknown dns_options block or an unknown value).
func inboundOnly(e *config.Instance) (value, written, ok bool) {
	v := e.Attr("dns_options")
	if v == cty.NilVal || !v.IsKnown() {
		return false, false, false
	}
	if v.IsNull() || v.LengthInt() == 0 {
		return true, false, true
	}
	f, ok := nestedValue(v, 0)
	if !ok {
		return false, false, false
	}
	f = f.GetAttr("private_dns_only_for_inbound_resolver_endpoint")
	switch {
	case !f.IsKnown():
		return false, false, false
	case f.IsNull():
		return true, false, true
	}
	return f.True(), true, true
}

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
}

// optionRange is the tightest range for the option's effect: its value
// when written, else private_dns_enabled, which turns it on by default.
func (p privateDNSEndpoint) optionRange() *hcl.Range {
	if r := p.e.Ranges(inboundOnlyPath); p.written && r.Found {
		return r.Expr.Ptr()
	}
	return p.e.Ranges("private_dns_enabled").Expr.Ptr()
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
		if dns, ok := boolAttr(e, "private_dns_enabled"); !ok || !dns {
			continue
		}
		value, written, ok := inboundOnly(e)
		vpc := vpcOf(e)
		if !ok || vpc == nil {
			continue
		}
		out = append(out, privateDNSEndpoint{e: e, svc: svc, vpc: vpc, inboundOnly: value, written: written})
	}
	return out
}

// gatewayKey is a VPC and a catalog service.
type gatewayKey struct {
	vpc *config.Instance
	svc *schema.Service
}

// gatewayIndex answers whether a VPC has a gateway endpoint for a catalog
// service. It is built in one pass over the endpoints.
type gatewayIndex struct {
	has map[gatewayKey]bool
	// unsureVPC marks VPCs holding an endpoint that may be a gateway
	// endpoint for any service (unknown type or service name); unsureSvc
	// marks services with a gateway endpoint whose VPC is not resolved;
	// loose is set when an endpoint may be a gateway endpoint for any
	// service in any VPC, or endpoint instances are missing from the model.
	unsureVPC map[*config.Instance]bool
	unsureSvc map[*schema.Service]bool
	loose     bool
}

func newGatewayIndex(in *Input) *gatewayIndex {
	x := &gatewayIndex{
		has:       map[gatewayKey]bool{},
		unsureVPC: map[*config.Instance]bool{},
		unsureSvc: map[*schema.Service]bool{},
		loose:     unexpanded(in.Model, schema.TypeVPCEndpoint),
	}
	for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
		t, typeKnown := endpointType(e)
		if typeKnown && t != schema.EndpointGateway {
			continue
		}
		if v := e.Attr("service_name"); v.IsKnown() && v.IsNull() {
			continue // a Resource or ServiceNetwork endpoint
		}
		vpc := vpcOf(e)
		var svc *schema.Service
		svcKnown := false
		if s, ok := str(e, "service_name"); ok {
			svcKnown = true
			if name, ok := schema.ParseServiceName(s); ok {
				svc = in.Services.Resolve(name)
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
			x.has[gatewayKey{vpc, svc}] = true
		}
	}
	return x
}

// lookup reports whether the VPC has a gateway endpoint for the service;
// known is false when the model cannot prove that it has none.
func (x *gatewayIndex) lookup(vpc *config.Instance, svc *schema.Service) (has, known bool) {
	if x.has[gatewayKey{vpc, svc}] {
		return true, true
	}
	if x.loose || x.unsureVPC[vpc] || x.unsureSvc[svc] {
		return false, false
	}
	return false, true
}

// inboundResolverIndex answers whether a VPC has an INBOUND Route 53
// Resolver endpoint. A Resolver endpoint's VPC is that of its subnets. It
// is built in one pass over the Resolver endpoints.
type inboundResolverIndex struct {
	has map[*config.Instance]bool
	// unsure marks VPCs with a Resolver endpoint of unknown direction;
	// loose is set when a possibly inbound Resolver endpoint has no
	// resolved VPC, or Resolver endpoint instances are missing.
	unsure map[*config.Instance]bool
	loose  bool
}

func newInboundResolverIndex(in *Input) *inboundResolverIndex {
	x := &inboundResolverIndex{
		has:    map[*config.Instance]bool{},
		unsure: map[*config.Instance]bool{},
		loose:  unexpanded(in.Model, schema.TypeRoute53ResolverEndpoint),
	}
	for _, r := range in.Model.OfType(schema.TypeRoute53ResolverEndpoint) {
		d, known := str(r, "direction")
		if known && d != "INBOUND" {
			continue
		}
		var vpcs []*config.Instance
		for _, s := range r.Links("ip_address[*].subnet_id") {
			if vpc := vpcOf(s); vpc != nil {
				vpcs = append(vpcs, vpc)
			}
		}
		if len(vpcs) == 0 {
			x.loose = true
			continue
		}
		for _, vpc := range vpcs {
			if known {
				x.has[vpc] = true
			} else {
				x.unsure[vpc] = true
			}
		}
	}
	return x
}

// lookup reports whether the VPC has an INBOUND Resolver endpoint; known is
// false when the model cannot prove that it has none.
func (x *inboundResolverIndex) lookup(vpc *config.Instance) (has, known bool) {
	if x.has[vpc] {
		return true, true
	}
	return false, !x.loose && !x.unsure[vpc]
}

// isMRAPARN reports whether an ARN (or ARN pattern) in a policy names a
// Multi-Region Access Point, or objects through one:
// arn:<partition>:s3::<account>:accesspoint/<alias>.mrap[/object/...]. The
// ARN of an MRAP is the only S3 access point ARN without a Region
// (MRAP-014), so a pattern such as arn:aws:s3::111111111111:accesspoint/*
// names MRAPs too.
func isMRAPARN(s string) bool {
	parts := strings.SplitN(s, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && parts[2] == "s3" && parts[3] == "" &&
		parts[4] != "" && strings.HasPrefix(parts[5], "accesspoint/") && len(parts[5]) > len("accesspoint/")
}

// allowedMRAPs returns the MRAP ARNs that Allow statements of a policy
// name as resources, sorted and without duplicates.
func allowedMRAPs(doc *policydoc.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range doc.Statements {
		if st.Effect != "Allow" {
			continue
		}
		for _, r := range st.Resources {
			if isMRAPARN(r) && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.Strings(out)
	return out
}

// endpointPolicy is one policy of an endpoint: its inline policy or an
// aws_vpc_endpoint_policy, with the range of its value.
type endpointPolicy struct {
	doc     *policydoc.Document
	owner   *config.Instance
	subject hcl.Range
}

// endpointPolicyOwners returns the instances that hold an endpoint's
// policy: the endpoint itself (its policy argument), then the
// aws_vpc_endpoint_policy resources naming it, in address order.
func endpointPolicyOwners(e *config.Instance) []*config.Instance {
	return append([]*config.Instance{e}, referrers(e, schema.TypeVPCEndpointPolicy, "vpc_endpoint_id")...)
}

// endpointPolicies returns the known, parseable policies of an endpoint:
// the inline one first, then those of aws_vpc_endpoint_policy resources
// in address order.
func endpointPolicies(e *config.Instance) []endpointPolicy {
	var out []endpointPolicy
	for _, owner := range endpointPolicyOwners(e) {
		if doc, ok := parsedPolicy(owner, "policy"); ok {
			out = append(out, endpointPolicy{doc: doc, owner: owner, subject: owner.Ranges("policy").Expr})
		}
	}
	return out
}

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

// subnetBounds is what the model proves about the subnets of an interface
// or Gateway Load Balancer endpoint: at least atLeast distinct subnets,
// and none at all when none is set.
type subnetBounds struct {
	atLeast int
	none    bool
}

// endpointSubnetBounds counts the distinct subnets of an endpoint from
// subnet_ids, subnet_configuration and aws_vpc_endpoint_subnet_association.
// Two subnet instances are two subnets, and so are two known IDs; a known
// ID and an instance (whose ID is unknown) may be the same subnet.
// assocLoose is set when some association's endpoint is not resolved, so
// that any endpoint may have more subnets than the model shows.
func endpointSubnetBounds(e *config.Instance, assocLoose bool) subnetBounds {
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
	if configured(e, "subnet_ids") {
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
	if cfg := e.Attr("subnet_configuration"); !cfg.IsKnown() {
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
	for _, a := range referrers(e, schema.TypeVPCEndpointSubnetAssoc, "vpc_endpoint_id") {
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
	return subnetBounds{atLeast: n, none: n == 0 && !assocLoose}
}

// subnetAssocLoose reports whether an aws_vpc_endpoint_subnet_association
// may belong to an endpoint the model does not show it with: its endpoint
// is not resolved, or association instances are missing.
func subnetAssocLoose(in *Input) bool {
	if unexpanded(in.Model, schema.TypeVPCEndpointSubnetAssoc) {
		return true
	}
	for _, a := range in.Model.OfType(schema.TypeVPCEndpointSubnetAssoc) {
		if a.Link("vpc_endpoint_id") == nil {
			return true
		}
	}
	return false
}

// routeTargets returns the VPC endpoints that routes target, through
// aws_route and the route blocks of aws_route_table. loose is set when
// some route targets an endpoint the model does not resolve (an unknown or
// literal vpc_endpoint_id), or route instances are missing: then no
// endpoint can be proven unrouted.
func routeTargets(in *Input) (targets map[*config.Instance]bool, loose bool) {
	targets = map[*config.Instance]bool{}
	loose = unexpanded(in.Model, schema.TypeRoute) || unexpanded(in.Model, schema.TypeRouteTable)
	for _, r := range in.Model.OfType(schema.TypeRoute) {
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
	for _, rt := range in.Model.OfType(schema.TypeRouteTable) {
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
		if az, ok := str(s, "availability_zone"); ok {
			zk.az = az
		} else if id, ok := str(s, "availability_zone_id"); ok {
			zk.azID = id
		} else {
			continue
		}
		if !seen[zk] {
			seen[zk] = true
			out = append(out, zk)
		}
	}
	return out
}
