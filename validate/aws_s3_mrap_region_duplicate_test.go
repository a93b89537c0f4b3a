package validate

import "testing"

func TestAWSS3MRAPRegionDuplicate(t *testing.T) {
	const providers = threeProviders
	runRuleCases(t, awsS3MRAPRegionDuplicate, map[string]ruleCase{
		"two buckets in us-east-1, one cross-account": {
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
			want: []string{"29:27-29:45 Two Multi-Region Access Point buckets in one Region"},
		},
		"count of buckets through a dynamic block": {
			src: providers + `resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "example-${count.index}"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    dynamic "region" {
      for_each = aws_s3_bucket.b
      content {
        bucket = region.value.bucket
      }
    }
  }
}`,
			want: []string{"25:18-25:37 Two Multi-Region Access Point buckets in one Region"},
		},
		"for_each access points over pairs of buckets": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  bucket = "example-b"
}
resource "aws_s3_bucket" "c" {
  provider = aws.eu
  bucket   = "example-c"
}
resource "aws_s3control_multi_region_access_point" "m" {
  for_each = { ab = aws_s3_bucket.b.id, ac = aws_s3_bucket.c.id }
  details {
    name = each.key
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = each.value
    }
  }
}`,
			want: []string{"33:16-33:26 Two Multi-Region Access Point buckets in one Region"},
		},
		"one bucket per Region": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.eu
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
		"the same bucket twice is one bucket": {
			src: providers + `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = aws_s3_bucket.a.bucket
    }
  }
}`,
		},
		"unknown Region stays silent": {
			src: `resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  bucket = "example-b"
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
	})
}
