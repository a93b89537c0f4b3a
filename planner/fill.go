package planner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// filler computes, for one instance, the values AWS would assign at
// creation, in AWS's shapes. Every value derives from the state lineage,
// the instance address and a generation (bumped by a replacement), so the
// same apply always records the same ids, and a replacement gets new ones.
type filler struct {
	lineage    string
	addr       schema.InstanceAddr
	generation string
	account    string
	region     string
	partition  string
}

// hex returns n hex digits derived from the instance and a label.
func (f *filler) hex(label string, n int) string {
	sum := sha256.Sum256([]byte(f.lineage + "\x00" + f.addr.String() + "\x00" + f.generation + "\x00" + label))
	s := hex.EncodeToString(sum[:])
	for len(s) < n {
		s += s
	}
	return s[:n]
}

// digits returns n decimal digits derived from the instance and a label.
func (f *filler) digits(label string, n int) string {
	h := f.hex(label, 2*n)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte('0' + (h[2*i]+h[2*i+1])%10)
	}
	return b.String()
}

func (f *filler) or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// idPrefixes are the prefixes of the ids AWS gives each type.
var idPrefixes = map[schema.TypeName]string{
	schema.TypeVPC:                           "vpc-",
	schema.TypeSubnet:                        "subnet-",
	schema.TypeRouteTable:                    "rtb-",
	schema.TypeInternetGateway:               "igw-",
	schema.TypeNATGateway:                    "nat-",
	schema.TypeSecurityGroup:                 "sg-",
	schema.TypeVPCSecurityGroupIngressRule:   "sgr-",
	schema.TypeVPCSecurityGroupEgressRule:    "sgr-",
	schema.TypeVPCEndpoint:                   "vpce-",
	schema.TypeVPCEndpointService:            "vpce-svc-",
	schema.TypeVPCIPv4CIDRBlockAssociation:   "vpc-cidr-assoc-",
	schema.TypeRouteTableAssociation:         "rtbassoc-",
	schema.TypeMainRouteTableAssociation:     "rtbassoc-",
	schema.TypeVPCEndpointRouteTableAssoc:    "a-vpce-",
	schema.TypeVPCEndpointSubnetAssoc:        "a-vpce-",
	schema.TypeVPCEndpointSecurityGroupAssoc: "vpce-sg-",
}

// fill returns v with every unknown value replaced: the attributes AWS
// computes in AWS's shapes, anything else null.
func (f *filler) fill(sch *schema.Resource, v cty.Value) cty.Value {
	if v.IsNull() {
		return v
	}
	if !v.IsKnown() {
		v = cty.NullVal(v.Type())
	}
	attrs := v.AsValueMap()
	get := func(name string) string {
		x, ok := attrs[name]
		if !ok || !x.IsKnown() || x.IsNull() || x.Type() != cty.String {
			return ""
		}
		return x.AsString()
	}
	set := func(name string, x cty.Value) {
		if cur, ok := attrs[name]; ok && !cur.IsKnown() {
			attrs[name] = x
		}
	}
	setS := func(name, s string) { set(name, cty.StringVal(s)) }

	// Names chosen by AWS or from a prefix come first: ids and ARNs use them.
	switch sch.Type {
	case schema.TypeS3Bucket:
		name := get("bucket")
		if name == "" {
			name = f.or(get("bucket_prefix"), "terraform-") + f.digits("name", 26)
		}
		setS("bucket", name)
		attrs["bucket"] = cty.StringVal(name)
	case schema.TypeIAMRole, schema.TypeIAMPolicy, schema.TypeIAMRolePolicy, schema.TypeSecurityGroup, schema.TypeLB:
		if get("name") == "" {
			setS("name", f.or(get("name_prefix"), "terraform-")+f.digits("name", 26))
		}
	case schema.TypeLambdaPermission:
		if get("statement_id") == "" {
			setS("statement_id", f.or(get("statement_id_prefix"), "terraform-")+f.digits("name", 26))
		}
	}
	name := get("name")
	p, r, a := f.partition, f.region, f.account
	arn := func(service, region, account, resource string) string {
		return fmt.Sprintf("arn:%s:%s:%s:%s:%s", f.or(p, "aws"), service, region, account, resource)
	}

	id := ""
	switch sch.Type {
	case schema.TypeS3Bucket:
		id = get("bucket")
	case schema.TypeS3BucketVersioning, schema.TypeS3BucketPolicy, schema.TypeS3BucketOwnershipControls,
		schema.TypeS3BucketPublicAccessBlock, schema.TypeS3BucketObjectLockConfiguration,
		schema.TypeS3BucketSSEConfiguration, schema.TypeS3BucketReplicationConfiguration:
		id = get("bucket")
	case schema.TypeS3AccessPoint, schema.TypeS3ControlMultiRegionAccessPoint, schema.TypeS3ControlObjectLambdaAccessPoint:
		acct := f.or(get("account_id"), a)
		set("account_id", cty.StringVal(acct))
		n := name
		if sch.Type == schema.TypeS3ControlMultiRegionAccessPoint {
			n = mrapName(attrs)
		}
		id = acct + ":" + n
	case schema.TypeIAMRole, schema.TypeLambdaFunction:
		id = f.or(name, get("function_name"))
	case schema.TypeIAMPolicy:
		id = arn("iam", "", a, "policy"+f.or(get("path"), "/")+name)
	case schema.TypeIAMRolePolicy:
		id = get("role") + ":" + name
	case schema.TypeIAMRolePolicyAttachment:
		id = get("role") + "-" + f.digits("id", 26)
	case schema.TypeKMSKey:
		h := f.hex("key", 32)
		id = h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
		setS("key_id", id)
	case schema.TypeLambdaPermission:
		id = get("statement_id")
	case schema.TypeRoute:
		id = "r-" + get("route_table_id") + f.digits("id", 10)
	case schema.TypeSecurityGroupRule:
		id = "sgrule-" + f.digits("id", 10)
	case schema.TypeRoute53ResolverEndpoint:
		prefix := "rslvr-out-"
		if get("direction") == "INBOUND" {
			prefix = "rslvr-in-"
		}
		id = prefix + f.hex("id", 17)
	case schema.TypeLB:
		id = arn("elasticloadbalancing", r, a, "loadbalancer/"+lbKind(get("load_balancer_type"))+"/"+name+"/"+f.hex("lb", 16))
	case schema.TypeS3ControlAccessPointPolicy, schema.TypeS3ControlMultiRegionAccessPointPolicy, schema.TypeS3ControlObjectLambdaAccessPointPolicy:
		id = f.or(get("access_point_arn"), a+":"+f.hex("id", 8))
	default:
		if prefix, ok := idPrefixes[sch.Type]; ok {
			id = prefix + f.hex("id", 17)
		} else {
			id = f.hex("id", 20)
		}
	}
	setS("id", id)
	set("owner_id", cty.StringVal(a))
	set("tags_all", tagsOf(attrs))

	switch sch.Type {
	case schema.TypeVPC:
		setS("arn", arn("ec2", r, a, "vpc/"+id))
		rtb := "rtb-" + f.hex("main_route_table", 17)
		setS("main_route_table_id", rtb)
		setS("default_route_table_id", rtb)
		setS("default_security_group_id", "sg-"+f.hex("default_sg", 17))
		setS("default_network_acl_id", "acl-"+f.hex("default_acl", 17))
		setS("dhcp_options_id", "dopt-"+f.hex("dopt", 17))
	case schema.TypeSubnet:
		setS("arn", arn("ec2", r, a, "subnet/"+id))
	case schema.TypeRouteTable:
		setS("arn", arn("ec2", r, a, "route-table/"+id))
	case schema.TypeInternetGateway:
		setS("arn", arn("ec2", r, a, "internet-gateway/"+id))
	case schema.TypeSecurityGroup:
		setS("arn", arn("ec2", r, a, "security-group/"+id))
	case schema.TypeVPCSecurityGroupIngressRule, schema.TypeVPCSecurityGroupEgressRule:
		setS("arn", arn("ec2", r, a, "security-group-rule/"+id))
		setS("security_group_rule_id", id)
	case schema.TypeNATGateway:
		setS("network_interface_id", "eni-"+f.hex("eni", 17))
		setS("association_id", "eipassoc-"+f.hex("assoc", 17))
	case schema.TypeRoute:
		setS("origin", "CreateRoute")
		setS("state", "active")
	case schema.TypeVPCEndpoint:
		f.fillEndpoint(attrs, id, arn("ec2", r, a, "vpc-endpoint/"+id))
	case schema.TypeVPCEndpointService:
		setS("arn", arn("ec2", r, a, "vpc-endpoint-service/"+id))
		setS("service_name", "com.amazonaws.vpce."+r+"."+id)
		t := "Interface"
		if x, ok := attrs["gateway_load_balancer_arns"]; ok && x.IsKnown() && !x.IsNull() && x.LengthInt() > 0 {
			t = "GatewayLoadBalancer"
		}
		setS("service_type", t)
		setS("state", "Available")
		set("manages_vpc_endpoints", cty.False)
	case schema.TypeLB:
		setS("arn", id)
		setS("arn_suffix", strings.SplitN(id, ":loadbalancer/", 2)[len(strings.SplitN(id, ":loadbalancer/", 2))-1])
		setS("dns_name", name+"-"+f.hex("dns", 16)+".elb."+r+"."+dnsSuffix(p))
		setS("zone_id", "Z"+strings.ToUpper(f.hex("zone", 13)))
	case schema.TypeRoute53ResolverEndpoint:
		setS("arn", arn("route53resolver", r, a, "resolver-endpoint/"+id))
	case schema.TypeS3Bucket:
		b := id
		setS("arn", fmt.Sprintf("arn:%s:s3:::%s", f.or(p, "aws"), b))
		setS("region", r)
		setS("bucket_region", r)
		setS("bucket_domain_name", b+".s3."+dnsSuffix(p))
		setS("bucket_regional_domain_name", b+".s3."+r+"."+dnsSuffix(p))
		setS("hosted_zone_id", "Z"+strings.ToUpper(f.hex("zone", 13)))
	case schema.TypeS3AccessPoint:
		setS("arn", arn("s3", r, f.or(get("account_id"), a), "accesspoint/"+name))
		setS("alias", name+"-"+f.hex("alias", 34)+"-s3alias")
		origin := "Internet"
		if vc, ok := attrs["vpc_configuration"]; ok && vc.IsKnown() && !vc.IsNull() && vc.LengthInt() > 0 {
			origin = "VPC"
		}
		setS("network_origin", origin)
		setS("domain_name", name+"-"+f.or(get("account_id"), a)+".s3-accesspoint."+r+"."+dnsSuffix(p))
		set("has_public_access_policy", cty.False)
	case schema.TypeS3ControlMultiRegionAccessPoint:
		alias := f.hex("alias", 13) + ".mrap"
		setS("alias", alias)
		setS("arn", fmt.Sprintf("arn:%s:s3::%s:accesspoint/%s", f.or(p, "aws"), f.or(get("account_id"), a), alias))
		setS("domain_name", alias+".accesspoint.s3-global.amazonaws.com")
		setS("status", "READY")
	case schema.TypeS3ControlObjectLambdaAccessPoint:
		setS("arn", arn("s3-object-lambda", r, f.or(get("account_id"), a), "accesspoint/"+name))
		setS("alias", name+"-"+f.hex("alias", 34)+"--ol-s3")
	case schema.TypeS3ControlAccessPointPolicy, schema.TypeS3ControlObjectLambdaAccessPointPolicy:
		set("has_public_access_policy", cty.False)
	case schema.TypeIAMRole:
		setS("arn", arn("iam", "", a, "role"+f.or(get("path"), "/")+name))
		setS("unique_id", "AROA"+strings.ToUpper(f.hex("unique", 17)))
		setS("create_date", "2026-01-01T00:00:00Z")
	case schema.TypeIAMPolicy:
		setS("arn", id)
		setS("policy_id", "ANPA"+strings.ToUpper(f.hex("policy", 17)))
		set("attachment_count", cty.NumberIntVal(0))
	case schema.TypeKMSKey:
		setS("arn", arn("kms", r, a, "key/"+id))
	case schema.TypeLambdaFunction:
		fn := arn("lambda", r, a, "function:"+id)
		setS("arn", fn)
		setS("version", "$LATEST")
		setS("qualified_arn", fn+":$LATEST")
		setS("invoke_arn", fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", f.or(p, "aws"), r, fn))
		setS("qualified_invoke_arn", fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s:$LATEST/invocations", f.or(p, "aws"), r, fn))
		setS("last_modified", "2026-01-01T00:00:00.000+0000")
	}
	if x, ok := attrs["arn"]; ok && !x.IsKnown() {
		attrs["arn"] = cty.NullVal(cty.String)
	}
	return nullUnknowns(cty.ObjectVal(attrs))
}

// fillEndpoint fills a VPC endpoint: the S3 or DynamoDB prefix list of a
// gateway endpoint, the DNS entries and network interfaces of an interface
// endpoint.
func (f *filler) fillEndpoint(attrs map[string]cty.Value, id, arn string) {
	setS := func(name, s string) {
		if cur, ok := attrs[name]; ok && !cur.IsKnown() {
			attrs[name] = cty.StringVal(s)
		}
	}
	setS("arn", arn)
	setS("state", "available")
	if cur, ok := attrs["requester_managed"]; ok && !cur.IsKnown() {
		attrs["requester_managed"] = cty.False
	}
	typ := ""
	if t := attrs["vpc_endpoint_type"]; t.IsKnown() && !t.IsNull() {
		typ = t.AsString()
	}
	service := ""
	if s := attrs["service_name"]; s.IsKnown() && !s.IsNull() {
		service = s.AsString()
	}
	if typ == string(schema.EndpointGateway) {
		// The prefix list belongs to the service in the Region, not to the
		// endpoint: every S3 gateway endpoint of a Region shows the same one.
		sum := sha256.Sum256([]byte(service))
		setS("prefix_list_id", "pl-"+hex.EncodeToString(sum[:])[:8])
	}
	if typ == string(schema.EndpointInterface) || typ == string(schema.EndpointGatewayLoadBalancer) {
		var enis []cty.Value
		if subs := attrs["subnet_ids"]; subs.IsWhollyKnown() && !subs.IsNull() {
			for it := subs.ElementIterator(); it.Next(); {
				_, sv := it.Element()
				enis = append(enis, cty.StringVal("eni-"+f.hex("eni "+sv.AsString(), 17)))
			}
		}
		if cur := attrs["network_interface_ids"]; !cur.IsKnown() {
			if len(enis) == 0 {
				attrs["network_interface_ids"] = cty.SetValEmpty(cty.String)
			} else {
				attrs["network_interface_ids"] = cty.SetVal(enis)
			}
		}
	}
	if cur, ok := attrs["dns_entry"]; ok && !cur.IsKnown() {
		ety := cur.Type().ElementType()
		if typ != string(schema.EndpointInterface) {
			attrs["dns_entry"] = cty.ListValEmpty(ety)
		} else {
			name, _ := schema.ParseServiceName(service)
			host := id + "-" + f.hex("dns", 8) + "." + name.Service + "." + f.region + ".vpce." + dnsSuffix(f.partition)
			zone := "Z" + strings.ToUpper(f.hex("zone", 13))
			attrs["dns_entry"] = cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
				"dns_name": cty.StringVal(host), "hosted_zone_id": cty.StringVal(zone),
			})})
		}
	}
	if cur, ok := attrs["cidr_blocks"]; ok && !cur.IsKnown() {
		attrs["cidr_blocks"] = cty.ListValEmpty(cty.String)
	}
}

func lbKind(t string) string {
	switch t {
	case "network":
		return "net"
	case "gateway":
		return "gwy"
	}
	return "app"
}

func mrapName(attrs map[string]cty.Value) string {
	d := attrs["details"]
	if !d.IsWhollyKnown() || d.IsNull() || d.LengthInt() == 0 {
		return ""
	}
	first := d.Index(cty.NumberIntVal(0))
	if n := first.GetAttr("name"); !n.IsNull() {
		return n.AsString()
	}
	return ""
}

func tagsOf(attrs map[string]cty.Value) cty.Value {
	t, ok := attrs["tags"]
	if !ok || !t.IsWhollyKnown() || t.IsNull() {
		return cty.MapValEmpty(cty.String)
	}
	return t
}

func dnsSuffix(partition string) string {
	if partition == "aws-cn" {
		return "amazonaws.com.cn"
	}
	return "amazonaws.com"
}

// nullUnknowns replaces any value still unknown with null: state never
// holds unknown values.
func nullUnknowns(v cty.Value) cty.Value {
	if v.IsWhollyKnown() {
		return v
	}
	out, _ := cty.Transform(v, func(_ cty.Path, x cty.Value) (cty.Value, error) {
		if !x.IsKnown() {
			return cty.NullVal(x.Type()), nil
		}
		return x, nil
	})
	return out
}
