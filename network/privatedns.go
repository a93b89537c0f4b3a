package network

import (
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

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
}

// PrivateDNSNeedsVPCAttributes answers, for an interface endpoint with
// private DNS on, whether its VPC has both DNS attributes. It returns
// ok false when the endpoint is not an interface endpoint with private DNS
// known to be on, or its VPC is not resolved: then there is nothing to
// say. With Missing non-empty, AWS refuses private DNS for the endpoint
// and the service's default name does not resolve to it; the rule
// aws_vpc_endpoint_private_dns_vpc_attributes and explain's paths both
// read this.
func PrivateDNSNeedsVPCAttributes(e *config.Instance) (a PrivateDNSVPCAttributes, ok bool) {
	if t, ok := EndpointType(e); !ok || t != schema.EndpointInterface {
		return a, false
	}
	if dns, ok := boolAttr(e, "private_dns_enabled"); !ok || !dns {
		return a, false
	}
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
