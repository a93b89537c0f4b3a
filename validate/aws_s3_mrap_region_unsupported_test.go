package validate

import "testing"

func TestAWSS3MRAPRegionUnsupported(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "jakarta"
  region              = "ap-southeast-3"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "malaysia"
  region              = "ap-southeast-5"
  allowed_account_ids = ["111111111111"]
}
`
	runRuleCases(t, awsS3MRAPRegionUnsupported, map[string]ruleCase{
		"bucket in a Region without MRAPs": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.malaysia
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}`,
			want: []string{"29:16-29:34 Bucket in a Region without Multi-Region Access Points"},
		},
		"count of MRAPs sharing the bucket reports it once": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.malaysia
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  count = 3
  details {
    name = "reports-${count.index}"
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}`,
			want: []string{"24:16-24:34 Bucket in a Region without Multi-Region Access Points"},
		},
		"an opt-in Region MRAPs support": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.jakarta
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}`,
		},
		"unknown Region stays silent": {
			src: `variable "region" {
  type = string
}
provider "aws" {
  region = var.region
}
resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
  }
}`,
		},
	})
}
