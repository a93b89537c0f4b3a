package planner

import (
	"strconv"
	"strings"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The network types: VPCs, subnets, routing, gateways, security groups,
// VPC endpoints and endpoint services, load balancers and Resolver
// endpoints.

// vpcMainRouteTable, vpcDefaultSecurityGroup and vpcDefaultNetworkACL are
// the objects AWS creates with a VPC. They derive from the VPC's id, so
// that the VPC and the resources that name the VPC (a main route table
// association's original route table, an interface endpoint's default
// security group) agree.
func vpcMainRouteTable(vpcID string) string { return "rtb-" + hashHex(17, "main route table", vpcID) }

func vpcDefaultSecurityGroup(vpcID string) string {
	return "sg-" + hashHex(17, "default security group", vpcID)
}

func vpcDefaultNetworkACL(vpcID string) string {
	return "acl-" + hashHex(17, "default network acl", vpcID)
}

// defaultVPC is the id of the default VPC of an account's Region, which
// resources that name no VPC land in.
func defaultVPC(account, region string) string {
	return "vpc-" + hashHex(17, "default vpc", account, region)
}

// vpcAttr returns a known string attribute of the VPC with the given id
// when lookup knows it, else "".
func (f *filler) vpcAttr(id, attr string) string {
	if f.lookup == nil || id == "" {
		return ""
	}
	v, ok := f.lookup(schema.TypeVPC, id)
	if !ok || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(attr) {
		return ""
	}
	a := v.GetAttr(attr)
	if !a.IsKnown() || a.IsNull() || a.Type() != cty.String {
		return ""
	}
	return a.AsString()
}

// ipamCIDR is the IPv4 block an IPAM pool allocates: netmask bits (the
// pool's default when the configuration gives none) inside parent.
func (o *object) ipamCIDR(parent string, defaultBits int64, label string) string {
	bits, ok := o.number("ipv4_netmask_length")
	if !ok {
		bits = defaultBits
	}
	return cidrIn(parent, int(bits), label)
}

func (o *object) fillVPC() {
	f := o.f
	id := o.str("id")
	o.setS("arn", f.arn("ec2", f.reg(), f.account, "vpc/"+id))
	if o.unknown("cidr_block") {
		o.setS("cidr_block", o.ipamCIDR("10.0.0.0/8", 16, "ipam "+id))
	}
	o.setS("main_route_table_id", vpcMainRouteTable(id))
	o.setS("default_route_table_id", vpcMainRouteTable(id))
	o.setS("default_security_group_id", vpcDefaultSecurityGroup(id))
	o.setS("default_network_acl_id", vpcDefaultNetworkACL(id))
	// Every VPC of an account's Region starts with the Region's default
	// DHCP options set.
	o.setS("dhcp_options_id", "dopt-"+hashHex(17, "dhcp options", f.account, f.reg()))
	o.setBool("enable_dns_support", true)
	o.setBool("enable_dns_hostnames", false)
	o.setBool("enable_network_address_usage_metrics", false)
	o.setS("instance_tenancy", "default")
	generated, _ := o.boolean("assign_generated_ipv6_cidr_block")
	if generated || o.str("ipv6_ipam_pool_id") != "" || o.str("ipv6_cidr_block") != "" {
		bits, ok := o.number("ipv6_netmask_length")
		if !ok {
			bits = 56
		}
		o.setS("ipv6_cidr_block", amazonIPv6Block(f.reg(), int(bits), "ipv6 "+id))
		o.setS("ipv6_association_id", f.awsID("vpc-cidr-assoc-", "ipv6 association "+o.str("ipv6_cidr_block")))
		o.setS("ipv6_cidr_block_network_border_group", f.reg())
	}
	// Without IPv6 the provider (SDKv2, which has no null string) records
	// the IPv6 block, association and border group as "", not null: code
	// such as join("", aws_vpc.this[*].ipv6_cidr_block) depends on it.
	for _, name := range []string{"ipv6_cidr_block", "ipv6_association_id", "ipv6_cidr_block_network_border_group"} {
		o.set(name, cty.StringVal(""))
	}
}

func (o *object) fillVPCCIDRAssociation() {
	if o.unknown("cidr_block") {
		parent := "10.0.0.0/8"
		o.setS("cidr_block", o.ipamCIDR(parent, 16, "ipam "+o.str("id")))
	}
}

func (o *object) fillSubnet() {
	f := o.f
	id := o.str("id")
	reg := f.reg()
	o.setS("arn", f.arn("ec2", reg, f.account, "subnet/"+id))
	if o.unknown("availability_zone") {
		if azid := o.str("availability_zone_id"); azid != "" {
			o.setS("availability_zone", azFromID(reg, azid))
		}
		o.setS("availability_zone", pickAZ(reg, "az "+id))
	}
	o.setS("availability_zone_id", azID(o.str("availability_zone")))
	if native, _ := o.boolean("ipv6_native"); native && o.unknown("cidr_block") {
		o.setS("cidr_block", "") // an IPv6-only subnet has no IPv4 block
	}
	if o.unknown("cidr_block") {
		o.setS("cidr_block", o.ipamCIDR(f.or(f.vpcAttr(o.str("vpc_id"), "cidr_block"), "10.0.0.0/8"), 24, "ipam "+id))
	}
	if o.unknown("ipv6_cidr_block") && o.str("ipv6_ipam_pool_id") != "" {
		bits, ok := o.number("ipv6_netmask_length")
		if !ok {
			bits = 64
		}
		parent := f.vpcAttr(o.str("vpc_id"), "ipv6_cidr_block")
		if parent == "" {
			parent = amazonIPv6Block(reg, 56, "ipv6 "+o.str("vpc_id"))
		}
		o.setS("ipv6_cidr_block", cidrIn(parent, int(bits), "ipv6 "+id))
	}
	if o.str("ipv6_cidr_block") != "" {
		o.setS("ipv6_cidr_block_association_id", f.awsID("subnet-cidr-assoc-", "ipv6 association "+o.str("ipv6_cidr_block")))
	}
	// Without IPv6 the provider (SDKv2, which has no null string) records
	// the IPv6 block and its association as "", as for a VPC (fillVPC):
	// join("", aws_subnet.s[*].ipv6_cidr_block_association_id) depends on it.
	for _, name := range []string{"ipv6_cidr_block", "ipv6_cidr_block_association_id"} {
		o.set(name, cty.StringVal(""))
	}
	o.setS("private_dns_hostname_type_on_launch", "ip-name")
}

func (o *object) fillRouteTable() {
	f := o.f
	o.setS("arn", f.arn("ec2", f.reg(), f.account, "route-table/"+o.str("id")))
	o.setStrings("propagating_vgws", nil)
	// route: AWS's only route of a new table is the local one, which the
	// provider leaves out; the blocks stay empty.
}

func (o *object) fillRoute() {
	o.setS("origin", "CreateRoute")
	o.setS("state", "active")
	// instance_id, instance_owner_id and network_interface_id stay null
	// unless the route targets an instance's interface: AWS reports them
	// for routes to instances only.
}

func (o *object) fillMainRouteTableAssociation() {
	o.setS("original_route_table_id", vpcMainRouteTable(o.str("vpc_id")))
}

func (o *object) fillInternetGateway() {
	f := o.f
	o.setS("arn", f.arn("ec2", f.reg(), f.account, "internet-gateway/"+o.str("id")))
	// vpc_id stays null for a gateway the configuration does not attach.
}

func (o *object) fillNATGateway() {
	f := o.f
	id := o.str("id")
	subnet := o.str("subnet_id")
	o.setS("network_interface_id", f.awsID("eni-", "eni"))
	o.setS("private_ip", f.addressIn(subnet, "nat "+id))
	if o.str("connectivity_type") != "private" {
		o.setS("association_id", f.awsID("eipassoc-", "association"))
		o.setS("public_ip", publicIPv4("eip "+f.or(o.str("allocation_id"), id)))
	}
	if o.unknown("secondary_private_ip_address_count") {
		o.setInt("secondary_private_ip_address_count", int64(len(o.strs("secondary_private_ip_addresses"))))
	}
	if o.unknown("secondary_private_ip_addresses") {
		n, _ := o.number("secondary_private_ip_address_count")
		var addrs []string
		for i := int64(0); i < n && i < 31; i++ {
			addrs = append(addrs, f.addressIn(subnet, "nat secondary "+id+" "+strconv.FormatInt(i, 10)))
		}
		o.setStrings("secondary_private_ip_addresses", addrs)
	}
}

func (o *object) fillSecurityGroup() {
	f := o.f
	o.setS("arn", f.arn("ec2", f.reg(), f.account, "security-group/"+o.str("id")))
	// A group created without vpc_id belongs to the default VPC.
	o.setS("vpc_id", defaultVPC(f.account, f.reg()))
	// ingress and egress: the provider removes the egress rule AWS
	// creates, so a new group has no rules beyond the configured ones.
}

func (o *object) fillSecurityGroupRule() {
	o.setS("security_group_rule_id", o.f.awsID("sgr-", "rule"))
	// source_security_group_id stays null for a rule that names CIDR
	// blocks, prefix lists or the group itself.
}

func (o *object) fillVPCSecurityGroupRule() {
	f := o.f
	id := o.str("id")
	o.setS("arn", f.arn("ec2", f.reg(), f.account, "security-group-rule/"+id))
	o.setS("security_group_rule_id", id)
}

// fillEndpoint fills a VPC endpoint as the provider reads it back: the
// prefix list of its service (S3 and DynamoDB), the network interfaces,
// DNS entries and subnet configuration of an interface or Gateway Load
// Balancer endpoint, AWS's default policy and DNS options, and the VPC's
// default security group for an interface endpoint given none.
func (o *object) fillEndpoint() {
	f := o.f
	id := o.str("id")
	reg := f.reg()
	o.setS("arn", f.arn("ec2", reg, f.account, "vpc-endpoint/"+id))
	o.setS("state", "available")
	o.setBool("requester_managed", false)
	o.setBool("private_dns_enabled", false)
	o.setS("ip_address_type", "ipv4")
	typ := schema.EndpointType(f.or(o.str("vpc_endpoint_type"), string(schema.EndpointGateway)))
	service := o.str("service_name")
	name, parsed := schema.ParseServiceName(service)
	if o.unknown("service_region") {
		if parsed && name.Region != "" {
			o.setS("service_region", name.Region)
		}
		o.setS("service_region", reg)
	}
	pl, cidrs := prefixList(service, reg)
	o.setS("prefix_list_id", pl)
	o.setStrings("cidr_blocks", cidrs)

	withENIs := typ == schema.EndpointInterface || typ == schema.EndpointGatewayLoadBalancer ||
		typ == schema.EndpointResource || typ == schema.EndpointServiceNetwork
	if o.unknown("subnet_ids") && withENIs {
		// Subnets given only through subnet_configuration.
		var subnets []string
		if v := o.attrs["subnet_configuration"]; v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				if s := e.GetAttr("subnet_id"); s.IsKnown() && !s.IsNull() {
					subnets = append(subnets, s.AsString())
				}
			}
		}
		o.setStrings("subnet_ids", subnets)
	}
	o.setStrings("subnet_ids", nil)
	var subnets []string
	if withENIs {
		subnets = o.strs("subnet_ids")
	}
	enis := make([]string, len(subnets))
	for i, s := range subnets {
		enis[i] = "eni-" + f.hex("eni "+s, 17)
	}
	o.setStrings("network_interface_ids", enis)
	o.setStrings("route_table_ids", nil)
	if vpc := o.str("vpc_id"); typ == schema.EndpointInterface && vpc != "" {
		o.setStrings("security_group_ids", []string{vpcDefaultSecurityGroup(vpc)})
	}
	o.setStrings("security_group_ids", nil)
	if typ == schema.EndpointGateway || typ == schema.EndpointInterface {
		o.setS("policy", allowAllPolicy)
	}
	// Gateway Load Balancer, Resource and ServiceNetwork endpoints take no
	// policy: null.

	if o.unknown("dns_entry") {
		o.attrs["dns_entry"] = o.endpointDNSEntries(typ, name, subnets)
	}

	recordType := "ipv4"
	if t := o.str("ip_address_type"); t == "dualstack" || t == "ipv6" {
		recordType = t
	}
	// AWS turns private DNS "only for inbound Resolver endpoints" on by
	// default for an S3 interface endpoint with private DNS (aws-rules.md
	// VPCE-S3IF-005), and reports the option for no other endpoint: null
	// there (the provider's state shows false, its zero value).
	options := map[string]cty.Value{"dns_record_ip_type": cty.StringVal(recordType)}
	if privateDNS, _ := o.boolean("private_dns_enabled"); typ == schema.EndpointInterface && parsed && name.Service == "s3" && privateDNS {
		options["private_dns_only_for_inbound_resolver_endpoint"] = cty.True
	}
	if typ != schema.EndpointResource && typ != schema.EndpointServiceNetwork {
		o.defaultBlocks("dns_options", options)
	}
	o.blocks("dns_options", func(_ int, e *object) {
		e.setS("dns_record_ip_type", recordType)
		// private_dns_preference and private_dns_specified_domains belong
		// to Resource and ServiceNetwork endpoints: null elsewhere.
	})
	if len(subnets) > 0 {
		elems := make([]map[string]cty.Value, len(subnets))
		for i, s := range subnets {
			elems[i] = map[string]cty.Value{
				"subnet_id": cty.StringVal(s),
				"ipv4":      stringOrNull(f.addressIn(s, "vpce "+id)),
			}
		}
		o.defaultBlocks("subnet_configuration", elems...)
	}
}

// endpointDNSEntries are the DNS names AWS gives an interface endpoint: a
// Regional name, one per Availability Zone of its subnets, and with private
// DNS the service's own names in a private hosted zone. Other endpoints
// have none.
func (o *object) endpointDNSEntries(typ schema.EndpointType, name schema.ServiceName, subnets []string) cty.Value {
	f := o.f
	ety := o.attrs["dns_entry"].Type().ElementType()
	if typ != schema.EndpointInterface || len(subnets) == 0 {
		return cty.ListValEmpty(ety)
	}
	id := o.str("id")
	reg := f.reg()
	svc := name.Service
	if name.IsEndpointService() {
		svc = name.EndpointServiceID
	}
	if svc == "" {
		svc = "service"
	}
	suffix := "." + svc + "." + reg + ".vpce." + dnsSuffix(f.partition)
	zone := zoneID("vpce", reg)
	host := id + "-" + f.hex("dns", 8)
	entry := func(dns, zone string) cty.Value {
		return objectOf(ety, map[string]cty.Value{"dns_name": cty.StringVal(dns), "hosted_zone_id": cty.StringVal(zone)})
	}
	entries := []cty.Value{entry(host+suffix, zone)}
	seen := map[string]bool{}
	for _, s := range subnets {
		az := f.subnetAZ(s)
		if !seen[az] {
			seen[az] = true
			entries = append(entries, entry(host+"-"+az+suffix, zone))
		}
	}
	if privateDNS, _ := o.boolean("private_dns_enabled"); privateDNS && !name.IsEndpointService() && name.Service != "" {
		private := zoneID("private dns", id)
		entries = append(entries, entry(name.Service+"."+reg+"."+dnsSuffix(f.partition), private))
		if name.Service == "s3" {
			entries = append(entries, entry("*.s3."+reg+"."+dnsSuffix(f.partition), private))
		}
	}
	return cty.ListVal(entries)
}

func (o *object) fillEndpointPolicy() {
	// Without a policy, the provider restores AWS's default one.
	o.setS("policy", allowAllPolicy)
}

func (o *object) fillEndpointService() {
	f := o.f
	id := o.str("id")
	reg := f.reg()
	o.setS("arn", f.arn("ec2", reg, f.account, "vpc-endpoint-service/"+id))
	o.setS("service_name", "com.amazonaws.vpce."+reg+"."+id)
	t := "Interface"
	if len(o.strs("gateway_load_balancer_arns")) > 0 {
		t = "GatewayLoadBalancer"
	}
	o.setS("service_type", t)
	o.setS("state", "Available")
	o.setBool("manages_vpc_endpoints", false)
	o.setStrings("allowed_principals", nil)
	o.setStrings("supported_ip_address_types", []string{"ipv4"})
	o.setStrings("supported_regions", []string{reg})
	// The zones of the load balancers, which vpcplan does not know: the
	// Region's first two.
	o.setStrings("availability_zones", []string{reg + "a", reg + "b"})
	o.setStrings("base_endpoint_dns_names", []string{id + "." + reg + ".vpce." + dnsSuffix(f.partition)})
	if o.unknown("private_dns_name_configuration") {
		ety := o.attrs["private_dns_name_configuration"].Type().ElementType()
		if o.str("private_dns_name") == "" {
			o.attrs["private_dns_name_configuration"] = cty.ListValEmpty(ety)
		} else {
			o.attrs["private_dns_name_configuration"] = cty.ListVal([]cty.Value{objectOf(ety, map[string]cty.Value{
				"name":  cty.StringVal("_" + f.hex("dns verification name", 20)),
				"state": cty.StringVal("pendingVerification"),
				"type":  cty.StringVal("TXT"),
				"value": cty.StringVal("vpce:" + f.hex("dns verification value", 20)),
			})})
		}
	}
}

func (o *object) fillLB() {
	f := o.f
	id := o.str("id")
	reg := f.reg()
	name := o.str("name")
	typ := f.or(o.str("load_balancer_type"), "application")
	o.setS("arn", id)
	if i := strings.Index(id, ":loadbalancer/"); i >= 0 {
		o.setS("arn_suffix", id[i+len(":loadbalancer/"):])
	}
	internal, _ := o.boolean("internal")
	o.setBool("internal", false)
	switch typ {
	case "application":
		prefix := ""
		if internal {
			prefix = "internal-"
		}
		o.setS("dns_name", prefix+name+"-"+f.digits("dns", 10)+"."+reg+".elb."+dnsSuffix(f.partition))
		o.setS("zone_id", tableOr(albHostedZones, "alb", reg))
	default:
		o.setS("dns_name", name+"-"+f.hex("dns", 16)+".elb."+reg+"."+dnsSuffix(f.partition))
		o.setS("zone_id", tableOr(nlbHostedZones, "nlb", reg))
	}
	o.setS("ip_address_type", "ipv4")
	// subnets and subnet_mapping describe the same subnets: each is filled
	// from the other.
	if o.unknown("subnets") {
		var subnets []string
		if v := o.attrs["subnet_mapping"]; v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				if s := e.GetAttr("subnet_id"); s.IsKnown() && !s.IsNull() {
					subnets = append(subnets, s.AsString())
				}
			}
		}
		o.setStrings("subnets", subnets)
	}
	subnets := o.strs("subnets")
	mappings := make([]map[string]cty.Value, len(subnets))
	for i, s := range subnets {
		mappings[i] = map[string]cty.Value{"subnet_id": cty.StringVal(s)}
	}
	o.defaultBlocks("subnet_mapping", mappings...)
	// outpost_id: AWS reports none outside Outposts.
	vpc := ""
	for _, s := range subnets {
		if vpc = f.subnetVPC(s); vpc != "" {
			break
		}
	}
	o.setS("vpc_id", vpc)
	if typ == "application" && vpc != "" {
		// An Application Load Balancer created without security groups
		// gets its VPC's default group.
		o.setStrings("security_groups", []string{vpcDefaultSecurityGroup(vpc)})
	}
	o.setStrings("security_groups", nil)
	if typ == "network" && len(o.strs("security_groups")) > 0 {
		o.setS("enforce_security_group_inbound_rules_on_private_link_traffic", "on")
	}
}

func (o *object) fillResolverEndpoint() {
	f := o.f
	id := o.str("id")
	o.setS("arn", f.arn("route53resolver", f.reg(), f.account, "resolver-endpoint/"+id))
	o.setStrings("protocols", []string{"Do53"})
	o.setS("resolver_endpoint_type", "IPV4")
	o.setBool("target_name_server_metrics_enabled", false)
	typ := o.str("resolver_endpoint_type")
	var subnets []string
	o.blocks("ip_address", func(i int, e *object) {
		subnet := e.str("subnet_id")
		label := "resolver " + strconv.Itoa(i)
		if typ != "IPV6" {
			e.setS("ip", f.addressIn(subnet, label))
		}
		if typ == "IPV6" || typ == "DUALSTACK" {
			parent := f.subnetAttr(subnet, "ipv6_cidr_block")
			if parent == "" {
				parent = cidrIn(amazonIPv6Block(f.reg(), 56, "subnet "+subnet), 64, "subnet "+subnet)
			}
			e.setS("ipv6", ipv6HostIn(parent, subnet+"\x00"+label))
		}
		// Without IPv6 AWS reports no IPv6 address: ipv6 stays null.
		e.setS("ip_id", f.awsID("rni-", "rni "+strconv.Itoa(i)))
	})
	if v := o.attrs["ip_address"]; v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if s := e.GetAttr("subnet_id"); s.IsKnown() && !s.IsNull() {
				subnets = append(subnets, s.AsString())
			}
		}
	}
	vpc := ""
	for _, s := range subnets {
		if vpc = f.subnetVPC(s); vpc != "" {
			break
		}
	}
	o.setS("host_vpc_id", vpc)
}
