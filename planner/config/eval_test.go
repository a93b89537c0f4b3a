package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// values reads the checks of TestEvaluateValues from a model: a key is
// "ADDRESS ATTRIBUTE" (a top-level attribute of an instance) or
// "output.NAME".
func values(t *testing.T, m *Model, keys map[string]cty.Value) map[string]cty.Value {
	t.Helper()
	got := map[string]cty.Value{}
	for key := range keys {
		if name, ok := strings.CutPrefix(key, "output."); ok {
			for _, o := range m.Outputs {
				if o.Output.Name == name {
					got[key] = o.Value
				}
			}
			continue
		}
		addr, attr, ok := strings.Cut(key, " ")
		if !ok {
			t.Fatalf("bad check key %q", key)
		}
		got[key] = inst(t, m, addr).Attr(attr)
	}
	return got
}

func strMap(kv ...string) cty.Value {
	m := map[string]cty.Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = cty.StringVal(kv[i+1])
	}
	return cty.MapVal(m)
}

// TestEvaluateValues evaluates each language feature into resource
// arguments and compares with values computed by hand.
func TestEvaluateValues(t *testing.T) {
	unknownStr := cty.UnknownVal(cty.String)
	tests := map[string]struct {
		files map[string]string
		opts  Options
		// instances, when not nil, are all the instance addresses.
		instances []string
		want      map[string]cty.Value
	}{
		"variable default and locals": {
			files: hcl1(`
variable "cidr" {
  type    = string
  default = "10.1.0.0/16"
}
locals {
  base   = var.cidr
  name   = "${local.prefix}-vpc"
  prefix = "prod"
}
resource "aws_vpc" "main" {
  cidr_block = local.base
  tags       = { Name = local.name }
}`),
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block": cty.StringVal("10.1.0.0/16"),
				"aws_vpc.main tags":       strMap("Name", "prod-vpc"),
			},
		},
		"object type with optional defaults": {
			files: hcl1(`
variable "net" {
  type = object({
    cidr = string
    dns  = optional(bool, false)
    tags = optional(map(string), { Team = "net" })
  })
  default = { cidr = "10.2.0.0/16" }
}
resource "aws_vpc" "main" {
  cidr_block         = var.net.cidr
  enable_dns_support = var.net.dns
  tags               = var.net.tags
}`),
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block":         cty.StringVal("10.2.0.0/16"),
				"aws_vpc.main enable_dns_support": cty.False,
				"aws_vpc.main tags":               strMap("Team", "net"),
			},
		},
		"type conversion of a default": {
			files: hcl1(`
variable "n" {
  type    = string
  default = 16
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/${var.n}"
  tags       = { N = var.n }
}`),
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block": cty.StringVal("10.0.0.0/16"),
				"aws_vpc.main tags":       strMap("N", "16"),
			},
		},
		"count and count.index": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}`),
			instances: []string{"aws_subnet.a[0]", "aws_subnet.a[1]", "aws_vpc.main"},
			want: map[string]cty.Value{
				"aws_subnet.a[0] cidr_block": cty.StringVal("10.0.0.0/24"),
				"aws_subnet.a[1] cidr_block": cty.StringVal("10.0.1.0/24"),
				"aws_subnet.a[1] vpc_id":     unknownStr,
			},
		},
		"count zero": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = 0
  cidr_block = "10.0.0.0/16"
}`),
			instances: []string{},
			want:      map[string]cty.Value{},
		},
		"for_each over a set": {
			files: hcl1(`
resource "aws_vpc" "main" {
  for_each   = toset(["10.1.0.0/16", "10.0.0.0/16", "10.1.0.0/16"])
  cidr_block = each.key
  tags       = { Value = each.value }
}`),
			instances: []string{`aws_vpc.main["10.0.0.0/16"]`, `aws_vpc.main["10.1.0.0/16"]`},
			want: map[string]cty.Value{
				`aws_vpc.main["10.0.0.0/16"] cidr_block`: cty.StringVal("10.0.0.0/16"),
				`aws_vpc.main["10.1.0.0/16"] tags`:       strMap("Value", "10.1.0.0/16"),
			},
		},
		"for_each over a map": {
			files: hcl1(`
variable "subnets" {
  default = { b = "10.0.2.0/24", a = "10.0.1.0/24" }
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "s" {
  for_each          = var.subnets
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = "us-east-1${each.key}"
}`),
			instances: []string{`aws_subnet.s["a"]`, `aws_subnet.s["b"]`, "aws_vpc.main"},
			want: map[string]cty.Value{
				`aws_subnet.s["a"] cidr_block`:        cty.StringVal("10.0.1.0/24"),
				`aws_subnet.s["a"] availability_zone`: cty.StringVal("us-east-1a"),
				`aws_subnet.s["b"] cidr_block`:        cty.StringVal("10.0.2.0/24"),
			},
		},
		"for_each over a for expression map": {
			files: hcl1(`
locals {
  azs = ["us-east-1a", "us-east-1b"]
}
resource "aws_subnet" "s" {
  for_each   = { for i, az in local.azs : az => cidrsubnet("10.0.0.0/16", 8, i) }
  vpc_id     = "vpc-1"
  cidr_block = each.value
}`),
			instances: []string{`aws_subnet.s["us-east-1a"]`, `aws_subnet.s["us-east-1b"]`},
			want: map[string]cty.Value{
				`aws_subnet.s["us-east-1b"] cidr_block`: cty.StringVal("10.0.1.0/24"),
			},
		},
		"dynamic block": {
			files: hcl1(`
locals {
  ports = [443, 80]
}
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}`),
			want: map[string]cty.Value{
				"aws_security_group.web ingress": cty.SetVal([]cty.Value{sgRule(443), sgRule(80)}),
				"aws_security_group.web egress":  cty.SetValEmpty(sgRule(0).Type()),
			},
		},
		"functions": {
			files: hcl1(`
locals {
  m = { a = "x", b = "y" }
}
resource "aws_vpc" "main" {
  cidr_block = cidrsubnet("10.0.0.0/8", 8, 2)
  tags = {
    host   = cidrhost("10.0.0.0/24", 5)
    json   = jsonencode({ b = [1, "two"], a = true })
    try    = try(local.m.c, "fallback")
    can    = can(local.m.c)
    lookup = lookup(local.m, "b", "none")
    merge  = jsonencode(merge(local.m, { b = "z" }))
    format = format("%s-%03d", "az", 7)
    one    = one(["only"])
    index  = index(["a", "b", "c"], "c")
    list   = join(",", tolist(toset(["b", "a", "b"])))
    map    = tomap({ k = "v" })["k"]
  }
}`),
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block": cty.StringVal("10.2.0.0/16"),
				"aws_vpc.main tags": strMap(
					"host", "10.0.0.5",
					"json", `{"a":true,"b":[1,"two"]}`,
					"try", "fallback",
					"can", "false",
					"lookup", "y",
					"merge", `{"a":"x","b":"z"}`,
					"format", "az-007",
					"one", "only",
					"index", "2",
					"list", "a,b",
					"map", "v",
				),
			},
		},
		"templatefile": {
			files: map[string]string{
				"main.hcl": `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Text = templatefile("${path.module}/tmpl/note.tftpl", { name = "vpc", ports = [80, 443] })
  }
}`,
				"tmpl/note.tftpl": "Hello, ${name}:%{ for p in ports } ${p}%{ endfor }",
			},
			want: map[string]cty.Value{
				"aws_vpc.main tags": strMap("Text", "Hello, vpc: 80 443"),
			},
		},
		"computed attributes unknown and defaults filled": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`),
			want: map[string]cty.Value{
				"aws_vpc.main id":                   unknownStr,
				"aws_vpc.main arn":                  unknownStr,
				"aws_vpc.main main_route_table_id":  unknownStr,
				"aws_vpc.main enable_dns_hostnames": cty.False,
				"aws_vpc.main enable_dns_support":   cty.True,
				"aws_vpc.main instance_tenancy":     cty.StringVal("default"),
				"aws_vpc.main ipv4_ipam_pool_id":    cty.NullVal(cty.String),
				"aws_vpc.main tags":                 cty.NullVal(cty.Map(cty.String)),
			},
		},
		"known prior values make computed attributes known": {
			files: hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-east-1.s3"
}`),
			opts: Options{Known: func(a schema.InstanceAddr) (cty.Value, bool) {
				if a.String() != "aws_vpc.main" {
					return cty.NilVal, false
				}
				return cty.ObjectVal(map[string]cty.Value{
					"id":  cty.StringVal("vpc-0abc"),
					"arn": cty.StringVal("arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0abc"),
				}), true
			}},
			want: map[string]cty.Value{
				"aws_vpc.main id":                       cty.StringVal("vpc-0abc"),
				"aws_vpc.main arn":                      cty.StringVal("arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0abc"),
				"aws_vpc.main owner_id":                 unknownStr,
				"aws_vpc_endpoint.s3 vpc_id":            cty.StringVal("vpc-0abc"),
				"aws_vpc_endpoint.s3 id":                unknownStr,
				"aws_vpc_endpoint.s3 vpc_endpoint_type": cty.StringVal("Gateway"),
			},
		},
		"validate mode: a variable without a value is unknown": {
			files: hcl1(`
variable "cidr" {
  type = string
}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags       = { Name = var.cidr }
}
output "cidr" {
  value = aws_vpc.main.cidr_block
}`),
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block": unknownStr,
				"aws_vpc.main tags":       cty.MapVal(map[string]cty.Value{"Name": unknownStr}),
				"output.cidr":             unknownStr,
			},
		},
		"outputs": {
			files: hcl1(`
resource "aws_vpc" "main" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}
output "cidrs" {
  value       = aws_vpc.main[*].cidr_block
  description = "The CIDR blocks."
}
output "first" {
  value = aws_vpc.main[0].enable_dns_support
}`),
			want: map[string]cty.Value{
				"output.cidrs": cty.TupleVal([]cty.Value{cty.StringVal("10.0.0.0/16"), cty.StringVal("10.1.0.0/16")}),
				"output.first": cty.True,
			},
		},
		"unknown type in a .tf file evaluates unknown": {
			files: map[string]string{
				"main.tf": `
provider "google" {
  project = "p"
}
resource "google_compute_network" "n" {
  name = "net"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Net = google_compute_network.n.id }
}`,
			},
			instances: []string{"aws_vpc.main"},
			want: map[string]cty.Value{
				"aws_vpc.main cidr_block": cty.StringVal("10.0.0.0/16"),
				"aws_vpc.main tags":       cty.MapVal(map[string]cty.Value{"Net": unknownStr}),
			},
		},
		"data sources from the provider": {
			files: hcl1(`
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111122223333"]
}
data "aws_caller_identity" "me" {}
data "aws_partition" "p" {}
resource "aws_s3_bucket" "b" {
  bucket = "logs-${data.aws_caller_identity.me.account_id}"
  tags   = { Suffix = data.aws_partition.p.dns_suffix }
}`),
			want: map[string]cty.Value{
				"data.aws_caller_identity.me account_id": cty.StringVal("111122223333"),
				"data.aws_caller_identity.me arn":        unknownStr,
				"data.aws_partition.p partition":         cty.StringVal("aws"),
				"data.aws_partition.p dns_suffix":        cty.StringVal("amazonaws.com"),
				"aws_s3_bucket.b bucket":                 cty.StringVal("logs-111122223333"),
				"aws_s3_bucket.b tags":                   strMap("Suffix", "amazonaws.com"),
			},
		},
		"data sources in a China Region": {
			files: hcl1(`
provider "aws" {
  region = "cn-north-1"
}
data "aws_caller_identity" "me" {}
data "aws_partition" "p" {}`),
			want: map[string]cty.Value{
				"data.aws_caller_identity.me account_id": unknownStr,
				"data.aws_partition.p partition":         cty.StringVal("aws-cn"),
				"data.aws_partition.p dns_suffix":        cty.StringVal("amazonaws.com.cn"),
			},
		},
		"data sources without a provider block": {
			files: hcl1(`
data "aws_region" "here" {}
data "aws_partition" "p" {}`),
			want: map[string]cty.Value{
				"data.aws_region.here name":      unknownStr,
				"data.aws_partition.p partition": unknownStr,
			},
		},
		"aws_region with an explicit region": {
			files: hcl1(`
provider "aws" {
  region = "us-east-1"
}
data "aws_region" "other" {
  region = "eu-central-1"
}`),
			want: map[string]cty.Value{
				"data.aws_region.other region": cty.StringVal("eu-central-1"),
				"data.aws_region.other id":     cty.StringVal("eu-central-1"),
			},
		},
		"aws_region of the provider": {
			files: hcl1(`
provider "aws" {
  region = "cn-north-1"
}
data "aws_region" "here" {}`),
			want: map[string]cty.Value{
				"data.aws_region.here name":     cty.StringVal("cn-north-1"),
				"data.aws_region.here region":   cty.StringVal("cn-north-1"),
				"data.aws_region.here endpoint": cty.StringVal("ec2.cn-north-1.amazonaws.com.cn"),
			},
		},
		"data source with an aliased provider": {
			files: hcl1(`
provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
data "aws_region" "west" {
  provider = aws.west
}`),
			want: map[string]cty.Value{
				"data.aws_region.west name": cty.StringVal("us-west-2"),
			},
		},
		"aws_region selected by endpoint, or by null and unknown arguments": {
			files: hcl1(`
provider "aws" {
  region = "us-east-1"
}
variable "unset" {
  type = string
}
data "aws_region" "by_endpoint" {
  endpoint = "ec2.eu-west-1.amazonaws.com"
}
data "aws_region" "null" {
  region = null
}
data "aws_region" "unknown" {
  region = var.unset
}
data "aws_region" "no_such_endpoint" {
  endpoint = "ec2.eu-west-1.example.com"
}`),
			want: map[string]cty.Value{
				"data.aws_region.by_endpoint name":        cty.StringVal("eu-west-1"),
				"data.aws_region.by_endpoint endpoint":    cty.StringVal("ec2.eu-west-1.amazonaws.com"),
				"data.aws_region.null name":               cty.StringVal("us-east-1"),
				"data.aws_region.null endpoint":           cty.StringVal("ec2.us-east-1.amazonaws.com"),
				"data.aws_region.unknown name":            unknownStr,
				"data.aws_region.unknown endpoint":        unknownStr,
				"data.aws_region.no_such_endpoint name":   unknownStr,
				"data.aws_region.no_such_endpoint region": unknownStr,
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := mustEvaluate(t, tt.files, tt.opts)
			if tt.instances != nil {
				if diff := cmp.Diff(tt.instances, instanceAddrs(m.Instances)); diff != "" {
					t.Errorf("instances mismatch (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(tt.want, values(t, m, tt.want), ctyCmp); diff != "" {
				t.Errorf("values mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// sgRule is an inline ingress rule as aws_security_group's value holds it.
func sgRule(port int64) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"cidr_blocks":      cty.ListVal([]cty.Value{cty.StringVal("10.0.0.0/8")}),
		"description":      cty.NullVal(cty.String),
		"from_port":        cty.NumberIntVal(port),
		"ipv6_cidr_blocks": cty.NullVal(cty.List(cty.String)),
		"prefix_list_ids":  cty.NullVal(cty.List(cty.String)),
		"protocol":         cty.StringVal("tcp"),
		"security_groups":  cty.NullVal(cty.Set(cty.String)),
		"self":             cty.False,
		"to_port":          cty.NumberIntVal(port),
	})
}

// TestEvaluatePolicyDocument compares the json of aws_iam_policy_document
// byte for byte with the AWS provider's documented rendering ("Example
// Using A Source Document" on the data source's documentation page), and
// checks that a resource sees it.
func TestEvaluatePolicyDocument(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
data "aws_iam_policy_document" "source" {
  statement {
    actions   = ["ec2:*"]
    resources = ["*"]
  }
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "source_document_example" {
  source_policy_documents = [data.aws_iam_policy_document.source.json]
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]
  }
}
resource "aws_s3_bucket" "somebucket" {
  bucket = "somebucket"
  policy = data.aws_iam_policy_document.source_document_example.json
}`), Options{})
	want := `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverride",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::somebucket/*",
        "arn:aws:s3:::somebucket"
      ]
    }
  ]
}`
	for _, addr := range []string{"data.aws_iam_policy_document.source_document_example json", "aws_s3_bucket.somebucket policy"} {
		a, attr, _ := strings.Cut(addr, " ")
		got := strAttr(inst(t, m, a), attr)
		if got != want {
			t.Errorf("%s: got\n%s\nwant\n%s", addr, got, want)
		}
	}
	doc := inst(t, m, "data.aws_iam_policy_document.source_document_example")
	if got, want := strAttr(doc, "version"), "2012-10-17"; got != want {
		t.Errorf("version: got %s, want %s", got, want)
	}
}

// TestEvaluatePolicyDocumentUnknown checks that a document with an unknown
// input renders unknown, not a guess.
func TestEvaluatePolicyDocumentUnknown(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
  }
}`), Options{})
	if got := strAttr(inst(t, m, "data.aws_iam_policy_document.p"), "json"); got != "(unknown)" {
		t.Errorf("json: got %s, want (unknown)", got)
	}
}

// TestEvaluateAccountRegion covers Instance.Account and Region: an explicit
// account_id beats the provider's single allowed_account_ids entry, which
// beats the account of assume_role's role ARN; else "".
func TestEvaluateAccountRegion(t *testing.T) {
	providers := `
provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deploy"
  }
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
  assume_role {
    role_arn = "arn:aws:iam::333333333333:role/deploy"
  }
}
provider "aws" {
  alias               = "two"
  region              = "eu-west-1"
  allowed_account_ids = ["444444444444", "555555555555"]
}
`
	tests := map[string]struct {
		src         string
		wantAccount string
		wantRegion  string
	}{
		"allowed_account_ids beats assume_role": {
			src: `resource "aws_s3_access_point" "x" {
  bucket = "b"
  name   = "x"
}`,
			wantAccount: "111111111111",
			wantRegion:  "us-east-1",
		},
		"explicit account_id beats the provider": {
			src: `resource "aws_s3_access_point" "x" {
  bucket     = "b"
  name       = "x"
  account_id = "999999999999"
}`,
			wantAccount: "999999999999",
			wantRegion:  "us-east-1",
		},
		"assume_role ARN account through provider alias": {
			src: `resource "aws_s3_access_point" "x" {
  provider = aws.west
  bucket   = "b"
  name     = "x"
}`,
			wantAccount: "333333333333",
			wantRegion:  "us-west-2",
		},
		"several allowed accounts name none": {
			src: `resource "aws_vpc" "x" {
  provider   = aws.two
  cidr_block = "10.0.0.0/16"
}`,
			wantRegion: "eu-west-1",
		},
		"type without account_id uses the provider": {
			src:         `resource "aws_vpc" "x" { cidr_block = "10.0.0.0/16" }`,
			wantAccount: "111111111111",
			wantRegion:  "us-east-1",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := mustEvaluate(t, hcl1(providers+tt.src), Options{})
			if len(m.Instances) != 1 {
				t.Fatalf("got instances %v, want one", instanceAddrs(m.Instances))
			}
			i := m.Instances[0]
			if i.Account != tt.wantAccount || i.Region != tt.wantRegion {
				t.Errorf("%s: got account %q region %q, want %q %q", i.Addr, i.Account, i.Region, tt.wantAccount, tt.wantRegion)
			}
		})
	}
}

// TestEvaluateNoProvider checks that without a provider block account and
// Region are unknown.
func TestEvaluateNoProvider(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_vpc" "x" {
  cidr_block = "10.0.0.0/16"
}`), Options{})
	i := inst(t, m, "aws_vpc.x")
	if i.Account != "" || i.Region != "" {
		t.Errorf("got account %q region %q, want both empty", i.Account, i.Region)
	}
}

// TestEvaluateProviders checks the evaluated provider configurations.
func TestEvaluateProviders(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
variable "region" {
  default = "cn-northwest-1"
}
provider "aws" {
  region = var.region
  assume_role {
    role_arn = "arn:aws-cn:iam::123456789012:role/x"
  }
}
provider "aws" {
  alias  = "gov"
  region = "us-gov-west-1"
}`), Options{})
	type pc struct{ Alias, Region, Account, Partition string }
	got := map[string]pc{}
	for alias, p := range m.Providers {
		got[alias] = pc{p.Alias, p.Region, p.Account, p.Partition}
	}
	want := map[string]pc{
		"":    {"", "cn-northwest-1", "123456789012", "aws-cn"},
		"gov": {"gov", "us-gov-west-1", "", "aws-us-gov"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("providers mismatch (-want +got):\n%s", diff)
	}
}

// TestEvaluateMetaArguments checks lifecycle and depends_on, and that
// depends_on makes a graph edge.
func TestEvaluateMetaArguments(t *testing.T) {
	res := evaluate(t, hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  lifecycle {
    create_before_destroy = true
    prevent_destroy       = true
    ignore_changes        = [tags, cidr_block]
  }
}
resource "aws_s3_bucket" "b" {
  bucket     = "b"
  depends_on = [aws_vpc.main]
  lifecycle {
    ignore_changes = all
  }
}`), Options{})
	if len(res.diags) > 0 {
		t.Fatalf("got diagnostics %q, want none", res.diagStrings())
	}
	vpc := res.cfg.Resource(schema.Addr{Type: schema.TypeVPC, Name: "main"})
	lc := vpc.Lifecycle
	if !lc.CreateBeforeDestroy || !lc.PreventDestroy || lc.IgnoreAllChanges {
		t.Errorf("aws_vpc.main lifecycle: got %+v, want create_before_destroy and prevent_destroy", lc)
	}
	var ignored []string
	for _, tr := range lc.IgnoreChanges {
		ignored = append(ignored, tr.RootName())
	}
	if diff := cmp.Diff([]string{"tags", "cidr_block"}, ignored); diff != "" {
		t.Errorf("ignore_changes mismatch (-want +got):\n%s", diff)
	}
	if got, want := diagString(res.dir, &hcl.Diagnostic{Subject: lc.Range.Ptr()}), "main.hcl:4,3-12: ; "; got != want {
		t.Errorf("lifecycle range: got %q, want %q", got, want)
	}
	b := res.cfg.Resource(schema.Addr{Type: schema.TypeS3Bucket, Name: "b"})
	if !b.Lifecycle.IgnoreAllChanges || b.Lifecycle.CreateBeforeDestroy {
		t.Errorf("aws_s3_bucket.b lifecycle: got %+v, want only ignore_changes = all", b.Lifecycle)
	}
	if len(b.DependsOn) != 1 {
		t.Fatalf("aws_s3_bucket.b depends_on: got %d traversals, want 1", len(b.DependsOn))
	}
	deps := res.model.Graph.Deps(b.Addr)
	if diff := cmp.Diff([]schema.Addr{vpc.Addr}, deps); diff != "" {
		t.Errorf("graph deps of aws_s3_bucket.b mismatch (-want +got):\n%s", diff)
	}
}

// TestEvaluateGraphThroughLocals checks that the resource graph collapses
// variables and locals onto resource edges.
func TestEvaluateGraphThroughLocals(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
locals {
  vpc = aws_vpc.main.id
}
resource "aws_subnet" "a" {
  vpc_id     = local.vpc
  cidr_block = "10.0.1.0/24"
}`), Options{})
	got := m.Graph.Deps(schema.Addr{Type: schema.TypeSubnet, Name: "a"})
	want := []schema.Addr{{Type: schema.TypeVPC, Name: "main"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("graph deps mismatch (-want +got):\n%s", diff)
	}
}

// TestEvaluateUnexpanded checks validate mode with a count or for_each that
// depends on a variable without a value: the block has no instances, is
// listed in Unexpanded, and nothing is an error.
func TestEvaluateUnexpanded(t *testing.T) {
	tests := map[string]struct {
		src            string
		wantInstances  []string
		wantUnexpanded []string
	}{
		"count": {
			src: `
variable "n" {
  type = number
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = var.n
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}`,
			wantInstances:  []string{"aws_vpc.main"},
			wantUnexpanded: []string{"aws_subnet.a"},
		},
		"for_each": {
			src: `
variable "azs" {
  type = set(string)
}
resource "aws_subnet" "a" {
  for_each   = var.azs
  vpc_id     = "vpc-1"
  cidr_block = "10.0.0.0/24"
}
resource "aws_route_table" "rt" {
  for_each = aws_subnet.a
  vpc_id   = each.value.vpc_id
}`,
			wantInstances:  []string{},
			wantUnexpanded: []string{"aws_route_table.rt", "aws_subnet.a"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := mustEvaluate(t, hcl1(tt.src), Options{Mode: ValidateMode})
			if diff := cmp.Diff(tt.wantInstances, instanceAddrs(m.Instances)); diff != "" {
				t.Errorf("instances mismatch (-want +got):\n%s", diff)
			}
			var got []string
			for _, a := range m.Unexpanded {
				got = append(got, a.String())
			}
			if diff := cmp.Diff(tt.wantUnexpanded, got); diff != "" {
				t.Errorf("Unexpanded mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
