package validate

import (
	"sort"

	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/policydoc"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The helpers in this file answer the model questions several rules ask.
// Each returns only what the model proves: unknown values and unresolved
// links give "don't know" (false ok, nil, empty), never a guess. Those
// about the network (VPCs, endpoints, route tables, policies) delegate to
// package network, which explain reads too, so there is one copy of the
// logic.

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

// subnetZone returns the Availability Zone of a subnet: its name when
// known, else its ID, else nothing. When either argument derives from a
// value outside vpcplan's model (a data source such as
// aws_availability_zones), the zone is unknown: the plan before apply
// cannot see it, and the name and ID the state then records are the ones
// apply made up, which two subnets may share although AWS's would differ.
func subnetZone(s *config.Instance) (name, id string) {
	for _, p := range s.ExternalPaths {
		if len(p) == 0 {
			return "", ""
		}
		if ga, ok := p[0].(cty.GetAttrStep); ok && (ga.Name == "availability_zone" || ga.Name == "availability_zone_id") {
			return "", ""
		}
	}
	if az, ok := str(s, "availability_zone"); ok {
		return az, ""
	}
	id, _ = str(s, "availability_zone_id")
	return "", id
}

// configured reports whether the configuration writes the top-level
// argument (as opposed to a default or a computed value).
func configured(inst *config.Instance, attr string) bool {
	return inst.Ranges(attr).Found
}

// nested returns the known, non-null value at a path of GetAttr and list
// index steps, such as nested(inst, "dns_options", 0,
// "private_dns_only_for_inbound_resolver_endpoint").
func nested(inst *config.Instance, steps ...any) (cty.Value, bool) {
	return nestedValue(inst.Value, steps...)
}

// nestedValue is nested for any value.
func nestedValue(v cty.Value, steps ...any) (cty.Value, bool) {
	return network.NestedValue(v, steps...)
}

// strings returns the known strings of a top-level list or set attribute,
// sorted, and false when the collection or any element is unknown.
func stringsAttr(inst *config.Instance, attr string) ([]string, bool) {
	v := inst.Attr(attr)
	if v == cty.NilVal || !v.IsWhollyKnown() {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		if ev.IsNull() || ev.Type() != cty.String {
			continue
		}
		out = append(out, ev.AsString())
	}
	sort.Strings(out)
	return out, true
}

// uniqueInstances merges lists of instances into one sorted list without
// duplicates.
func uniqueInstances(lists ...[]*config.Instance) []*config.Instance {
	return network.UniqueInstances(lists...)
}

// referrers returns the instances of type from whose argument at path
// names target.
func referrers(target *config.Instance, from schema.TypeName, path string) []*config.Instance {
	return network.Referrers(target, from, path)
}

// via returns, for each instance of type from that names target at
// fromPath, the instances it names at toPath: the route tables of an
// endpoint through aws_vpc_endpoint_route_table_association, say.
func via(target *config.Instance, from schema.TypeName, fromPath, toPath string) []*config.Instance {
	return network.Via(target, from, fromPath, toPath)
}

// endpointType returns a VPC endpoint's type; the provider's default is
// Gateway.
func endpointType(e *config.Instance) (schema.EndpointType, bool) { return network.EndpointType(e) }

// endpointService returns the parsed service name of an endpoint and the
// catalog's entry for it (nil for endpoint services and unknown names).
func endpointService(in *Input, e *config.Instance) (schema.ServiceName, *schema.Service, bool) {
	return network.EndpointService(in.Services, e)
}

// vpcOf returns the VPC an instance's vpc_id names.
func vpcOf(inst *config.Instance) *config.Instance { return network.VPCOf(inst) }

// vpcEndpoints returns the endpoints in a VPC.
func vpcEndpoints(vpc *config.Instance) []*config.Instance { return network.VPCEndpoints(vpc) }

// endpointRouteTables returns the route tables of a gateway endpoint,
// inline and through aws_vpc_endpoint_route_table_association.
func endpointRouteTables(e *config.Instance) []*config.Instance {
	return network.EndpointRouteTables(e)
}

// endpointSubnets returns the subnets of an interface or GWLB endpoint,
// inline (subnet_ids, subnet_configuration) and through
// aws_vpc_endpoint_subnet_association.
func endpointSubnets(e *config.Instance) []*config.Instance { return network.EndpointSubnets(e) }

// endpointSecurityGroups returns the security groups of an endpoint,
// inline and through aws_vpc_endpoint_security_group_association.
func endpointSecurityGroups(e *config.Instance) []*config.Instance {
	return uniqueInstances(e.Links("security_group_ids"),
		via(e, schema.TypeVPCEndpointSecurityGroupAssoc, "vpc_endpoint_id", "security_group_id"))
}

// parsedPolicy parses a known policy attribute; ok is false when it is
// unknown, null or not valid JSON.
func parsedPolicy(inst *config.Instance, attr string) (*policydoc.Document, bool) {
	return network.ParsedPolicy(inst, attr)
}

// unexpanded reports whether some resource block of one of the types has
// an unknown count or for_each, so that its instances, if any, are missing
// from Model.OfType and from every instance's Referrers. A rule that
// concludes something is missing (no route table, no bucket policy, no
// versioning) stays silent when a block of a type that could supply it is
// unexpanded.
func unexpanded(m *config.Model, types ...schema.TypeName) bool {
	return network.Unexpanded(m, types...)
}

// partitionOf returns an instance's partition, or "" when unknown.
func partitionOf(inst *config.Instance) string { return network.PartitionOf(inst) }
