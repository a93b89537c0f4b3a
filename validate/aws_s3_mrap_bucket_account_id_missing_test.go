package validate

import "testing"

func TestAWSS3MRAPBucketAccountIDMissing(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias  = "other"
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}
provider "aws" {
  alias  = "unknown"
  region = "eu-west-1"
}
`
	runRuleCases(t, awsS3MRAPBucketAccountIDMissing, map[string]ruleCase{
		"bucket in another account": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.other
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
			want: []string{"29:5-29:11 Missing bucket_account_id for a cross-account bucket"},
		},
		"buckets through a dynamic block without bucket_account_id": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    dynamic "region" {
      for_each = [aws_s3_bucket.a.id, aws_s3_bucket.b.id]
      content {
        bucket = region.value
      }
    }
  }
}`,
			want: []string{"26:5-26:21 Missing bucket_account_id for a cross-account bucket"},
		},
		"bucket_account_id set": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket            = aws_s3_bucket.b.id
      bucket_account_id = "222222222222"
    }
  }
}`,
		},
		"MRAP created in the bucket's account": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  account_id = "222222222222"
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}`,
		},
		"unknown bucket account stays silent": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.unknown
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}`,
		},
		"bucket_account_id from a variable is set": {
			src: providers + `variable "owner" {
  type = string
}
resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket            = aws_s3_bucket.b.id
      bucket_account_id = var.owner
    }
  }
}`,
		},
	})
}
