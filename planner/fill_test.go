package planner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

const fillProvider = `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
`

// plannedInstances evaluates src as a plan on an empty state does: every
// computed value is unknown, as apply hands it to fill for a create.
func plannedInstances(t *testing.T, src string) map[string]*config.Instance {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(fillProvider+src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	m, diags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.PlanMode})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	out := map[string]*config.Instance{}
	for _, inst := range m.Instances {
		out[inst.Addr.String()] = inst
	}
	return out
}

// testFiller is the filler apply uses for inst in a state of lineage
// "lineage".
func testFiller(inst *config.Instance, lookup func(schema.TypeName, string) (cty.Value, bool)) *filler {
	return &filler{lineage: "lineage", addr: inst.Addr, account: "111111111111", region: inst.Region, partition: "aws", lookup: lookup}
}

// fillCreate fills the instance addr of src as apply fills a create.
func fillCreate(t *testing.T, src, addr string, lookup func(schema.TypeName, string) (cty.Value, bool)) cty.Value {
	t.Helper()
	inst := plannedInstances(t, src)[addr]
	if inst == nil {
		t.Fatalf("no instance %s", addr)
	}
	return testFiller(inst, lookup).fill(inst.Schema, withTagsAll(inst.Value))
}

// testLookup knows two subnets of vpc-0a1b2c3d4e5f60718 and a bucket in
// eu-central-1.
func testLookup(t schema.TypeName, id string) (cty.Value, bool) {
	subnets := map[string][2]string{
		"subnet-a": {"10.0.1.0/24", "eu-west-1a"},
		"subnet-b": {"10.0.2.0/24", "eu-west-1b"},
	}
	switch t {
	case schema.TypeSubnet:
		s, ok := subnets[id]
		if !ok {
			return cty.NilVal, false
		}
		return cty.ObjectVal(map[string]cty.Value{
			"id": cty.StringVal(id), "cidr_block": cty.StringVal(s[0]), "availability_zone": cty.StringVal(s[1]),
			"vpc_id": cty.StringVal("vpc-0a1b2c3d4e5f60718"), "ipv6_cidr_block": cty.StringVal("2a05:d018:12:3401::/64"),
		}), true
	case schema.TypeS3Bucket:
		if id == "central" {
			return cty.ObjectVal(map[string]cty.Value{"bucket": cty.StringVal(id), "region": cty.StringVal("eu-central-1")}), true
		}
	}
	return cty.NilVal, false
}

// at returns the value at a path of attribute names, list indexes and
// set selectors: "ip_address[subnet_id=subnet-a].ip", "dns_options[0]".
func at(t *testing.T, v cty.Value, path string) cty.Value {
	t.Helper()
	step := regexp.MustCompile(`^([a-z0-9_]+)(?:\[([^\]]+)\])?`)
	for _, part := range strings.Split(path, ".") {
		m := step.FindStringSubmatch(part)
		if m == nil || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(m[1]) {
			t.Fatalf("%s: no %s in %#v", path, part, v)
		}
		v = v.GetAttr(m[1])
		if m[2] == "" {
			continue
		}
		if i, err := strconv.Atoi(m[2]); err == nil {
			if v.IsNull() || v.LengthInt() <= i {
				t.Fatalf("%s: %s has fewer than %d elements: %#v", path, m[1], i+1, v)
			}
			v = v.AsValueSlice()[i]
			continue
		}
		key, want, _ := strings.Cut(m[2], "=")
		found := false
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if x := e.GetAttr(key); x.IsKnown() && !x.IsNull() && x.AsString() == want {
				v, found = e, true
				break
			}
		}
		if !found {
			t.Fatalf("%s: no element of %s with %s", path, m[1], m[2])
		}
	}
	return v
}

// str is a test shorthand for a string value.
func str(s string) cty.Value { return cty.StringVal(s) }

func strs(ss ...string) []cty.Value {
	out := make([]cty.Value, len(ss))
	for i, s := range ss {
		out[i] = cty.StringVal(s)
	}
	return out
}

var nullString = cty.NullVal(cty.String)

// TestFillShapes checks the values fill gives the attributes AWS computes,
// nested ones included, for a create.
func TestFillShapes(t *testing.T) {
	tests := map[string]struct {
		src    string
		addr   string
		lookup bool
		want   map[string]cty.Value // path → value
	}{
		"resolver endpoint addresses inside the subnets lookup knows": {
			src: `resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-1"]
  ip_address {
    subnet_id = "subnet-a"
  }
  ip_address {
    subnet_id = "subnet-b"
  }
}`,
			addr:   "aws_route53_resolver_endpoint.in",
			lookup: true,
			want: map[string]cty.Value{
				"id":                                   str("rslvr-in-f7cced5d8d4267d28"),
				"arn":                                  str("arn:aws:route53resolver:eu-west-1:111111111111:resolver-endpoint/rslvr-in-f7cced5d8d4267d28"),
				"host_vpc_id":                          str("vpc-0a1b2c3d4e5f60718"),
				"protocols":                            cty.SetVal(strs("Do53")),
				"resolver_endpoint_type":               str("IPV4"),
				"ip_address[subnet_id=subnet-a].ip":    str("10.0.1.56"),
				"ip_address[subnet_id=subnet-a].ip_id": str("rni-6d3e090d105cea250"),
				"ip_address[subnet_id=subnet-a].ipv6":  nullString, // no IPv6 asked for
				"ip_address[subnet_id=subnet-b].ip":    str("10.0.2.109"),
				"ip_address[subnet_id=subnet-b].ip_id": str("rni-a23893aeb6cf04240"),
				"ip_address[subnet_id=subnet-b].ipv6":  nullString,
				"target_name_server_metrics_enabled":   cty.False,
				"region":                               str("eu-west-1"),
				"tags_all":                             cty.MapValEmpty(cty.String),
			},
		},
		"resolver endpoint without lookup: 10.x addresses; a written ip stays": {
			src: `resource "aws_route53_resolver_endpoint" "out" {
  direction              = "OUTBOUND"
  security_group_ids     = ["sg-1"]
  resolver_endpoint_type = "DUALSTACK"
  ip_address {
    subnet_id = "subnet-a"
    ip        = "10.0.1.10"
  }
  ip_address {
    subnet_id = "subnet-b"
  }
}`,
			addr: "aws_route53_resolver_endpoint.out",
			want: map[string]cty.Value{
				"id":                                  str("rslvr-out-77caebc4b75aa9477"),
				"host_vpc_id":                         nullString, // a subnet id does not say its VPC
				"ip_address[subnet_id=subnet-a].ip":   str("10.0.1.10"),
				"ip_address[subnet_id=subnet-b].ip":   str("10.19.73.157"),
				"ip_address[subnet_id=subnet-a].ipv6": str("2a05:d018:a61b:7c7c:696d:27ef:2782:f339"),
				"ip_address[subnet_id=subnet-b].ipv6": str("2a05:d018:3d6e:bfbf:3316:d513:d76b:b208"),
			},
		},
		"multi-region access point: id from details, buckets' account and Region": {
			src: `resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "global"
    region {
      bucket = "logs-eu-west-2"
    }
    region {
      bucket = "central"
    }
    region {
      bucket = "data"
    }
  }
}`,
			addr:   "aws_s3control_multi_region_access_point.m",
			lookup: true,
			want: map[string]cty.Value{
				"id":          str("111111111111:global"),
				"account_id":  str("111111111111"),
				"alias":       str("fe74be8bc6f5a.mrap"),
				"arn":         str("arn:aws:s3::111111111111:accesspoint/fe74be8bc6f5a.mrap"),
				"domain_name": str("fe74be8bc6f5a.mrap.accesspoint.s3-global.amazonaws.com"),
				"status":      str("READY"),
				"details[0].region[bucket=logs-eu-west-2].bucket_account_id": str("111111111111"),
				"details[0].region[bucket=logs-eu-west-2].region":            str("eu-west-2"),    // from the name
				"details[0].region[bucket=central].region":                   str("eu-central-1"), // from lookup
				"details[0].region[bucket=data].region":                      str("eu-west-1"),    // the access point's own
			},
		},
		"bucket versioning: MFA delete disabled, id with the expected owner": {
			src: `resource "aws_s3_bucket_versioning" "v" {
  bucket                = "data"
  expected_bucket_owner = "111111111111"
  versioning_configuration {
    status = "Enabled"
  }
}`,
			addr: "aws_s3_bucket_versioning.v",
			want: map[string]cty.Value{
				"id":                                     str("data,111111111111"),
				"versioning_configuration[0].mfa_delete": str("Disabled"),
				"versioning_configuration[0].status":     str("Enabled"),
			},
		},
		"interface endpoint: DNS options, subnet configuration, entries, default group": {
			src: `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-a", "subnet-b"]
}`,
			addr:   "aws_vpc_endpoint.ssm",
			lookup: true,
			want: map[string]cty.Value{
				"id": str("vpce-418866cd344eaeb81"),
				"dns_options": cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
					"dns_record_ip_type":                             str("ipv4"),
					"private_dns_only_for_inbound_resolver_endpoint": cty.NullVal(cty.Bool),
					"private_dns_preference":                         nullString,
					"private_dns_specified_domains":                  cty.NullVal(cty.Set(cty.String)),
				})}),
				"subnet_configuration[subnet_id=subnet-a].ipv4": str("10.0.1.244"),
				"subnet_configuration[subnet_id=subnet-a].ipv6": nullString,
				"subnet_configuration[subnet_id=subnet-b].ipv4": str("10.0.2.204"),
				"network_interface_ids":                         cty.SetVal(strs("eni-b82e857f014dc37f0", "eni-ec4f474b1ef01b81a")),
				"security_group_ids":                            cty.SetVal(strs(vpcDefaultSecurityGroup("vpc-0a1b2c3d4e5f60718"))),
				"policy":                                        str(allowAllPolicy),
				"prefix_list_id":                                nullString,
				"cidr_blocks":                                   cty.ListValEmpty(cty.String),
				"ip_address_type":                               str("ipv4"),
				"private_dns_enabled":                           cty.False,
				"requester_managed":                             cty.False,
				"route_table_ids":                               cty.SetValEmpty(cty.String),
				"service_region":                                str("eu-west-1"),
				"state":                                         str("available"),
				"owner_id":                                      str("111111111111"),
				"dns_entry[0].dns_name":                         str("vpce-418866cd344eaeb81-3715ef7b.ssm.eu-west-1.vpce.amazonaws.com"),
				"dns_entry[1].dns_name":                         str("vpce-418866cd344eaeb81-3715ef7b-eu-west-1a.ssm.eu-west-1.vpce.amazonaws.com"),
				"dns_entry[2].dns_name":                         str("vpce-418866cd344eaeb81-3715ef7b-eu-west-1b.ssm.eu-west-1.vpce.amazonaws.com"),
			},
		},
		"S3 interface endpoint with private DNS: inbound-only on, the service's names": {
			src: `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = "vpc-0a1b2c3d4e5f60718"
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  ip_address_type     = "dualstack"
  subnet_ids          = ["subnet-a"]
}`,
			addr:   "aws_vpc_endpoint.s3",
			lookup: true,
			want: map[string]cty.Value{
				"dns_options[0].dns_record_ip_type":                             str("dualstack"),
				"dns_options[0].private_dns_only_for_inbound_resolver_endpoint": cty.True,
				"dns_entry[2].dns_name":                                         str("s3.eu-west-1.amazonaws.com"),
				"dns_entry[3].dns_name":                                         str("*.s3.eu-west-1.amazonaws.com"),
				"prefix_list_id":                                                str("pl-9034b97b"),
			},
		},
		"S3 gateway endpoint: prefix list, no interfaces or DNS names": {
			src: `resource "aws_vpc_endpoint" "gw" {
  vpc_id       = "vpc-0a1b2c3d4e5f60718"
  service_name = "com.amazonaws.eu-west-1.s3"
}`,
			addr: "aws_vpc_endpoint.gw",
			want: map[string]cty.Value{
				"prefix_list_id":                    str("pl-9034b97b"),
				"cidr_blocks":                       cty.ListVal(strs("52.220.192.0/22", "52.200.164.0/22", "52.214.168.0/22")),
				"dns_entry":                         cty.ListValEmpty(cty.Object(map[string]cty.Type{"dns_name": cty.String, "hosted_zone_id": cty.String})),
				"network_interface_ids":             cty.SetValEmpty(cty.String),
				"security_group_ids":                cty.SetValEmpty(cty.String),
				"subnet_configuration":              cty.SetValEmpty(schema.VPCEndpoint.Blocks["subnet_configuration"].Block.ImpliedType()),
				"dns_options[0].dns_record_ip_type": str("ipv4"),
				"policy":                            str(allowAllPolicy),
			},
		},
		"written dns_options: AWS fills the record type": {
			src: `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = false
  }
}`,
			addr: "aws_vpc_endpoint.ssm",
			want: map[string]cty.Value{
				"dns_options[0].dns_record_ip_type":                             str("ipv4"),
				"dns_options[0].private_dns_only_for_inbound_resolver_endpoint": cty.False,
				"subnet_configuration":                                          cty.SetValEmpty(schema.VPCEndpoint.Blocks["subnet_configuration"].Block.ImpliedType()),
				"dns_entry":                                                     cty.ListValEmpty(cty.Object(map[string]cty.Type{"dns_name": cty.String, "hosted_zone_id": cty.String})),
			},
		},
		"subnet: zone id from the zone's name, no IPv6": {
			src: `resource "aws_subnet" "a" {
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1b"
}`,
			addr: "aws_subnet.a",
			want: map[string]cty.Value{
				"id":                                  str("subnet-6ae4307c85b357d69"),
				"arn":                                 str("arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-6ae4307c85b357d69"),
				"availability_zone_id":                str("euw1-az2"),
				"owner_id":                            str("111111111111"),
				"ipv6_cidr_block":                     str(""),
				"ipv6_cidr_block_association_id":      str(""),
				"private_dns_hostname_type_on_launch": str("ip-name"),
			},
		},
		"subnet placed by zone id": {
			src: `resource "aws_subnet" "a" {
  vpc_id               = "vpc-0a1b2c3d4e5f60718"
  cidr_block           = "10.0.1.0/24"
  availability_zone_id = "euw1-az3"
}`,
			addr: "aws_subnet.a",
			want: map[string]cty.Value{
				"availability_zone":    str("eu-west-1c"),
				"availability_zone_id": str("euw1-az3"),
			},
		},
		"VPC without IPv6: AWS's defaults, objects derived from its id": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
			addr: "aws_vpc.main",
			want: map[string]cty.Value{
				"id":                                   str("vpc-e6cfa1c7c8c36e4a9"),
				"main_route_table_id":                  str(vpcMainRouteTable("vpc-e6cfa1c7c8c36e4a9")),
				"default_route_table_id":               str(vpcMainRouteTable("vpc-e6cfa1c7c8c36e4a9")),
				"default_security_group_id":            str(vpcDefaultSecurityGroup("vpc-e6cfa1c7c8c36e4a9")),
				"enable_network_address_usage_metrics": cty.False,
				"instance_tenancy":                     str("default"),
				"ipv6_cidr_block":                      str(""),
				"ipv6_association_id":                  str(""),
				"ipv6_cidr_block_network_border_group": str(""),
			},
		},
		"VPC with an Amazon-provided IPv6 block": {
			src: `resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}`,
			addr: "aws_vpc.main",
			want: map[string]cty.Value{
				"ipv6_cidr_block":                      str("2a05:d018:19e2:9000::/56"),
				"ipv6_association_id":                  str("vpc-cidr-assoc-a691ef6ce05e17271"),
				"ipv6_cidr_block_network_border_group": str("eu-west-1"),
			},
		},
		"main route table association: the VPC's main table": {
			src: `resource "aws_main_route_table_association" "m" {
  vpc_id         = "vpc-e6cfa1c7c8c36e4a9"
  route_table_id = "rtb-1"
}`,
			addr: "aws_main_route_table_association.m",
			want: map[string]cty.Value{
				"original_route_table_id": str(vpcMainRouteTable("vpc-e6cfa1c7c8c36e4a9")),
			},
		},
		"route and endpoint association ids: the provider's hash codes": {
			src: `resource "aws_route" "r" {
  route_table_id         = "rtb-0123456789abcdef0"
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = "igw-1"
}
resource "aws_vpc_endpoint_route_table_association" "a" {
  vpc_endpoint_id = "vpce-0123456789abcdef0"
  route_table_id  = "rtb-0123456789abcdef0"
}`,
			addr: "aws_route.r",
			want: map[string]cty.Value{
				"id":     str("r-rtb-0123456789abcdef01080289494"),
				"origin": str("CreateRoute"),
				"state":  str("active"),
			},
		},
		"load balancer: generated name fits 32 characters; the Region's zone": {
			src: `resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnets            = ["subnet-a", "subnet-b"]
}`,
			addr:   "aws_lb.nlb",
			lookup: true,
			want: map[string]cty.Value{
				"name":        str("tf-lb-80632180039288881613299791"),
				"name_prefix": str("tf-lb-"),
				"zone_id":     str("Z2IFOLAFXWLO4F"),
				"vpc_id":      str("vpc-0a1b2c3d4e5f60718"),
				"internal":    cty.False,
				"subnet_mapping[subnet_id=subnet-a].outpost_id": nullString,
				"security_groups": cty.SetValEmpty(cty.String),
			},
		},
		"bucket: what S3 reports for a new bucket": {
			src: `resource "aws_s3_bucket" "b" {
  bucket = "data"
}`,
			addr: "aws_s3_bucket.b",
			want: map[string]cty.Value{
				"id":                       str("data"),
				"arn":                      str("arn:aws:s3:::data"),
				"hosted_zone_id":           str("Z1BKCTXD74EZPE"),
				"bucket_prefix":            nullString,
				"request_payer":            str("BucketOwner"),
				"region":                   str("eu-west-1"),
				"versioning[0].enabled":    cty.False,
				"versioning[0].mfa_delete": cty.False,
				"grant[0].type":            str("CanonicalUser"),
				"grant[0].permissions":     cty.SetVal(strs("FULL_CONTROL")),
				"server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm": str("AES256"),
				"server_side_encryption_configuration[0].rule[0].bucket_key_enabled":                                       cty.False,
				"website_endpoint": nullString,
			},
		},
		"lambda function: Lambda's default blocks": {
			src: `resource "aws_lambda_function" "f" {
  function_name = "transform"
  role          = "arn:aws:iam::111111111111:role/r"
}`,
			addr: "aws_lambda_function.f",
			want: map[string]cty.Value{
				"arn":                                     str("arn:aws:lambda:eu-west-1:111111111111:function:transform"),
				"version":                                 str("$LATEST"),
				"architectures":                           cty.ListVal(strs("x86_64")),
				"ephemeral_storage[0].size":               cty.NumberIntVal(512),
				"tracing_config[0].mode":                  str("PassThrough"),
				"logging_config[0].log_format":            str("Text"),
				"logging_config[0].log_group":             str("/aws/lambda/transform"),
				"logging_config[0].application_log_level": nullString,
			},
		},
		"object lambda access point policy: the access point's id": {
			src: `resource "aws_s3control_object_lambda_access_point_policy" "p" {
  name   = "olap"
  policy = "{}"
}
resource "aws_s3control_access_point_policy" "q" {
  access_point_arn = "arn:aws:s3:eu-west-1:222222222222:accesspoint/ap"
  policy           = "{}"
}`,
			addr: "aws_s3control_object_lambda_access_point_policy.p",
			want: map[string]cty.Value{
				"id":                       str("111111111111:olap"),
				"has_public_access_policy": cty.False,
			},
		},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			var lookup func(schema.TypeName, string) (cty.Value, bool)
			if test.lookup {
				lookup = testLookup
			}
			v := fillCreate(t, test.src, test.addr, lookup)
			if !v.IsWhollyKnown() {
				t.Errorf("filled value has unknowns: %#v", v)
			}
			paths := make([]string, 0, len(test.want))
			for p := range test.want {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			for _, p := range paths {
				if got, want := at(t, v, p), test.want[p]; !got.RawEquals(want) {
					t.Errorf("%s = %#v, want %#v", p, got, want)
				}
			}
		})
	}
}

// TestFillAssociationIDs checks the ids the provider composes for the VPC
// endpoint associations and the S3 Control policies.
func TestFillAssociationIDs(t *testing.T) {
	src := `resource "aws_vpc_endpoint_route_table_association" "r" {
  vpc_endpoint_id = "vpce-0123456789abcdef0"
  route_table_id  = "rtb-0123456789abcdef0"
}
resource "aws_vpc_endpoint_subnet_association" "s" {
  vpc_endpoint_id = "vpce-0123456789abcdef0"
  subnet_id       = "subnet-0123456789abcdef0"
}
resource "aws_vpc_endpoint_security_group_association" "g" {
  vpc_endpoint_id   = "vpce-0123456789abcdef0"
  security_group_id = "sg-0123456789abcdef0"
}
resource "aws_vpc_endpoint_policy" "p" {
  vpc_endpoint_id = "vpce-0123456789abcdef0"
}
resource "aws_s3control_access_point_policy" "q" {
  access_point_arn = "arn:aws:s3:eu-west-1:222222222222:accesspoint/ap"
  policy           = "{}"
}
resource "aws_s3control_multi_region_access_point_policy" "m" {
  details {
    name   = "global"
    policy = "{\"Version\":\"2012-10-17\"}"
  }
}`
	insts := plannedInstances(t, src)
	got := map[string]string{}
	var names []string
	for addr := range insts {
		names = append(names, addr)
	}
	sort.Strings(names)
	for _, addr := range names {
		inst := insts[addr]
		v := testFiller(inst, nil).fill(inst.Schema, withTagsAll(inst.Value))
		got[addr] = v.GetAttr("id").AsString()
		if addr == "aws_s3control_multi_region_access_point_policy.m" {
			for _, attr := range []string{"proposed", "established"} {
				if p := v.GetAttr(attr); !p.RawEquals(str(`{"Version":"2012-10-17"}`)) {
					t.Errorf("%s = %#v, want the policy", attr, p)
				}
			}
		}
	}
	want := map[string]string{
		"aws_vpc_endpoint_route_table_association.r":       "a-vpce-0123456789abcdef0" + stringHashcode("rtb-0123456789abcdef0"),
		"aws_vpc_endpoint_subnet_association.s":            "a-vpce-0123456789abcdef0" + stringHashcode("subnet-0123456789abcdef0"),
		"aws_vpc_endpoint_security_group_association.g":    "a-vpce-0123456789abcdef0" + stringHashcode("sg-0123456789abcdef0"),
		"aws_vpc_endpoint_policy.p":                        "vpce-0123456789abcdef0",
		"aws_s3control_access_point_policy.q":              "222222222222:ap",
		"aws_s3control_multi_region_access_point_policy.m": "111111111111:global",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// TestFillExisting checks fill on the planned value of an update: values
// the prior state recorded stay, the computed attributes the update makes
// unknown are filled, and computed blocks are not added.
func TestFillExisting(t *testing.T) {
	inst := plannedInstances(t, `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-a"]
}`)["aws_vpc_endpoint.ssm"]
	f := testFiller(inst, testLookup)
	created := f.fill(inst.Schema, withTagsAll(inst.Value))

	// A wholly known value is returned as it is.
	if got := f.fill(inst.Schema, created); !got.RawEquals(created) {
		t.Errorf("fill changed a wholly known value:\n%#v", got)
	}

	// An update that adds a subnet: dns_entry and network_interface_ids
	// are recomputed (RecomputedOn), the rest stays.
	attrs := created.AsValueMap()
	attrs["subnet_ids"] = cty.SetVal(strs("subnet-a", "subnet-b"))
	attrs["dns_entry"] = cty.UnknownVal(attrs["dns_entry"].Type())
	attrs["network_interface_ids"] = cty.UnknownVal(cty.Set(cty.String))
	attrs["dns_options"] = cty.ListValEmpty(attrs["dns_options"].Type().ElementType())
	updated := f.fill(inst.Schema, cty.ObjectVal(attrs))
	if got := updated.GetAttr("dns_entry").LengthInt(); got != 3 {
		t.Errorf("dns_entry has %d entries, want 3 (Regional and one per zone)", got)
	}
	if got := updated.GetAttr("network_interface_ids").LengthInt(); got != 2 {
		t.Errorf("network_interface_ids has %d elements, want 2", got)
	}
	if got := updated.GetAttr("id"); !got.RawEquals(created.GetAttr("id")) {
		t.Errorf("id = %#v, want the prior %#v", got, created.GetAttr("id"))
	}
	if got := updated.GetAttr("dns_options"); got.LengthInt() != 0 {
		t.Errorf("dns_options = %#v: an update added computed blocks", got)
	}
	if got := updated.GetAttr("subnet_configuration"); !got.RawEquals(created.GetAttr("subnet_configuration")) {
		t.Errorf("subnet_configuration = %#v, want the prior value", got)
	}
}

// TestFillDeterministic checks that a fill depends on the lineage, the
// address and the generation only.
func TestFillDeterministic(t *testing.T) {
	inst := plannedInstances(t, `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`)["aws_vpc.main"]
	f := testFiller(inst, nil)
	a := f.fill(inst.Schema, withTagsAll(inst.Value))
	b := testFiller(inst, nil).fill(inst.Schema, withTagsAll(inst.Value))
	if !a.RawEquals(b) {
		t.Errorf("two fills differ:\n%#v\n%#v", a, b)
	}
	f.generation = "vpc-e6cfa1c7c8c36e4a9"
	c := f.fill(inst.Schema, withTagsAll(inst.Value))
	if c.GetAttr("id").RawEquals(a.GetAttr("id")) || c.GetAttr("default_security_group_id").RawEquals(a.GetAttr("default_security_group_id")) {
		t.Errorf("a replacement kept the ids: %#v", c.GetAttr("id"))
	}
}

// awsLeavesNull lists the computed attributes that stay null in a
// configuration of only the required arguments, because AWS reports no
// value for them there, or because their value belongs to another object
// that fill cannot see without a lookup.
var awsLeavesNull = map[string]string{
	"aws_internet_gateway vpc_id":                                "a gateway the configuration does not attach is in no VPC",
	"aws_kms_key rotation_period_in_days":                        "no rotation period without rotation",
	"aws_lambda_function signing_job_arn":                        "no code signing",
	"aws_lambda_function signing_profile_version_arn":            "no code signing",
	"aws_lambda_function logging_config[].application_log_level": "log levels apply to the JSON format only",
	"aws_lambda_function logging_config[].system_log_level":      "log levels apply to the JSON format only",
	"aws_lambda_function vpc_config[].vpc_id":                    "the VPC of the subnets: known through lookup only",
	"aws_lb vpc_id":                      "the VPC of the subnets: known through lookup only",
	"aws_lb subnet_mapping[].outpost_id": "subnets outside Outposts",
	"aws_lb enforce_security_group_inbound_rules_on_private_link_traffic": "Network Load Balancers with security groups only",
	"aws_route instance_id":                           "routes to instances only",
	"aws_route instance_owner_id":                     "routes to instances only",
	"aws_route network_interface_id":                  "routes to interfaces only",
	"aws_route53_resolver_endpoint host_vpc_id":       "the VPC of the subnets: known through lookup only",
	"aws_route53_resolver_endpoint ip_address[].ipv6": "no IPv6 without an IPv6 or dual-stack endpoint",
	"aws_s3_access_point policy":                      "no policy until one is attached",
	"aws_s3_bucket acceleration_status":               "never configured",
	"aws_s3_bucket acl":                               "not read since the provider's v4",
	"aws_s3_bucket policy":                            "no policy until one is attached",
	"aws_s3_bucket website_domain":                    "no website",
	"aws_s3_bucket website_endpoint":                  "no website",
	"aws_s3_bucket_server_side_encryption_configuration rule[].blocked_encryption_types": "S3 reports none for buckets that do not block SSE-C",
	"aws_security_group_rule source_security_group_id":                                   "rules that name CIDR blocks",
	"aws_vpc_endpoint prefix_list_id":                                                    "services without a prefix list",
	"aws_vpc_endpoint dns_options[].private_dns_preference":                              "Resource and ServiceNetwork endpoints only",
	"aws_vpc_endpoint dns_options[].private_dns_specified_domains":                       "Resource and ServiceNetwork endpoints only",
	"aws_vpc_endpoint_service private_dns_name":                                          "no private DNS name",
}

// TestFillCatalog fills, for every managed type, a configuration of only
// the required arguments, and one that adds a block of every nested block
// type (with its required arguments), and checks that every computed
// attribute gets a value, except those awsLeavesNull lists, and that ids
// and ARNs are well formed.
func TestFillCatalog(t *testing.T) {
	arnPattern := regexp.MustCompile(`^arn:aws:[a-z0-9-]+:([a-z]{2}(-[a-z]+)+-[0-9])?:([0-9]{12}|aws|lambda)?:[^\s:]`)
	var src strings.Builder
	for _, r := range schema.Resources() {
		f := hclwrite.NewEmptyFile()
		requiredOnly(f.Body().AppendNewBlock("resource", []string{string(r.Type), "x"}).Body(), &r.Block, 0, false)
		requiredOnly(f.Body().AppendNewBlock("resource", []string{string(r.Type), "blocks"}).Body(), &r.Block, 0, true)
		src.Write(f.Bytes())
	}
	insts := plannedInstances(t, src.String())
	var nulls []string
	for _, inst := range insts {
		v := testFiller(inst, nil).fill(inst.Schema, withTagsAll(inst.Value))
		if !v.IsWhollyKnown() {
			t.Errorf("%s: unknown values left", inst.Addr)
		}
		nullComputed(string(inst.Addr.Resource.Type)+" ", &inst.Schema.Block, v, &nulls)
		cty.Walk(v, func(p cty.Path, x cty.Value) (bool, error) {
			if x.IsNull() || !x.IsKnown() || x.Type() != cty.String || len(p) == 0 {
				return true, nil
			}
			step, ok := p[len(p)-1].(cty.GetAttrStep)
			if !ok {
				return true, nil
			}
			s := x.AsString()
			switch {
			case step.Name == "arn" || strings.HasSuffix(step.Name, "_arn"):
				if strings.HasPrefix(s, "arn:") && !arnPattern.MatchString(s) {
					t.Errorf("%s: %s = %q is not a well-formed ARN", inst.Addr, pathString(p), s)
				}
			case step.Name == "id" || strings.HasSuffix(step.Name, "_id"):
				if s == "" && awsLeavesEmpty[string(inst.Addr.Resource.Type)+" "+pathString(p)] != "" {
					break
				}
				if s == "" || strings.HasSuffix(s, "-") || strings.HasSuffix(s, ":") || strings.HasPrefix(s, ":") {
					t.Errorf("%s: %s = %q is not a well-formed id", inst.Addr, pathString(p), s)
				}
			}
			return true, nil
		})
	}
	sort.Strings(nulls)
	var unexpected []string
	for _, n := range nulls {
		if _, ok := awsLeavesNull[n]; !ok {
			unexpected = append(unexpected, n)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("computed attributes left null (fill them, or list them in awsLeavesNull with the reason):\n  %s", strings.Join(unexpected, "\n  "))
	}
}

// awsLeavesEmpty lists the id attributes the provider records as "" (SDKv2
// has no null string), with the reason.
var awsLeavesEmpty = map[string]string{
	"aws_vpc ipv6_association_id":               "no IPv6",
	"aws_subnet ipv6_cidr_block_association_id": "no IPv6",
}

// requiredOnly writes the required arguments and blocks of b, and with
// every one block of each nested block type the schema does not require.
func requiredOnly(body *hclwrite.Body, b *schema.Block, index int, every bool) {
	for _, n := range b.AttributeNames() {
		a := b.Attributes[n]
		if !a.Required {
			continue
		}
		s := cty.StringVal(fmt.Sprintf("v-%s-%d", strings.ReplaceAll(n, "_", "-"), index))
		var v cty.Value
		switch {
		case a.Type == cty.String:
			v = s
		case a.Type == cty.Number:
			v = cty.NumberIntVal(2)
		case a.Type == cty.Bool:
			v = cty.True
		case a.Type.IsSetType():
			v = cty.SetVal([]cty.Value{s})
		case a.Type.IsListType():
			v = cty.ListVal([]cty.Value{s})
		default:
			v = cty.MapVal(map[string]cty.Value{"k": s})
		}
		body.SetAttributeValue(n, v)
	}
	for _, n := range b.BlockNames() {
		nb := b.Blocks[n]
		count := nb.MinItems
		if every && count == 0 {
			count = 1
		}
		for i := 0; i < count; i++ {
			requiredOnly(body.AppendNewBlock(n, nil).Body(), &nb.Block, i, every)
		}
	}
}

// nullComputed appends "<prefix><path>" for every computed attribute of v
// that is null, at every nesting level (set and list elements as "[]").
func nullComputed(prefix string, b *schema.Block, v cty.Value, out *[]string) {
	if v.IsNull() || !v.IsKnown() {
		return
	}
	seen := map[string]bool{}
	for _, s := range *out {
		seen[s] = true
	}
	for n, a := range b.Attributes {
		if a.Computed && v.GetAttr(n).IsNull() && !seen[prefix+n] {
			*out = append(*out, prefix+n)
			seen[prefix+n] = true
		}
	}
	for n, nb := range b.Blocks {
		x := v.GetAttr(n)
		if x.IsNull() || !x.IsKnown() {
			continue
		}
		if x.Type().IsObjectType() {
			nullComputed(prefix+n+".", &nb.Block, x, out)
			continue
		}
		for it := x.ElementIterator(); it.Next(); {
			_, e := it.Element()
			nullComputed(prefix+n+"[].", &nb.Block, e, out)
		}
	}
}
