package network

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
)

// targetLines renders the target verdicts compactly: "TARGET FROM
// VERDICT: VIA", each note indented below, then the problems.
func targetLines(r *Report) []string {
	var out []string
	for _, t := range r.Targets {
		out = append(out, fmt.Sprintf("%s %s %s: %s", t.Target, t.From, t.Verdict, strings.Join(t.Via, ", ")))
		for _, n := range t.Notes {
			out = append(out, "  "+n)
		}
	}
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("! %s: %s", p.Addr, p.Detail))
	}
	return out
}

// mrapBase declares a bucket and a Multi-Region Access Point over it,
// after base's VPC aws_vpc.a and subnet aws_subnet.a (us-east-1a), whose
// route table is the undeclared main one.
const mrapBase = base + `
resource "aws_s3_bucket" "x" {
  bucket = "example-x-111111111111"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.x.id
    }
  }
}
`

// s3GlobalEndpoint is an interface endpoint to the MRAP service in
// aws_vpc.a, with a policy when policy is not "".
func s3GlobalEndpoint(policy string) string {
	p := ""
	if policy != "" {
		p = "\n  policy = jsonencode(" + policy + ")"
	}
	return `
resource "aws_vpc_endpoint" "mrap" {
  vpc_id              = aws_vpc.a.id
  service_name        = "com.amazonaws.s3-global.accesspoint"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true` + p + `
}
`
}

func TestExplainTargets(t *testing.T) {
	tests := map[string]struct {
		src  string
		want []string
	}{
		"no s3-global endpoint and no default route: no path": {
			src: mrapBase,
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a none: ",
				"  no aws_route_table_association names the subnet, so it uses its VPC's main route table",
				"  the configuration does not declare that main route table, so it has only the local route",
			},
		},
		"the s3-global endpoint with private DNS reaches it; its default policy allows everything": {
			src:  mrapBase + s3GlobalEndpoint(""),
			want: []string{"aws_s3control_multi_region_access_point.m aws_vpc.a interface-endpoint: aws_vpc_endpoint.mrap"},
		},
		"an endpoint policy that allows another bucket only shuts the MRAP out (MRAP-011)": {
			src: mrapBase + s3GlobalEndpoint(`{
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::other-bucket", "arn:aws:s3:::other-bucket/*"] }]
  }`),
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a endpoint-policy-denies: aws_vpc_endpoint.mrap",
				"  the policy of aws_vpc_endpoint.mrap does not allow aws_s3_bucket.x (MRAP-011: it must allow the Multi-Region Access Point and every bucket)",
			},
		},
		"a policy allowing the bucket cannot be checked against the MRAP ARN before apply": {
			src: mrapBase + s3GlobalEndpoint(`{
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::example-x-111111111111/*" }]
  }`),
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a interface-endpoint: aws_vpc_endpoint.mrap",
				"  the policy of aws_vpc_endpoint.mrap allows the buckets; whether it allows the Multi-Region Access Point is not known until apply gives its ARN",
			},
		},
		"a gateway endpoint granting the MRAP does not carry it; the internet gateway does (public)": {
			src: mrapBase + `
resource "aws_internet_gateway" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.a.id
  }
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.a.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.a.id
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = [aws_route_table.a.id]
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3::111111111111:accesspoint/abc.mrap/object/*" }]
  })
}
`,
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a internet-gateway: aws_internet_gateway.a",
				"  aws_vpc_endpoint.s3 allows Multi-Region Access Points in its policy, but a gateway endpoint to com.amazonaws.us-east-1.s3 cannot reach them",
				"! aws_vpc_endpoint.s3: the policy allows the Multi-Region Access Point arn:aws:s3::111111111111:accesspoint/abc.mrap/object/*, but aws_vpc_endpoint.s3 (a gateway endpoint to com.amazonaws.us-east-1.s3) cannot reach Multi-Region Access Points; only an interface endpoint to com.amazonaws.s3-global.accesspoint does",
			},
		},
		"on premises through the INBOUND Resolver endpoint and the s3-global endpoint's private DNS": {
			src: mrapBase + s3GlobalEndpoint("") + `
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.a.id
  }
  ip_address {
    subnet_id = aws_subnet.a.id
  }
}
`,
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a interface-endpoint: aws_vpc_endpoint.mrap",
				"aws_s3control_multi_region_access_point.m on-premises (aws_vpc.a) interface-endpoint: aws_vpc_endpoint.mrap",
			},
		},
		"two buckets that do not replicate to each other (MRAP-012)": {
			src: base + `
resource "aws_s3_bucket" "x" {
  bucket = "example-x-111111111111"
}
resource "aws_s3_bucket" "y" {
  provider = aws.west
  bucket   = "example-y-111111111111"
}
provider "aws" {
  alias               = "west"
  region              = "us-west-2"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.x.id
    }
    region {
      bucket = aws_s3_bucket.y.id
    }
  }
}
`,
			want: []string{
				"aws_s3control_multi_region_access_point.m aws_vpc.a none: ",
				"  no aws_route_table_association names the subnet, so it uses its VPC's main route table",
				"  the configuration does not declare that main route table, so it has only the local route",
				"! aws_s3control_multi_region_access_point.m: no replication from aws_s3_bucket.x to aws_s3_bucket.y, aws_s3_bucket.y to aws_s3_bucket.x: a request routed to one bucket may not find an object written through another (MRAP-012)",
			},
		},
		"an Object Lambda access point follows the default route, here a NAT gateway": {
			src: base + `
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.a.id
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n.id
  }
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.a.id
}
resource "aws_s3_bucket" "x" {
  bucket = "example-x-111111111111"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.x.id
  name   = "supporting"
  vpc_configuration {
    vpc_id = aws_vpc.a.id
  }
}
resource "aws_s3control_object_lambda_access_point" "ol" {
  name = "transform"
  configuration {
    supporting_access_point = aws_s3_access_point.ap.arn
    transformation_configuration {
      actions = ["GetObject"]
      content_transformation {
        aws_lambda {
          function_arn = "arn:aws:lambda:us-east-1:111111111111:function:transform"
        }
      }
    }
  }
}
`,
			want: []string{
				"aws_s3control_object_lambda_access_point.ol aws_vpc.a nat-gateway: aws_nat_gateway.n",
				"  vpcplan's endpoint catalog has no PrivateLink service for S3 Object Lambda, so requests follow the route table's default route",
				"  its supporting access point aws_s3_access_point.ap is VPC-origin (aws_vpc.a): unreachable: no S3 endpoint in its VPC",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := loadFiles(t, map[string]string{"main.hcl": tc.src})
			got := targetLines(Explain(m, schema.NewServiceCatalog(), Options{Service: "s3"}))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Explain() targets mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
