package schema

import "github.com/zclconf/go-cty/cty"

// LB is aws_lb (also known as aws_alb, which vpcplan does not accept). Its
// id is its ARN. Many attributes apply to one load balancer type only; the
// provider ignores them for the others.
var LB = managed(TypeLB,
	"An Elastic Load Balancing v2 load balancer: an Application, Network or Gateway Load Balancer.",
	map[string]*Attribute{
		"name":        optionalComputed(cty.String, "The name, up to 32 characters; Terraform generates one when it and name_prefix are omitted.").forceNew(),
		"name_prefix": optionalComputed(cty.String, "A prefix for a generated unique name; conflicts with name.").forceNew(),
		"load_balancer_type": optional(cty.String, `The type, "application", "network" or "gateway".`).
			forceNew().withDefault(cty.StringVal("application")),
		"internal":        optionalComputed(cty.Bool, "Whether the load balancer is internal rather than internet-facing.").forceNew(),
		"ip_address_type": optionalComputed(cty.String, `The IP address type, "ipv4", "dualstack" or "dualstack-without-public-ipv4".`),
		"subnets": optionalComputed(cty.Set(cty.String), "The IDs of the subnets the load balancer is placed in, one per Availability Zone; conflicts with subnet_mapping.").
			refersTo(idOf(TypeSubnet)),
		"security_groups": optionalComputed(cty.Set(cty.String), "The IDs of the security groups of an Application or Network Load Balancer.").
			refersTo(securityGroupRefs()...),
		"customer_owned_ipv4_pool": optional(cty.String, "The customer-owned IPv4 address pool (Outposts).").forceNew(),
		"enable_deletion_protection": optional(cty.Bool, "Whether AWS refuses to delete the load balancer.").
			withDefault(cty.False),
		"enable_cross_zone_load_balancing": optional(cty.Bool, "Whether a Network or Gateway Load Balancer balances across Availability Zones; always on for Application Load Balancers.").
			withDefault(cty.False),
		"enable_zonal_shift": optional(cty.Bool, "Whether zonal shift is enabled (Application and Network Load Balancers).").
			withDefault(cty.False),
		"dns_record_client_routing_policy": optional(cty.String, `How a Network Load Balancer's DNS record routes clients across zones, such as "any_availability_zone".`).
			withDefault(cty.StringVal("any_availability_zone")),
		"enforce_security_group_inbound_rules_on_private_link_traffic": optionalComputed(cty.String, `Whether a Network Load Balancer applies its security groups to PrivateLink traffic, "on" or "off".`),
		"client_keep_alive": optional(cty.Number, "The client keep-alive duration in seconds (Application Load Balancers).").
			withDefault(cty.NumberIntVal(3600)),
		"idle_timeout": optional(cty.Number, "The connection idle timeout in seconds (Application Load Balancers).").
			withDefault(cty.NumberIntVal(60)),
		"desync_mitigation_mode": optional(cty.String, `How HTTP desync is handled, "monitor", "defensive" or "strictest" (Application Load Balancers).`).
			withDefault(cty.StringVal("defensive")),
		"drop_invalid_header_fields": optional(cty.Bool, "Whether invalid HTTP header fields are removed (Application Load Balancers).").
			withDefault(cty.False),
		"enable_http2": optional(cty.Bool, "Whether HTTP/2 is enabled (Application Load Balancers).").
			withDefault(cty.True),
		"enable_tls_version_and_cipher_suite_headers": optional(cty.Bool, "Whether TLS version and cipher suite headers are added to requests (Application Load Balancers).").
			withDefault(cty.False),
		"enable_waf_fail_open": optional(cty.Bool, "Whether requests are forwarded when AWS WAF cannot be reached (Application Load Balancers).").
			withDefault(cty.False),
		"enable_xff_client_port": optional(cty.Bool, "Whether the X-Forwarded-For header keeps the client port (Application Load Balancers).").
			withDefault(cty.False),
		"preserve_host_header": optional(cty.Bool, "Whether the Host header is passed to targets unchanged (Application Load Balancers).").
			withDefault(cty.False),
		"xff_header_processing_mode": optional(cty.String, `How the X-Forwarded-For header is handled, "append", "preserve" or "remove" (Application Load Balancers).`).
			withDefault(cty.StringVal("append")),

		"arn":        computed(cty.String, "The ARN of the load balancer."),
		"arn_suffix": computed(cty.String, "The ARN suffix used in CloudWatch metrics."),
		"dns_name":   computed(cty.String, "The DNS name of the load balancer."),
		"vpc_id":     computed(cty.String, "The ID of the VPC of the load balancer's subnets."),
		"zone_id":    computed(cty.String, "The hosted zone ID of the DNS name, for alias records."),
		"id":         computed(cty.String, "The ARN of the load balancer."),
	},
	map[string]*NestedBlock{
		"access_logs":     lbLogsBlock("access logs"),
		"connection_logs": lbLogsBlock("connection logs"),
		"subnet_mapping": setBlock(0, 0, "A subnet of the load balancer with its addresses; conflicts with subnets.", Block{Attributes: map[string]*Attribute{
			"subnet_id":            required(cty.String, "The ID of the subnet.").refersTo(idOf(TypeSubnet)),
			"allocation_id":        optional(cty.String, "The allocation ID of the Elastic IP address of an internet-facing Network Load Balancer."),
			"private_ipv4_address": optional(cty.String, "The private IPv4 address of an internal Network Load Balancer."),
			"ipv6_address":         optional(cty.String, "The IPv6 address of a Network Load Balancer."),
			"outpost_id":           computed(cty.String, "The ID of the Outpost of the subnet."),
		}}).computed(),
		"ipam_pools": singleBlock("The IPAM pools the load balancer's IPv4 addresses come from (Application Load Balancers).", Block{Attributes: map[string]*Attribute{
			"ipv4_ipam_pool_id": required(cty.String, "The ID of the IPv4 IPAM pool."),
		}}),
		"minimum_load_balancer_capacity": singleBlock("The capacity reserved for the load balancer (Application and Network Load Balancers).", Block{Attributes: map[string]*Attribute{
			"capacity_units": required(cty.Number, "The number of load balancer capacity units."),
		}}),
	}, false).withTimeouts("create", "update", "delete")
