package network

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// PrivateDNSSetting is an endpoint's private DNS as AWS applies it after
// the apply: the endpoint's own private_dns_enabled, or, when an
// aws_vpc_endpoint_private_dns (AWS provider v6) names the endpoint, that
// resource's private_dns_enabled, which the provider sets with
// ModifyVpcEndpoint after the endpoint exists, so it is the last word.
type PrivateDNSSetting struct {
	// On is the setting; it means nothing unless Known.
	On bool
	// Known is false when the setting is unknown: an unknown value, two
	// aws_vpc_endpoint_private_dns that disagree, or such a resource
	// with an unknown count or for_each, which may name the endpoint.
	Known bool
	// From is the instance whose private_dns_enabled decides: the
	// endpoint, or the first aws_vpc_endpoint_private_dns naming it, in
	// address order.
	From *config.Instance
	// Separate lists the aws_vpc_endpoint_private_dns naming the
	// endpoint, in address order.
	Separate []*config.Instance
}

// Range is the tightest range for the setting: the value of the deciding
// private_dns_enabled (the endpoint's block when it is not written).
func (s PrivateDNSSetting) Range() *hcl.Range {
	return s.From.Ranges("private_dns_enabled").Expr.Ptr()
}

// PrivateDNS answers whether private DNS is on for an endpoint, for every
// rule and explain path that asks (see PrivateDNSSetting). It does not
// check the endpoint's type: private DNS applies to interface endpoints.
func PrivateDNS(m *config.Model, e *config.Instance) PrivateDNSSetting {
	s := PrivateDNSSetting{From: e, Separate: Referrers(e, schema.TypeVPCEndpointPrivateDNS, "vpc_endpoint_id")}
	if len(s.Separate) > 0 {
		s.From = s.Separate[0]
	}
	s.On, s.Known = boolAttr(s.From, "private_dns_enabled")
	for _, r := range s.Separate {
		if on, ok := boolAttr(r, "private_dns_enabled"); !ok || on != s.On {
			s.Known = false
		}
	}
	if m != nil && Unexpanded(m, schema.TypeVPCEndpointPrivateDNS) {
		s.Known = false
	}
	return s
}

// PrivateDNSOn reports whether private DNS is known to be on for an
// endpoint (PrivateDNS): ok is false when it is unknown.
func PrivateDNSOn(m *config.Model, e *config.Instance) (on, ok bool) {
	s := PrivateDNS(m, e)
	return s.On && s.Known, s.Known
}

// PrivateDNSVPCAttributes is what the model proves about the VPC DNS
// attributes an interface endpoint's private DNS needs (research
// VPCE-IF-006 and VPC-006): "If you … use private DNS with interface VPC
// endpoints … you must set both" enableDnsSupport and enableDnsHostnames
// to true; the second defaults to false except in the default VPC.
type PrivateDNSVPCAttributes struct {
	// VPC is the endpoint's VPC; nil when it is not resolved.
	VPC *config.Instance
	// Missing lists the attributes known to be false, in the order
	// enable_dns_support, enable_dns_hostnames.
	Missing []string
	// Known is false when an attribute's value is not known yet: with
	// Missing empty, private DNS may or may not work.
	Known bool
	// Setting is where private DNS is turned on (PrivateDNS).
	Setting PrivateDNSSetting
}

// PrivateDNSNeedsVPCAttributes answers, for an interface endpoint with
// private DNS on, whether its VPC has both DNS attributes. It returns
// ok false when the endpoint is not an interface endpoint with private DNS
// known to be on, or its VPC is not resolved: then there is nothing to
// say. With Missing non-empty, AWS refuses private DNS for the endpoint
// and the service's default name does not resolve to it; the rule
// aws_vpc_endpoint_private_dns_vpc_attributes and explain's paths both
// read this.
func PrivateDNSNeedsVPCAttributes(m *config.Model, e *config.Instance) (a PrivateDNSVPCAttributes, ok bool) {
	if t, ok := EndpointType(e); !ok || t != schema.EndpointInterface {
		return a, false
	}
	dns := PrivateDNS(m, e)
	if !dns.Known || !dns.On {
		return a, false
	}
	a.Setting = dns
	a.VPC = VPCOf(e)
	if a.VPC == nil {
		return a, false
	}
	a.Known = true
	for _, attr := range []string{"enable_dns_support", "enable_dns_hostnames"} {
		v, ok := boolAttr(a.VPC, attr)
		switch {
		case !ok:
			a.Known = false
		case !v:
			a.Missing = append(a.Missing, attr)
		}
	}
	return a, true
}
