package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The building blocks of the linking tests. Literal ids that name nothing
// ("vpc-none") keep the incidental arguments from linking.
const (
	twoVPCs = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
`
	countSubnets = `
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = "vpc-none"
  cidr_block = "10.0.${count.index}.0/24"
}
`
	forEachSubnets = `
resource "aws_subnet" "a" {
  for_each   = { x = "10.0.1.0/24", y = "10.0.2.0/24" }
  vpc_id     = "vpc-none"
  cidr_block = each.value
}
`
	buckets = `
provider "aws" {
  region = "us-east-1"
}
resource "aws_s3_bucket" "src" {
  bucket = "src-bucket"
}
resource "aws_s3_bucket" "dst" {
  bucket = "dst-bucket"
}
`
)

// endpoint is an interface endpoint with the given extra arguments.
func endpoint(args string) string {
	return `
resource "aws_vpc_endpoint" "e" {
  vpc_id            = "vpc-none"
  service_name      = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type = "Interface"
` + args + `
}
`
}

// replication is a replication configuration of aws_s3_bucket.src with
// the given role and destination bucket expressions.
func replication(role, dest string) string {
	return `
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "src-bucket"
  role   = ` + role + `
  rule {
    status = "Enabled"
    destination {
      bucket = ` + dest + `
    }
  }
}
`
}

// known builds an Options.Known from instance addresses to attributes.
func known(t *testing.T, vals map[string]map[string]string) Options {
	m := map[string]map[string]cty.Value{}
	for addr, attrs := range vals {
		m[addr] = map[string]cty.Value{}
		for k, v := range attrs {
			m[addr][k] = cty.StringVal(v)
		}
	}
	return Options{Known: knownValues(t, m)}
}

// TestLinks answers the model's questions (which VPC, subnets, route
// tables, bucket, role, access point, function does this argument name)
// for each way of writing a reference, and checks that what cannot be
// resolved stays unlinked. want is every link of the model.
func TestLinks(t *testing.T) {
	tests := map[string]struct {
		src  string
		opts func(t *testing.T) Options
		want []string
	}{
		// Which VPC: vpc_id.
		"vpc_id plain reference": {
			src: twoVPCs + endpoint("") + `resource "aws_subnet" "s" {
  vpc_id     = aws_vpc.other.id
  cidr_block = "10.1.0.0/24"
}`,
			want: []string{"aws_subnet.s.vpc_id -> aws_vpc.other"},
		},
		// hcl gives a conditional the marks of both branches, whatever the
		// condition, so the owner is ambiguous: no link, never the wrong one.
		"vpc_id through a local and a conditional": {
			src: twoVPCs + `
locals {
  vpc = true ? aws_vpc.main.id : aws_vpc.other.id
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = local.vpc
  service_name = "com.amazonaws.us-east-1.s3"
}`,
			want: []string{},
		},
		"vpc_id through a local": {
			src: twoVPCs + `
locals {
  vpcs = { main = aws_vpc.main.id, other = aws_vpc.other.id }
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = local.vpcs["other"]
  service_name = "com.amazonaws.us-east-1.s3"
}`,
			want: []string{"aws_vpc_endpoint.e.vpc_id -> aws_vpc.other"},
		},
		"vpc_id literal id known from the prior state": {
			src: twoVPCs + `
resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-0abc"
  service_name = "com.amazonaws.us-east-1.s3"
}`,
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_vpc.main": {"id": "vpc-0abc"}, "aws_vpc.other": {"id": "vpc-0def"}})
			},
			want: []string{"aws_vpc_endpoint.e.vpc_id -> aws_vpc.main"},
		},
		"vpc_id literal naming nothing": {
			src: twoVPCs + `
resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-0123"
  service_name = "com.amazonaws.us-east-1.s3"
}`,
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_vpc.main": {"id": "vpc-0abc"}})
			},
			want: []string{},
		},
		"vpc_id from a variable without a value": {
			src: twoVPCs + `
variable "vpc_id" {
  type = string
}
resource "aws_vpc_endpoint" "e" {
  vpc_id       = var.vpc_id
  service_name = "com.amazonaws.us-east-1.s3"
}`,
			want: []string{},
		},
		"vpc_id of an access point's vpc_configuration": {
			src: twoVPCs + `
resource "aws_s3_access_point" "ap" {
  bucket = "b"
  name   = "ap"
  vpc_configuration {
    vpc_id = aws_vpc.other.id
  }
}`,
			want: []string{"aws_s3_access_point.ap.vpc_configuration[0].vpc_id -> aws_vpc.other"},
		},

		// Which subnets: subnet_ids.
		"subnet_ids for expression over for_each": {
			src:  forEachSubnets + endpoint(`  subnet_ids = [for s in aws_subnet.a : s.id]`),
			want: []string{`aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a["x"]`, `aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a["y"]`},
		},
		"subnet_ids one for_each instance": {
			src:  forEachSubnets + endpoint(`  subnet_ids = [aws_subnet.a["y"].id]`),
			want: []string{`aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a["y"]`},
		},
		"subnet_ids splat over count": {
			src:  countSubnets + endpoint(`  subnet_ids = aws_subnet.a[*].id`),
			want: []string{"aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[0]", "aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[1]"},
		},
		"subnet_ids element of a splat by count.index": {
			src: countSubnets + `
resource "aws_vpc_endpoint" "e" {
  count             = 2
  vpc_id            = "vpc-none"
  service_name      = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [element(aws_subnet.a[*].id, count.index)]
}`,
			want: []string{"aws_vpc_endpoint.e[0].subnet_ids -> aws_subnet.a[0]", "aws_vpc_endpoint.e[1].subnet_ids -> aws_subnet.a[1]"},
		},
		"subnet_id element of a splat by count.index": {
			src: countSubnets + endpoint("") + `
resource "aws_vpc_endpoint_subnet_association" "x" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.e.id
  subnet_id       = element(aws_subnet.a[*].id, count.index)
}`,
			want: []string{
				"aws_vpc_endpoint_subnet_association.x[0].subnet_id -> aws_subnet.a[0]",
				"aws_vpc_endpoint_subnet_association.x[0].vpc_endpoint_id -> aws_vpc_endpoint.e",
				"aws_vpc_endpoint_subnet_association.x[1].subnet_id -> aws_subnet.a[1]",
				"aws_vpc_endpoint_subnet_association.x[1].vpc_endpoint_id -> aws_vpc_endpoint.e",
			},
		},
		"subnet_id unknown index of a splat": {
			src: countSubnets + endpoint("") + `
variable "i" {
  type = number
}
resource "aws_vpc_endpoint_subnet_association" "x" {
  vpc_endpoint_id = aws_vpc_endpoint.e.id
  subnet_id       = element(aws_subnet.a[*].id, var.i)
}`,
			want: []string{"aws_vpc_endpoint_subnet_association.x.vpc_endpoint_id -> aws_vpc_endpoint.e"},
		},
		"subnet_ids literal ids known from the prior state": {
			src: countSubnets + endpoint(`  subnet_ids = ["subnet-1", "subnet-2", "subnet-9"]`),
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_subnet.a[0]": {"id": "subnet-1"}, "aws_subnet.a[1]": {"id": "subnet-2"}})
			},
			want: []string{"aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[0]", "aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[1]"},
		},
		"subnet_ids mixing a reference and a known literal": {
			src: countSubnets + endpoint(`  subnet_ids = [aws_subnet.a[0].id, "subnet-2"]`),
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_subnet.a[1]": {"id": "subnet-2"}})
			},
			want: []string{"aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[0]", "aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[1]"},
		},

		// Which route tables: route_table_ids, and the association type.
		"route_table_ids references": {
			src: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_route_table" "rt" {
  vpc_id = "vpc-none"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = "vpc-none"
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = [aws_route_table.rt.id, aws_vpc.main.main_route_table_id]
}`,
			want: []string{"aws_vpc_endpoint.s3.route_table_ids -> aws_route_table.rt", "aws_vpc_endpoint.s3.route_table_ids -> aws_vpc.main"},
		},
		"route table association": {
			src: `
resource "aws_route_table" "rt" {
  for_each = toset(["a", "b"])
  vpc_id   = "vpc-none"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-none"
  service_name = "com.amazonaws.us-east-1.s3"
}
resource "aws_vpc_endpoint_route_table_association" "x" {
  for_each        = aws_route_table.rt
  route_table_id  = each.value.id
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
}`,
			want: []string{
				`aws_vpc_endpoint_route_table_association.x["a"].route_table_id -> aws_route_table.rt["a"]`,
				`aws_vpc_endpoint_route_table_association.x["a"].vpc_endpoint_id -> aws_vpc_endpoint.s3`,
				`aws_vpc_endpoint_route_table_association.x["b"].route_table_id -> aws_route_table.rt["b"]`,
				`aws_vpc_endpoint_route_table_association.x["b"].vpc_endpoint_id -> aws_vpc_endpoint.s3`,
			},
		},
		"route table association literal ids": {
			src: `
resource "aws_route_table" "rt" {
  vpc_id = "vpc-none"
}
resource "aws_vpc_endpoint_route_table_association" "x" {
  route_table_id  = "rtb-1"
  vpc_endpoint_id = "vpce-1"
}`,
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_route_table.rt": {"id": "rtb-1"}})
			},
			want: []string{"aws_vpc_endpoint_route_table_association.x.route_table_id -> aws_route_table.rt"},
		},

		// Which bucket: access points, replication, MRAP regions.
		"access point bucket by id and by bucket": {
			src: buckets + `
resource "aws_s3_access_point" "a" {
  bucket = aws_s3_bucket.src.id
  name   = "a"
}
resource "aws_s3_access_point" "b" {
  bucket = aws_s3_bucket.dst.bucket
  name   = "b"
}`,
			want: []string{"aws_s3_access_point.a.bucket -> aws_s3_bucket.src", "aws_s3_access_point.b.bucket -> aws_s3_bucket.dst"},
		},
		"access point literal bucket name": {
			src: buckets + `
resource "aws_s3_access_point" "a" {
  bucket = "dst-bucket"
  name   = "a"
}
resource "aws_s3_access_point" "none" {
  bucket = "no-such-bucket"
  name   = "none"
}`,
			want: []string{"aws_s3_access_point.a.bucket -> aws_s3_bucket.dst"},
		},
		"access point literal bucket name without a provider Region": {
			src: `
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}
resource "aws_s3_access_point" "a" {
  bucket = "my-bucket"
  name   = "a"
}`,
			want: []string{"aws_s3_access_point.a.bucket -> aws_s3_bucket.b"},
		},
		"replication references": {
			src: buckets + `
resource "aws_iam_role" "r" {
  assume_role_policy = "{}"
}` + replication("aws_iam_role.r.arn", "aws_s3_bucket.dst.arn"),
			want: []string{
				"aws_s3_bucket_replication_configuration.r.bucket -> aws_s3_bucket.src",
				"aws_s3_bucket_replication_configuration.r.role -> aws_iam_role.r",
				"aws_s3_bucket_replication_configuration.r.rule[0].destination[0].bucket -> aws_s3_bucket.dst",
			},
		},
		"replication literal ARNs": {
			src: buckets + `
resource "aws_iam_role" "r" {
  name               = "replication"
  assume_role_policy = "{}"
}` + replication(`"arn:aws:iam::111122223333:role/replication"`, `"arn:aws:s3:::dst-bucket"`),
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{"aws_iam_role.r": {"arn": "arn:aws:iam::111122223333:role/replication"}})
			},
			want: []string{
				"aws_s3_bucket_replication_configuration.r.bucket -> aws_s3_bucket.src",
				"aws_s3_bucket_replication_configuration.r.role -> aws_iam_role.r",
				"aws_s3_bucket_replication_configuration.r.rule[0].destination[0].bucket -> aws_s3_bucket.dst",
			},
		},
		"replication literal ARNs naming nothing": {
			src: buckets + replication(`"arn:aws:iam::111122223333:role/none"`, `"arn:aws:s3:::no-such-bucket"`),
			want: []string{
				"aws_s3_bucket_replication_configuration.r.bucket -> aws_s3_bucket.src",
			},
		},
		"replication destination ARN of the wrong partition": {
			src: buckets + replication(`"arn:aws:iam::111122223333:role/none"`, `"arn:aws-cn:s3:::dst-bucket"`),
			want: []string{
				"aws_s3_bucket_replication_configuration.r.bucket -> aws_s3_bucket.src",
			},
		},
		"MRAP region buckets": {
			src: buckets + `
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "m"
    region {
      bucket = aws_s3_bucket.src.id
    }
    region {
      bucket = aws_s3_bucket.dst.bucket
    }
  }
}`,
			want: []string{
				"aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.dst",
				"aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.src",
			},
		},
		"MRAP region literal bucket names": {
			src: buckets + `
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "m"
    region {
      bucket = "src-bucket"
    }
    region {
      bucket = "other-bucket"
    }
  }
}`,
			want: []string{"aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.src"},
		},
		"MRAP region buckets mixing a reference and a literal": {
			src: buckets + `
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "m"
    region {
      bucket = aws_s3_bucket.dst.id
    }
    region {
      bucket = "src-bucket"
    }
  }
}`,
			want: []string{
				"aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.dst",
				"aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.src",
			},
		},
		"MRAP region buckets from a dynamic block over for_each buckets": {
			src: `
resource "aws_s3_bucket" "b" {
  for_each = toset(["east", "west"])
  bucket   = "data-${each.key}"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "m"
    dynamic "region" {
      for_each = aws_s3_bucket.b
      content {
        bucket = region.value.id
      }
    }
  }
}`,
			want: []string{
				`aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.b["east"]`,
				`aws_s3control_multi_region_access_point.m.details[0].region[*].bucket -> aws_s3_bucket.b["west"]`,
			},
		},

		// Which supporting access point and which Lambda function.
		"object lambda access point references": {
			src: objectLambda("aws_s3_access_point.ap.arn", "aws_lambda_function.fn.arn"),
			want: []string{
				"aws_lambda_function.fn.role -> aws_iam_role.fn",
				"aws_s3_access_point.ap.bucket -> aws_s3_bucket.b",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].supporting_access_point -> aws_s3_access_point.ap",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].transformation_configuration[*].content_transformation[0].aws_lambda[0].function_arn -> aws_lambda_function.fn",
			},
		},
		"object lambda access point qualified function ARN": {
			src: objectLambda("aws_s3_access_point.ap.arn", "aws_lambda_function.fn.qualified_arn"),
			want: []string{
				"aws_lambda_function.fn.role -> aws_iam_role.fn",
				"aws_s3_access_point.ap.bucket -> aws_s3_bucket.b",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].supporting_access_point -> aws_s3_access_point.ap",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].transformation_configuration[*].content_transformation[0].aws_lambda[0].function_arn -> aws_lambda_function.fn",
			},
		},
		"object lambda access point literal ARNs": {
			src: objectLambda(`"arn:aws:s3:us-east-1:111122223333:accesspoint/ap"`, `"arn:aws:lambda:us-east-1:111122223333:function:fn"`),
			opts: func(t *testing.T) Options {
				return known(t, map[string]map[string]string{
					"aws_s3_access_point.ap":                      {"arn": "arn:aws:s3:us-east-1:111122223333:accesspoint/ap"},
					"aws_lambda_function.fn":                      {"arn": "arn:aws:lambda:us-east-1:111122223333:function:fn"},
					"aws_iam_role.fn":                             {"arn": "arn:aws:iam::111122223333:role/fn"},
					"aws_s3_bucket.b":                             {"id": "b"},
					"aws_s3control_object_lambda_access_point.ol": {"arn": "arn:aws:s3-object-lambda:us-east-1:111122223333:accesspoint/ol"},
				})
			},
			want: []string{
				"aws_lambda_function.fn.role -> aws_iam_role.fn",
				"aws_s3_access_point.ap.bucket -> aws_s3_bucket.b",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].supporting_access_point -> aws_s3_access_point.ap",
				"aws_s3control_object_lambda_access_point.ol.configuration[0].transformation_configuration[*].content_transformation[0].aws_lambda[0].function_arn -> aws_lambda_function.fn",
			},
		},
		"object lambda access point literal ARNs naming nothing": {
			src: objectLambda(`"arn:aws:s3:us-east-1:111122223333:accesspoint/none"`, `"arn:aws:lambda:us-east-1:111122223333:function:none"`),
			want: []string{
				"aws_lambda_function.fn.role -> aws_iam_role.fn",
				"aws_s3_access_point.ap.bucket -> aws_s3_bucket.b",
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var opts Options
			if tt.opts != nil {
				opts = tt.opts(t)
			}
			m := mustEvaluate(t, hcl1(tt.src), opts)
			if diff := cmp.Diff(tt.want, allLinks(m)); diff != "" {
				t.Errorf("links mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// objectLambda is an Object Lambda Access Point in front of an access point
// with a Lambda function, given the supporting_access_point and
// function_arn expressions.
func objectLambda(ap, fn string) string {
	return `
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "ap"
}
resource "aws_iam_role" "fn" {
  assume_role_policy = "{}"
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.fn.arn
}
resource "aws_s3control_object_lambda_access_point" "ol" {
  name = "ol"
  configuration {
    supporting_access_point = ` + ap + `
    transformation_configuration {
      actions = ["GetObject"]
      content_transformation {
        aws_lambda {
          function_arn = ` + fn + `
        }
      }
    }
  }
}
`
}

// TestLinkAccessors checks Links, Link, AllLinks and Referrers on one
// model: the route tables of a gateway endpoint written both ways.
func TestLinkAccessors(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table" "b" {
  vpc_id = aws_vpc.main.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = [aws_route_table.b.id, aws_route_table.a.id]
}
resource "aws_vpc_endpoint_route_table_association" "b" {
  route_table_id  = aws_route_table.b.id
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
}`), Options{})
	e := inst(t, m, "aws_vpc_endpoint.s3")
	rtA, rtB := inst(t, m, "aws_route_table.a"), inst(t, m, "aws_route_table.b")
	vpc := inst(t, m, "aws_vpc.main")

	if diff := cmp.Diff([]string{"aws_route_table.a", "aws_route_table.b"}, instanceAddrs(e.Links("route_table_ids"))); diff != "" {
		t.Errorf("Links(route_table_ids) mismatch (-want +got):\n%s", diff)
	}
	if got := e.Link("route_table_ids"); got != nil {
		t.Errorf("Link(route_table_ids): got %s, want nil (two targets)", got.Addr)
	}
	if got := e.Link("vpc_id"); got != vpc {
		t.Errorf("Link(vpc_id): got %v, want aws_vpc.main", got)
	}
	if got := e.Link("subnet_ids"); got != nil {
		t.Errorf("Link(subnet_ids): got %s, want nil", got.Addr)
	}
	wantAll := []string{
		"aws_vpc_endpoint.s3.route_table_ids -> aws_route_table.a",
		"aws_vpc_endpoint.s3.route_table_ids -> aws_route_table.b",
		"aws_vpc_endpoint.s3.vpc_id -> aws_vpc.main",
	}
	if diff := cmp.Diff(wantAll, linkStrings(e.AllLinks())); diff != "" {
		t.Errorf("AllLinks mismatch (-want +got):\n%s", diff)
	}
	referrers := map[string][]string{
		"a any":         linkStrings(rtA.Referrers("")),
		"b association": linkStrings(rtB.Referrers(schema.TypeVPCEndpointRouteTableAssoc)),
		"b endpoint":    linkStrings(rtB.Referrers(schema.TypeVPCEndpoint)),
		"b subnet":      linkStrings(rtB.Referrers(schema.TypeSubnet)),
		"endpoint":      linkStrings(e.Referrers(schema.TypeVPCEndpointRouteTableAssoc)),
		"vpc":           linkStrings(vpc.Referrers("")),
	}
	wantReferrers := map[string][]string{
		"a any":         {"aws_vpc_endpoint.s3.route_table_ids -> aws_route_table.a"},
		"b association": {"aws_vpc_endpoint_route_table_association.b.route_table_id -> aws_route_table.b"},
		"b endpoint":    {"aws_vpc_endpoint.s3.route_table_ids -> aws_route_table.b"},
		"b subnet":      {},
		"endpoint":      {"aws_vpc_endpoint_route_table_association.b.vpc_endpoint_id -> aws_vpc_endpoint.s3"},
		"vpc": {
			"aws_route_table.a.vpc_id -> aws_vpc.main",
			"aws_route_table.b.vpc_id -> aws_vpc.main",
			"aws_vpc_endpoint.s3.vpc_id -> aws_vpc.main",
		},
	}
	if diff := cmp.Diff(wantReferrers, referrers); diff != "" {
		t.Errorf("Referrers mismatch (-want +got):\n%s", diff)
	}
}

// TestLinksParallel links blocks large enough to be evaluated on several
// goroutines (run it with -race).
func TestLinksParallel(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = 100
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
resource "aws_route_table" "rt" {
  for_each = { for i, s in aws_subnet.a : tostring(i) => s.id }
  vpc_id   = aws_vpc.main.id
}
resource "aws_vpc_endpoint" "e" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = aws_subnet.a[*].id
}`), Options{Parallelism: 4})
	vpc := inst(t, m, "aws_vpc.main")
	if got, want := len(vpc.Referrers("")), 100+100+1; got != want {
		t.Errorf("referrers of aws_vpc.main: got %d, want %d", got, want)
	}
	e := inst(t, m, "aws_vpc_endpoint.e")
	if got := len(e.Links("subnet_ids")); got != 100 {
		t.Errorf("subnet_ids links: got %d, want 100", got)
	}
	s := inst(t, m, "aws_subnet.a[42]")
	if got, want := strAttr(s, "cidr_block"), "10.0.42.0/24"; got != want {
		t.Errorf("aws_subnet.a[42] cidr_block: got %s, want %s", got, want)
	}
	if got := linkStrings(s.Referrers(schema.TypeVPCEndpoint)); !cmp.Equal(got, []string{"aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[42]"}) {
		t.Errorf("aws_subnet.a[42] referrers: got %q", got)
	}
}

// TestLinksMany links an argument with more elements than add scans
// (smallLinks), mixing references, literals and a literal repeating a
// reference: every subnet links once, and vpc_id, linked by its reference
// before the literals, is not looked up again.
func TestLinksMany(t *testing.T) {
	const n = 3 * smallLinks
	ids := map[string]map[string]string{"aws_vpc.main": {"id": "vpc-1"}}
	for i := 0; i < n; i++ {
		ids[fmt.Sprintf("aws_subnet.a[%d]", i)] = map[string]string{"id": fmt.Sprintf("subnet-%d", i)}
	}
	var literals []string
	for i := n / 2; i < n; i++ {
		literals = append(literals, fmt.Sprintf("%q", fmt.Sprintf("subnet-%d", i)))
	}
	src := fmt.Sprintf(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = %d
  vpc_id     = "vpc-none"
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_vpc_endpoint" "e" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = concat(slice(aws_subnet.a[*].id, 0, %d), ["subnet-0"], [%s])
}`, n, n/2, strings.Join(literals, ", "))
	m := mustEvaluate(t, hcl1(src), known(t, ids))
	var want []string // AllLinks order: by path, then by address
	for i := 0; i < n; i++ {
		want = append(want, fmt.Sprintf("aws_vpc_endpoint.e.subnet_ids -> aws_subnet.a[%d]", i))
	}
	want = append(want, "aws_vpc_endpoint.e.vpc_id -> aws_vpc.main")
	if diff := cmp.Diff(want, linkStrings(inst(t, m, "aws_vpc_endpoint.e").AllLinks())); diff != "" {
		t.Errorf("links mismatch (-want +got):\n%s", diff)
	}
}
