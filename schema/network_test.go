package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestNetworkSchemaFacts pins facts of the network types that rules and the
// planner depend on.
func TestNetworkSchemaFacts(t *testing.T) {
	type want struct {
		ty       cty.Type
		required bool
		optional bool
		computed bool
		forceNew bool
		def      cty.Value
		refersTo []Ref
	}
	tests := map[string]struct {
		r    *Resource
		path []string // attribute, or nested block names then an attribute
		want want
	}{
		"vpc enable_dns_hostnames defaults to false": {
			r: VPC, path: []string{"enable_dns_hostnames"},
			want: want{ty: cty.Bool, optional: true, computed: true, def: cty.False},
		},
		"vpc enable_dns_support defaults to true": {
			r: VPC, path: []string{"enable_dns_support"},
			want: want{ty: cty.Bool, optional: true, def: cty.True},
		},
		"vpc cidr_block replaces": {
			r: VPC, path: []string{"cidr_block"},
			want: want{ty: cty.String, optional: true, computed: true, forceNew: true},
		},
		"subnet vpc_id": {
			r: Subnet, path: []string{"vpc_id"},
			want: want{ty: cty.String, required: true, forceNew: true, refersTo: []Ref{{TypeVPC, "id"}}},
		},
		"vpc endpoint vpc_id": {
			r: VPCEndpoint, path: []string{"vpc_id"},
			want: want{ty: cty.String, required: true, forceNew: true, refersTo: []Ref{{TypeVPC, "id"}}},
		},
		"vpc endpoint service_name": {
			r: VPCEndpoint, path: []string{"service_name"},
			want: want{ty: cty.String, optional: true, forceNew: true, refersTo: []Ref{{TypeVPCEndpointService, "service_name"}}},
		},
		"vpc endpoint type defaults to Gateway": {
			r: VPCEndpoint, path: []string{"vpc_endpoint_type"},
			want: want{ty: cty.String, optional: true, forceNew: true, def: cty.StringVal("Gateway"), refersTo: []Ref{{TypeVPCEndpointService, "service_type"}}},
		},
		"vpc endpoint private_dns_enabled is not ForceNew": {
			r: VPCEndpoint, path: []string{"private_dns_enabled"},
			want: want{ty: cty.Bool, optional: true, computed: true, def: cty.False},
		},
		"vpc endpoint subnet_ids": {
			r: VPCEndpoint, path: []string{"subnet_ids"},
			want: want{ty: cty.Set(cty.String), optional: true, computed: true, refersTo: []Ref{{TypeSubnet, "id"}}},
		},
		"vpc endpoint route_table_ids": {
			r: VPCEndpoint, path: []string{"route_table_ids"},
			want: want{ty: cty.Set(cty.String), optional: true, computed: true, refersTo: []Ref{{TypeRouteTable, "id"}, {TypeVPC, "main_route_table_id"}, {TypeVPC, "default_route_table_id"}}},
		},
		"vpc endpoint security_group_ids": {
			r: VPCEndpoint, path: []string{"security_group_ids"},
			want: want{ty: cty.Set(cty.String), optional: true, computed: true, refersTo: []Ref{{TypeSecurityGroup, "id"}, {TypeVPC, "default_security_group_id"}}},
		},
		"vpc endpoint inbound resolver only has no default": {
			r: VPCEndpoint, path: []string{"dns_options", "private_dns_only_for_inbound_resolver_endpoint"},
			want: want{ty: cty.Bool, optional: true},
		},
		"route table inline route to an endpoint": {
			r: RouteTable, path: []string{"route", "vpc_endpoint_id"},
			want: want{ty: cty.String, optional: true, refersTo: []Ref{{TypeVPCEndpoint, "id"}}},
		},
		"security group ingress from_port": {
			r: SecurityGroup, path: []string{"ingress", "from_port"},
			want: want{ty: cty.Number, required: true},
		},
		"endpoint service gateway_load_balancer_arns": {
			r: VPCEndpointService, path: []string{"gateway_load_balancer_arns"},
			want: want{ty: cty.Set(cty.String), optional: true, refersTo: []Ref{{TypeLB, "arn"}, {TypeLB, "id"}}},
		},
		"endpoint service service_name is computed": {
			r: VPCEndpointService, path: []string{"service_name"},
			want: want{ty: cty.String, computed: true},
		},
		"resolver ip_address subnet_id": {
			r: Route53ResolverEndpoint, path: []string{"ip_address", "subnet_id"},
			want: want{ty: cty.String, required: true, refersTo: []Ref{{TypeSubnet, "id"}}},
		},
		"resolver security_group_ids replace": {
			r: Route53ResolverEndpoint, path: []string{"security_group_ids"},
			want: want{ty: cty.Set(cty.String), required: true, forceNew: true, refersTo: []Ref{{TypeSecurityGroup, "id"}, {TypeVPC, "default_security_group_id"}}},
		},
		"lb internal replaces": {
			r: LB, path: []string{"internal"},
			want: want{ty: cty.Bool, optional: true, computed: true, forceNew: true},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			b := &tc.r.Block
			for _, blk := range tc.path[:len(tc.path)-1] {
				nb := b.Blocks[blk]
				if nb == nil {
					t.Fatalf("%s has no block %q", tc.r.Type, blk)
				}
				b = &nb.Block
			}
			a := b.Attr(tc.path[len(tc.path)-1])
			if a == nil {
				t.Fatalf("%s has no attribute %v", tc.r.Type, tc.path)
			}
			got := want{a.Type, a.Required, a.Optional, a.Computed, a.ForceNew, a.Default, a.RefersTo}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(want{}), cmp.Comparer(func(x, y cty.Type) bool { return x.Equals(y) }), cmp.Comparer(func(x, y cty.Value) bool {
				if x == cty.NilVal || y == cty.NilVal {
					return x == y
				}
				return x.RawEquals(y)
			})); diff != "" {
				t.Errorf("%s %v mismatch (-want +got):\n%s", tc.r.Type, tc.path, diff)
			}
		})
	}
}

func TestNetworkNoTags(t *testing.T) {
	noTags := []*Resource{
		VPCIPv4CIDRBlockAssociation, Route, RouteTableAssociation, MainRouteTableAssociation,
		SecurityGroupRule, VPCEndpointRouteTableAssociation, VPCEndpointSubnetAssociation,
		VPCEndpointSecurityGroupAssociation, VPCEndpointPolicy, VPCEndpointPrivateDNS,
	}
	tagged := []*Resource{
		VPC, Subnet, RouteTable, InternetGateway, NATGateway, SecurityGroup,
		VPCSecurityGroupIngressRule, VPCSecurityGroupEgressRule, VPCEndpoint,
		VPCEndpointService, LB, Route53ResolverEndpoint,
	}
	for _, r := range noTags {
		if r.Attr("tags") != nil || r.Attr("tags_all") != nil {
			t.Errorf("%s has tags, want none", r.Type)
		}
	}
	for _, r := range tagged {
		if r.Attr("tags") == nil || r.Attr("tags_all") == nil {
			t.Errorf("%s has no tags, want tags and tags_all", r.Type)
		}
	}
}

// TestNetworkDecode decodes typical configurations through DecoderSpec:
// inline route, ingress and egress are written as blocks, and nested block
// counts are enforced.
func TestNetworkDecode(t *testing.T) {
	tests := map[string]struct {
		r       *Resource
		src     string
		wantErr string // summary of the first error, "" for none
	}{
		"route table with inline routes": {
			r: RouteTable,
			src: `
vpc_id = "vpc-1"
route {
  cidr_block     = "0.0.0.0/0"
  nat_gateway_id = "nat-1"
}
route {
  ipv6_cidr_block        = "::/0"
  egress_only_gateway_id = "eigw-1"
}
`,
		},
		"security group with ingress and egress": {
			r: SecurityGroup,
			src: `
name   = "endpoints"
vpc_id = "vpc-1"
ingress {
  from_port   = 443
  to_port     = 443
  protocol    = "tcp"
  cidr_blocks = ["10.0.0.0/16"]
}
egress {
  from_port       = 0
  to_port         = 0
  protocol        = "-1"
  prefix_list_ids = ["pl-1"]
}
`,
		},
		"interface endpoint with dns_options": {
			r: VPCEndpoint,
			src: `
vpc_id              = "vpc-1"
service_name        = "com.amazonaws.us-east-1.s3"
vpc_endpoint_type   = "Interface"
subnet_ids          = ["subnet-1", "subnet-2"]
security_group_ids  = ["sg-1"]
private_dns_enabled = true
dns_options {
  private_dns_only_for_inbound_resolver_endpoint = false
}
`,
		},
		"two dns_options blocks": {
			r: VPCEndpoint,
			src: `
vpc_id = "vpc-1"
dns_options {}
dns_options {}
`,
			wantErr: "Too many dns_options blocks",
		},
		"resolver endpoint with one address": {
			r: Route53ResolverEndpoint,
			src: `
direction          = "INBOUND"
security_group_ids = ["sg-1"]
ip_address {
  subnet_id = "subnet-1"
}
`,
			wantErr: "Insufficient ip_address blocks",
		},
		"computed argument": {
			r: VPC,
			src: `
cidr_block = "10.0.0.0/16"
arn        = "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1"
`,
			wantErr: "Unsupported argument",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f, diags := hclsyntax.ParseConfig([]byte(tc.src), "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			_, diags = hcldec.Decode(f.Body, tc.r.DecoderSpec(), nil)
			got := ""
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					got = d.Summary
					break
				}
			}
			if got != tc.wantErr {
				t.Errorf("first error %q, want %q (all: %v)", got, tc.wantErr, diags)
			}
		})
	}
}
