package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// TestEffectiveRegion checks the Region of instances under AWS provider v6:
// the region argument when set and known, the provider's otherwise, unknown
// when the argument is; global types keep their provider's. The region
// argument is planned as the provider plans it: the provider's Region when
// neither the configuration nor the prior state gives one.
func TestEffectiveRegion(t *testing.T) {
	files := hcl1(`
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias = "unset"
}
variable "later" {
  type = string
}
resource "aws_vpc" "override" {
  cidr_block = "10.0.0.0/16"
  region     = "us-west-2"
}
resource "aws_vpc" "default" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc" "null" {
  cidr_block = "10.5.0.0/16"
  region     = null
}
resource "aws_vpc" "unknown" {
  cidr_block = "10.2.0.0/16"
  region     = var.later
}
resource "aws_vpc" "china" {
  provider   = aws.unset
  cidr_block = "10.3.0.0/16"
  region     = "cn-north-1"
}
resource "aws_vpc" "no_region" {
  provider   = aws.unset
  cidr_block = "10.4.0.0/16"
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
`)
	m := mustEvaluate(t, files, Options{})
	type got struct{ Region, Partition, Attr string }
	tests := map[string]got{
		"aws_vpc.override":  {"us-west-2", "aws", "us-west-2"},
		"aws_vpc.default":   {"eu-west-1", "aws", "eu-west-1"},
		"aws_vpc.null":      {"eu-west-1", "aws", "eu-west-1"},
		"aws_vpc.unknown":   {"", "aws", "(unknown)"},
		"aws_vpc.china":     {"cn-north-1", "aws-cn", "cn-north-1"},
		"aws_vpc.no_region": {"", "", "(unknown)"},
		"aws_iam_role.r":    {"eu-west-1", "aws", "(no such attribute)"},
	}
	for addr, want := range tests {
		t.Run(addr, func(t *testing.T) {
			i := inst(t, m, addr)
			g := got{i.Region, i.Provider.Partition, strAttr(i, "region")}
			if diff := cmp.Diff(want, g); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEffectiveRegionPrior checks that a region argument left out keeps the
// Region the prior state records (removing it does not move the resource),
// and that a state written before vpcplan modelled region (null) stays so.
func TestEffectiveRegionPrior(t *testing.T) {
	files := hcl1(`
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "moved" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "old_state" {
  cidr_block = "10.1.0.0/16"
}
`)
	m := mustEvaluate(t, files, Options{Known: knownValues(t, map[string]map[string]cty.Value{
		"aws_vpc.moved":     {"region": cty.StringVal("us-east-1")},
		"aws_vpc.old_state": {"region": cty.NullVal(cty.String)},
	})})
	for addr, want := range map[string][2]string{
		"aws_vpc.moved":     {"us-east-1", "us-east-1"},
		"aws_vpc.old_state": {"eu-west-1", "(null)"},
	} {
		i := inst(t, m, addr)
		if got := [2]string{i.Region, strAttr(i, "region")}; got != want {
			t.Errorf("%s: got Region %q, region %q; want %q, %q", addr, got[0], got[1], want[0], want[1])
		}
	}
}

// TestProviderV6Diagnostics checks the diagnostics of the v6 schema: the
// region argument, which global types lack and which must stay in the
// provider's partition, data "aws_region"'s deprecated name, and arguments
// the provider removed.
func TestProviderV6Diagnostics(t *testing.T) {
	const provider = `provider "aws" {
  region = "eu-west-1"
}
`
	tests := map[string]struct {
		src  string
		want []string
	}{
		"region on a global type": {
			src: provider + `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
  region             = "us-east-1"
}`,
			want: []string{`main.hcl:7,3-9: Unsupported argument; An argument named "region" is not expected here.`},
		},
		"region in another partition": {
			src: provider + `resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  region     = "cn-north-1"
}`,
			want: []string{`main.hcl:6,16-28: Invalid Region; The Region "cn-north-1" is in the aws-cn partition, but the provider configuration is in aws (Region "eu-west-1"); the AWS provider manages a resource only in its own partition. Use a provider configuration of the aws-cn partition.`},
		},
		"aws_region data source in another partition": {
			src: provider + `data "aws_region" "cn" {
  region = "cn-north-1"
}`,
		},
		"aws_region name is deprecated": {
			src: provider + `data "aws_region" "r" {
  name = "us-east-1"
}`,
			want: []string{`warning: main.hcl:5,10-21: Attribute Deprecated; name is deprecated. Use region instead.`},
		},
		"aws_region name set to null": {
			src: provider + `data "aws_region" "r" {
  name = null
}`,
		},
		"aws_region name and region": {
			src: provider + `data "aws_region" "r" {
  name   = "us-east-1"
  region = "us-east-1"
}`,
			want: []string{
				`warning: main.hcl:5,12-23: Attribute Deprecated; name is deprecated. Use region instead.`,
				`main.hcl:5,12-23: Invalid Attribute Combination; These attributes cannot be configured together: [name,region]. Remove name, which is deprecated.`,
			},
		},
		"route instance_id": {
			src: provider + `resource "aws_route" "r" {
  route_table_id         = "rtb-1"
  destination_cidr_block = "0.0.0.0/0"
  instance_id            = "i-1"
}`,
			want: []string{`main.hcl:7,3-14: Unsupported argument; An argument named "instance_id" is not expected here: it was removed in version 5 of the AWS provider; use network_interface_id instead.`},
		},
		"route table route instance_id": {
			src: provider + `resource "aws_route_table" "r" {
  vpc_id = "vpc-1"
  route {
    cidr_block  = "0.0.0.0/0"
    instance_id = "i-1"
  }
}`,
			want: []string{`main.hcl:8,5-16: Unsupported argument; An argument named "instance_id" is not expected here: it was removed in version 5 of the AWS provider; use network_interface_id instead.`},
		},
		"vpc classiclink": {
			src: provider + `resource "aws_vpc" "v" {
  cidr_block         = "10.0.0.0/16"
  enable_classiclink = false
}`,
			want: []string{`main.hcl:6,3-21: Unsupported argument; An argument named "enable_classiclink" is not expected here: it was removed in version 5 of the AWS provider with EC2-Classic; remove it.`},
		},
		"policy document source_json": {
			src: provider + `data "aws_iam_policy_document" "d" {
  source_json = "{}"
}`,
			want: []string{`main.hcl:5,3-14: Unsupported argument; An argument named "source_json" is not expected here: it was removed in version 5 of the AWS provider; use source_policy_documents instead.`},
		},
		"s3control account_id placeholder": {
			src: provider + `resource "aws_s3control_object_lambda_access_point" "o" {
  name       = "images"
  account_id = "YOUR_ACCOUNT_ID"
  configuration {
    supporting_access_point = "arn:aws:s3:eu-west-1:111111111111:accesspoint/images"
    transformation_configuration {
      actions = ["GetObject"]
      content_transformation {
        aws_lambda {
          function_arn = "arn:aws:lambda:eu-west-1:111111111111:function:f"
        }
      }
    }
  }
}`,
			want: []string{`main.hcl:6,16-33: Invalid account ID; "account_id" doesn't look like AWS Account ID (exactly 12 digits): "YOUR_ACCOUNT_ID"`},
		},
		"access point bucket_account_id too short": {
			src: provider + `resource "aws_s3_access_point" "a" {
  bucket            = "b"
  name              = "a"
  account_id        = "111111111111"
  bucket_account_id = "2222"
}`,
			want: []string{`main.hcl:8,23-29: Invalid account ID; "bucket_account_id" doesn't look like AWS Account ID (exactly 12 digits): "2222"`},
		},
		// A sensitive value is not quoted in the message.
		"access point account_id sensitive": {
			src: provider + `variable "account" {
  type      = string
  default   = "secret-account"
  sensitive = true
}
resource "aws_s3_access_point" "a" {
  bucket     = "b"
  name       = "a"
  account_id = var.account
}`,
			want: []string{`main.hcl:12,16-27: Invalid account ID; "account_id" doesn't look like AWS Account ID (exactly 12 digits): (sensitive value)`},
		},
		// A nested argument the provider validates, written as a
		// placeholder; the one from a variable is not checked.
		"mrap region bucket_account_id placeholder": {
			src: provider + `variable "owner" {
  type    = string
  default = "not-an-account"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "m"
    region {
      bucket            = "b1"
      bucket_account_id = "YOUR_ACCOUNT_ID"
    }
    region {
      bucket            = "b2"
      bucket_account_id = var.owner
    }
  }
}`,
			want: []string{`main.hcl:13,27-44: Invalid account ID; "bucket_account_id" doesn't look like AWS Account ID (exactly 12 digits): "YOUR_ACCOUNT_ID"`},
		},
		"mrap policy account_id from a variable": {
			src: provider + `variable "account" {
  type = string
}
resource "aws_s3control_multi_region_access_point_policy" "p" {
  account_id = var.account
  details {
    name   = "m"
    policy = "{}"
  }
}`,
		},
		"timeouts": {
			src: provider + `resource "aws_vpc_endpoint" "e" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.eu-west-1.s3"
  timeouts {
    create = "20m"
    read   = "5m"
  }
}`,
			want: []string{`main.hcl:9,5-9: Unsupported argument; An argument named "read" is not expected here.`},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			res := evaluate(t, hcl1(tt.src), Options{})
			got := res.diagStrings()
			if tt.want == nil {
				tt.want = []string{}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTimeoutsValue checks that a timeouts block decodes to an object and
// its absence to null, which is what the provider's state holds.
func TestTimeoutsValue(t *testing.T) {
	m := mustEvaluate(t, hcl1(`
resource "aws_nat_gateway" "set" {
  subnet_id = "subnet-1"
  timeouts {
    delete = "1h"
  }
}
resource "aws_nat_gateway" "unset" {
  subnet_id = "subnet-1"
}
`), Options{})
	want := cty.ObjectVal(map[string]cty.Value{
		"create": cty.NullVal(cty.String),
		"update": cty.NullVal(cty.String),
		"delete": cty.StringVal("1h"),
	})
	if got := inst(t, m, "aws_nat_gateway.set").Attr("timeouts"); !got.RawEquals(want) {
		t.Errorf("set: got %#v, want %#v", got, want)
	}
	if got := inst(t, m, "aws_nat_gateway.unset").Attr("timeouts"); !got.IsNull() {
		t.Errorf("unset: got %#v, want null", got)
	}
}
