package validate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/network"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// awsVPCEndpointGatewayDeleteBlocked: research VPCE-GW-016. AWS refuses to
// delete an S3 gateway endpoint while an S3 interface endpoint in the same
// VPC keeps private DNS "only for inbound resolver endpoints": "If you want
// to delete your gateway endpoint you must first clear Enable private DNS
// only for inbound endpoints."
var awsVPCEndpointGatewayDeleteBlocked = &Rule{
	ID:       "aws_vpc_endpoint_gateway_delete_blocked",
	Summary:  "The plan deletes an S3 gateway endpoint that an S3 interface endpoint's inbound-only private DNS still needs",
	Severity: hcl.DiagError,
	PlanTime: true,
	Check: func(in *Input) hcl.Diagnostics {
		// VPC id → the deleted S3 gateway endpoints in it.
		deleted := map[string][]schema.InstanceAddr{}
		for _, d := range in.Deleted {
			if d.Addr.Resource.Type != schema.TypeVPCEndpoint || !d.Value.IsKnown() || d.Value.IsNull() {
				continue
			}
			if objString(d.Value, "vpc_endpoint_type") != string(schema.EndpointGateway) || !isS3Service(in, objString(d.Value, "service_name")) {
				continue
			}
			if vpc := objString(d.Value, "vpc_id"); vpc != "" {
				deleted[vpc] = append(deleted[vpc], d.Addr)
			}
		}
		if len(deleted) == 0 {
			return nil
		}
		var diags hcl.Diagnostics
		for _, e := range in.Model.OfType(schema.TypeVPCEndpoint) {
			t, ok := endpointType(e)
			if !ok || t != schema.EndpointInterface {
				continue
			}
			if s, _ := str(e, "service_name"); !isS3Service(in, s) {
				continue
			}
			if dns, _ := network.PrivateDNSOn(in.Model, e); !dns {
				continue
			}
			// Unset means AWS's default, true.
			if v, ok := nested(e, "dns_options", 0, "private_dns_only_for_inbound_resolver_endpoint"); ok && v.False() {
				continue
			}
			vpc, ok := str(e, "vpc_id")
			if !ok {
				continue
			}
			for _, gw := range deleted[vpc] {
				rng := e.Ranges("dns_options[0].private_dns_only_for_inbound_resolver_endpoint")
				diags = append(diags, &hcl.Diagnostic{
					Summary: "Gateway endpoint deletion blocked",
					Detail: fmt.Sprintf("The plan deletes the S3 gateway endpoint %s, but %s in the same VPC keeps private DNS only for inbound resolver endpoints, which relies on it; AWS refuses the deletion. First apply a change that sets private_dns_only_for_inbound_resolver_endpoint = false (or removes the interface endpoint), then delete the gateway endpoint.",
						gw, e.Addr),
					Subject: rng.Expr.Ptr(),
				})
			}
		}
		return diags
	},
}

// objString returns a known string attribute of an object value, or "".
func objString(v cty.Value, attr string) string {
	if !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(attr) {
		return ""
	}
	x := v.GetAttr(attr)
	if !x.IsKnown() || x.IsNull() || x.Type() != cty.String {
		return ""
	}
	return x.AsString()
}

// isS3Service reports whether a service name is a Regional S3 service whose
// catalog entry has the inbound-resolver-only private DNS option.
func isS3Service(in *Input, name string) bool {
	sn, ok := schema.ParseServiceName(name)
	if !ok {
		return false
	}
	svc := in.Services.Resolve(sn)
	return svc != nil && svc.InboundResolverOnly
}
