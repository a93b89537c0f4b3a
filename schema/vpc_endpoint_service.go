package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpointService is aws_vpc_endpoint_service. Exactly one of
// network_load_balancer_arns and gateway_load_balancer_arns is set; the
// first makes an Interface service, the second a GatewayLoadBalancer one.
var VPCEndpointService = managed(TypeVPCEndpointService,
	"A PrivateLink endpoint service in front of Network or Gateway Load Balancers.",
	map[string]*Attribute{
		"acceptance_required": required(cty.Bool, "Whether the service owner must accept each endpoint connection request."),
		"network_load_balancer_arns": optional(cty.Set(cty.String), "The ARNs of the Network Load Balancers of an Interface endpoint service.").
			refersTo(arnOf(TypeLB), idOf(TypeLB)),
		"gateway_load_balancer_arns": optional(cty.Set(cty.String), "The ARNs of the Gateway Load Balancers of a GatewayLoadBalancer endpoint service.").
			refersTo(arnOf(TypeLB), idOf(TypeLB)),
		"allowed_principals": optionalComputed(cty.Set(cty.String), "The ARNs of the principals (accounts, roles, users, or \"*\") allowed to discover and connect to the service.").
			refersTo(arnOf(TypeIAMRole)),
		"private_dns_name":           optionalComputed(cty.String, "The private DNS name consumers' endpoints resolve, after domain verification."),
		"supported_ip_address_types": optionalComputed(cty.Set(cty.String), `The IP address types the service accepts, "ipv4" and "ipv6".`),
		"supported_regions":          optionalComputed(cty.Set(cty.String), "The Regions consumers may connect from (cross-Region PrivateLink, since 2024-11-26)."),

		"arn":                     computed(cty.String, "The ARN of the endpoint service."),
		"service_name":            computed(cty.String, "The service name consumers use, com.amazonaws.vpce.<region>.vpce-svc-<id>."),
		"service_type":            computed(cty.String, `The type of endpoint consumers create, "Interface" or "GatewayLoadBalancer".`),
		"state":                   computed(cty.String, "The state of the endpoint service."),
		"availability_zones":      computed(cty.Set(cty.String), "The Availability Zones the service is available in."),
		"base_endpoint_dns_names": computed(cty.Set(cty.String), "The DNS names of the service."),
		"manages_vpc_endpoints":   computed(cty.Bool, "Whether the service manages its VPC endpoints."),
		"private_dns_name_configuration": computed(cty.List(cty.Object(map[string]cty.Type{
			"name": cty.String, "state": cty.String, "type": cty.String, "value": cty.String,
		})), "The DNS TXT record that verifies the private DNS name's domain, and its state."),
	}, nil, false).withTimeouts("create", "update", "delete")
