package schema

import "github.com/zclconf/go-cty/cty"

// VPCEndpoint is aws_vpc_endpoint. Exactly one of service_name,
// resource_configuration_arn and service_network_arn names the target.
//
// Two replacement rules are not expressible as ForceNew here and are the
// planner's: the provider forces replacement when private_dns_enabled
// changes on an endpoint that is not of type Interface, and AWS cannot move
// a Gateway Load Balancer endpoint to another subnet, so a change of its
// subnet_ids means a new endpoint although the provider does not say so.
var VPCEndpoint = managed(TypeVPCEndpoint,
	"A private connection from a VPC to a service: a gateway, interface, Gateway Load Balancer, resource or service network endpoint.",
	map[string]*Attribute{
		"vpc_id": required(cty.String, "The ID of the VPC the endpoint is created in.").
			forceNew().refersTo(idOf(TypeVPC)),
		"service_name": optional(cty.String, "The service to connect to: com.amazonaws.<region>.<service> for AWS services, the service_name of an endpoint service otherwise.").
			forceNew().refersTo(Ref{Type: TypeVPCEndpointService, Attr: "service_name"}),
		"vpc_endpoint_type": optional(cty.String, `The endpoint type: "Gateway", "Interface", "GatewayLoadBalancer", "Resource" or "ServiceNetwork".`).
			forceNew().withDefault(cty.StringVal("Gateway")).
			refersTo(Ref{Type: TypeVPCEndpointService, Attr: "service_type"}),
		"service_region": optionalComputed(cty.String, "The Region of the service (cross-Region PrivateLink); the endpoint's Region when omitted.").
			forceNew(),
		"resource_configuration_arn": optional(cty.String, "The ARN of the VPC Lattice resource configuration a Resource endpoint connects to.").forceNew(),
		"service_network_arn":        optional(cty.String, "The ARN of the VPC Lattice service network a ServiceNetwork endpoint connects to.").forceNew(),
		"auto_accept":                optional(cty.Bool, "Whether to accept the endpoint connection; the endpoint and the endpoint service must be in the same account."),
		"policy":                     optionalComputed(cty.String, "The endpoint policy, a JSON IAM policy document; full access when omitted. Gateway Load Balancer endpoints take none."),
		"private_dns_enabled": optionalComputed(cty.Bool, "Whether to associate a private hosted zone with the VPC so the service's default DNS name resolves to the endpoint (Interface endpoints). A change replaces a non-Interface endpoint.").
			withDefault(cty.False),
		"ip_address_type": optionalComputed(cty.String, `The IP address type of the endpoint, "ipv4", "dualstack" or "ipv6".`),
		"route_table_ids": optionalComputed(cty.Set(cty.String), "The IDs of the route tables that get a route to the service (Gateway endpoints).").
			refersTo(routeTableRefs()...),
		"subnet_ids": optionalComputed(cty.Set(cty.String), "The IDs of the subnets that get an endpoint network interface, at most one per Availability Zone (Interface and Gateway Load Balancer endpoints).").
			refersTo(idOf(TypeSubnet)),
		"security_group_ids": optionalComputed(cty.Set(cty.String), "The IDs of the security groups of the endpoint network interfaces (Interface endpoints); the VPC's default security group when omitted.").
			refersTo(securityGroupRefs()...),

		"arn":            computed(cty.String, "The ARN of the VPC endpoint."),
		"cidr_blocks":    computed(cty.List(cty.String), "The CIDR blocks of the service's prefix list (Gateway endpoints)."),
		"prefix_list_id": computed(cty.String, "The ID of the service's prefix list (Gateway endpoints), for routes and security group rules."),
		"network_interface_ids": computed(cty.Set(cty.String), "The IDs of the endpoint network interfaces (Interface endpoints).").
			recomputedOn("subnet_ids"),
		"owner_id":          computed(cty.String, "The ID of the account that owns the VPC endpoint."),
		"requester_managed": computed(cty.Bool, "Whether the endpoint is managed by its service."),
		"state":             computed(cty.String, "The state of the VPC endpoint."),
		"dns_entry": computed(cty.List(cty.Object(map[string]cty.Type{"dns_name": cty.String, "hosted_zone_id": cty.String})),
			"The DNS names of the endpoint (Interface endpoints), each with its hosted zone ID.").
			recomputedOn("subnet_ids"),
	},
	map[string]*NestedBlock{
		"dns_options": singleBlock("The DNS options of the endpoint.", Block{Attributes: map[string]*Attribute{
			"dns_record_ip_type":                             optionalComputed(cty.String, `The DNS records created for the endpoint: "ipv4", "dualstack", "ipv6" or "service-defined".`),
			"private_dns_only_for_inbound_resolver_endpoint": optional(cty.Bool, "Whether private DNS applies only to queries from inbound Resolver endpoints, leaving in-VPC traffic to the gateway endpoint; services with both gateway and interface endpoints (S3) only, with private_dns_enabled. AWS assumes true when it is omitted."),
			"private_dns_preference": optionalComputed(cty.String, `Which private DNS domains are used: "ALL_DOMAINS", "VERIFIED_DOMAINS_ONLY", "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" or "SPECIFIED_DOMAINS_ONLY".`).
				forceNew(),
			"private_dns_specified_domains": optionalComputed(cty.Set(cty.String), "The private DNS domains used with a SPECIFIED_DOMAINS preference, 1 to 10.").
				forceNew(),
		}}).computed(),
		"subnet_configuration": setBlock(0, 0, "The IP addresses of the endpoint network interface in one subnet; the subnet must also be in subnet_ids.", Block{Attributes: map[string]*Attribute{
			"subnet_id": optional(cty.String, "The ID of the subnet.").refersTo(idOf(TypeSubnet)),
			"ipv4":      optional(cty.String, "The IPv4 address of the network interface in the subnet."),
			"ipv6":      optional(cty.String, "The IPv6 address of the network interface in the subnet."),
		}}).computed(),
	}, false).withTimeouts("create", "update", "delete")
