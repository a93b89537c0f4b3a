package network

import (
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// str returns a known, non-null top-level string attribute.
func str(inst *config.Instance, attr string) (string, bool) { return inst.StringAttr(attr) }

// boolAttr returns a known, non-null top-level bool attribute.
func boolAttr(inst *config.Instance, attr string) (value, ok bool) {
	v := inst.Attr(attr)
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false, false
	}
	return v.True(), true
}

// NestedValue returns the known, non-null value at a path of GetAttr
// (string) and list index (int) steps.
func NestedValue(v cty.Value, steps ...any) (cty.Value, bool) {
	for _, s := range steps {
		if !v.IsKnown() || v.IsNull() {
			return cty.NilVal, false
		}
		switch s := s.(type) {
		case string:
			if !v.Type().IsObjectType() || !v.Type().HasAttribute(s) {
				return cty.NilVal, false
			}
			v = v.GetAttr(s)
		case int:
			if !v.Type().IsListType() && !v.Type().IsTupleType() {
				return cty.NilVal, false
			}
			if v.LengthInt() <= s {
				return cty.NilVal, false
			}
			v = v.Index(cty.NumberIntVal(int64(s)))
		}
	}
	if !v.IsKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	return v, true
}

// UniqueInstances merges lists of instances into one list sorted by
// address, without duplicates.
func UniqueInstances(lists ...[]*config.Instance) []*config.Instance {
	seen := map[*config.Instance]bool{}
	var out []*config.Instance
	for _, l := range lists {
		for _, i := range l {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Addr.Less(out[b].Addr) })
	return out
}

// Referrers returns the instances of type from whose argument at path
// names target, sorted by address.
func Referrers(target *config.Instance, from schema.TypeName, path string) []*config.Instance {
	var out []*config.Instance
	for _, l := range target.Referrers(from) {
		if l.Path == path {
			out = append(out, l.From)
		}
	}
	return UniqueInstances(out)
}

// Via returns, for each instance of type from that names target at
// fromPath, the instances it names at toPath: the route tables of an
// endpoint through aws_vpc_endpoint_route_table_association, say.
func Via(target *config.Instance, from schema.TypeName, fromPath, toPath string) []*config.Instance {
	var out []*config.Instance
	for _, assoc := range Referrers(target, from, fromPath) {
		out = append(out, assoc.Links(toPath)...)
	}
	return UniqueInstances(out)
}

// Unexpanded reports whether some managed resource block of one of the
// types has an unknown count or for_each, so that its instances, if any,
// are missing from the model. A conclusion that something is missing must
// then not be drawn.
func Unexpanded(m *config.Model, types ...schema.TypeName) bool {
	for _, a := range m.Unexpanded {
		if a.Mode != schema.ManagedMode {
			continue
		}
		for _, t := range types {
			if a.Type == t {
				return true
			}
		}
	}
	return false
}

// PartitionOf returns an instance's partition, or "" when unknown.
func PartitionOf(inst *config.Instance) string {
	if inst.Provider == nil {
		return ""
	}
	return inst.Provider.Partition
}

// VPCOf returns the instance an instance's vpc_id names, or nil.
func VPCOf(inst *config.Instance) *config.Instance { return inst.Link("vpc_id") }

// VPCEndpoints returns the endpoints in a VPC, sorted by address.
func VPCEndpoints(vpc *config.Instance) []*config.Instance {
	return Referrers(vpc, schema.TypeVPCEndpoint, "vpc_id")
}

// EndpointType returns a VPC endpoint's type; ok is false when it is
// unknown.
//
// A type written as the service_type of an aws_vpc_endpoint_service in
// the configuration (directly or through variables, locals and modules:
// its only link) is unknown until apply, but the service's load balancers
// decide it: AWS reports GatewayLoadBalancer for a service of Gateway Load
// Balancers and Interface for one of Network Load Balancers.
func EndpointType(e *config.Instance) (schema.EndpointType, bool) {
	s, ok := str(e, "vpc_endpoint_type")
	if ok {
		return schema.EndpointType(s), true
	}
	if v := e.Attr("vpc_endpoint_type"); v == cty.NilVal || v.IsKnown() {
		return "", false
	}
	svc := e.Link("vpc_endpoint_type")
	if svc == nil || svc.Addr.Resource.Type != schema.TypeVPCEndpointService {
		return "", false
	}
	return EndpointServiceType(svc)
}

// EndpointServiceType returns the service_type AWS gives an
// aws_vpc_endpoint_service: GatewayLoadBalancer when its
// gateway_load_balancer_arns has an element, Interface when only
// network_load_balancer_arns has. ok is false when either list is unknown
// or both (or neither) have elements.
func EndpointServiceType(svc *config.Instance) (schema.EndpointType, bool) {
	count := func(attr string) (int, bool) {
		v := svc.Attr(attr)
		switch {
		case v == cty.NilVal || !v.IsKnown():
			return 0, false
		case v.IsNull():
			return 0, true
		case !v.CanIterateElements():
			return 0, false
		}
		return v.LengthInt(), true
	}
	gw, ok1 := count("gateway_load_balancer_arns")
	nlb, ok2 := count("network_load_balancer_arns")
	switch {
	case !ok1 || !ok2:
		return "", false
	case gw > 0 && nlb == 0:
		return schema.EndpointGatewayLoadBalancer, true
	case nlb > 0 && gw == 0:
		return schema.EndpointInterface, true
	}
	return "", false
}

// EndpointService returns the parsed service name of an endpoint and the
// catalog's entry for it (nil for endpoint services and unknown names).
func EndpointService(services *schema.ServiceCatalog, e *config.Instance) (schema.ServiceName, *schema.Service, bool) {
	s, ok := str(e, "service_name")
	if !ok {
		return schema.ServiceName{}, nil, false
	}
	name, ok := schema.ParseServiceName(s)
	if !ok {
		return schema.ServiceName{}, nil, false
	}
	return name, services.Resolve(name), true
}

// EndpointRouteTables returns the route tables of a gateway endpoint,
// inline and through aws_vpc_endpoint_route_table_association.
func EndpointRouteTables(e *config.Instance) []*config.Instance {
	return UniqueInstances(e.Links("route_table_ids"),
		Via(e, schema.TypeVPCEndpointRouteTableAssoc, "vpc_endpoint_id", "route_table_id"))
}

// EndpointSubnets returns the subnets of an interface or GWLB endpoint,
// inline (subnet_ids, subnet_configuration) and through
// aws_vpc_endpoint_subnet_association.
func EndpointSubnets(e *config.Instance) []*config.Instance {
	return UniqueInstances(e.Links("subnet_ids"), e.Links("subnet_configuration[*].subnet_id"),
		Via(e, schema.TypeVPCEndpointSubnetAssoc, "vpc_endpoint_id", "subnet_id"))
}

// ParsedPolicy parses a known policy attribute; ok is false when it is
// unknown, null or not valid JSON.
func ParsedPolicy(inst *config.Instance, attr string) (*policydoc.Document, bool) {
	s, ok := str(inst, attr)
	if !ok || s == "" {
		return nil, false
	}
	d, err := policydoc.Parse(s)
	if err != nil {
		return nil, false
	}
	return d, true
}

// EndpointPolicyOwners returns the instances that hold an endpoint's
// policy: the endpoint itself (its policy argument), then the
// aws_vpc_endpoint_policy resources naming it, in address order.
func EndpointPolicyOwners(e *config.Instance) []*config.Instance {
	return append([]*config.Instance{e}, Referrers(e, schema.TypeVPCEndpointPolicy, "vpc_endpoint_id")...)
}

// InboundOnlyPath is the path of the inbound-resolver-only option.
const InboundOnlyPath = "dns_options[0].private_dns_only_for_inbound_resolver_endpoint"

// InboundOnly returns the private_dns_only_for_inbound_resolver_endpoint
// option of an endpoint as AWS applies it: the written value, or true when
// it is not set (AWS's default, VPCE-S3IF-005). written reports whether the
// configuration gives a value; ok is false when the model cannot tell (an
// unknown dns_options block or an unknown value).
func InboundOnly(e *config.Instance) (value, written, ok bool) {
	v := e.Attr("dns_options")
	if v == cty.NilVal || !v.IsKnown() {
		return false, false, false
	}
	if v.IsNull() || v.LengthInt() == 0 {
		return true, false, true
	}
	f, ok := NestedValue(v, 0)
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
