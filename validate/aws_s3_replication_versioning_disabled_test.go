package validate

import "testing"

func TestAWSS3ReplicationVersioningDisabled(t *testing.T) {
	const buckets = `resource "aws_s3_bucket" "src" {
  bucket = "src-bucket"
}
resource "aws_s3_bucket" "dst" {
  bucket = "dst-bucket"
}
resource "aws_s3_bucket_versioning" "src" {
  bucket = aws_s3_bucket.src.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_iam_role" "replication" {
  name               = "replication"
  assume_role_policy = "{}"
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = aws_iam_role.replication.arn
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.dst.arn
    }
  }
}
`
	runRuleCases(t, awsS3ReplicationVersioningDisabled, map[string]ruleCase{
		"destination without versioning": {
			src:  buckets,
			want: []string{"23:16-23:37 Replication without versioning"},
		},
		"destination suspended": {
			src: buckets + `resource "aws_s3_bucket_versioning" "dst" {
  bucket = aws_s3_bucket.dst.id
  versioning_configuration {
    status = "Suspended"
  }
}`,
			want: []string{"23:16-23:37 Replication without versioning"},
		},
		"both enabled": {
			src: buckets + `resource "aws_s3_bucket_versioning" "dst" {
  bucket = aws_s3_bucket.dst.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
		},
		"versioning of unknown for_each stays silent": {
			src: buckets + `variable "buckets" {
  type = set(string)
}
resource "aws_s3_bucket_versioning" "more" {
  for_each = var.buckets
  bucket   = each.value
  versioning_configuration {
    status = "Enabled"
  }
}`,
		},
		"a versioning configuration block of unknown for_each stays silent": {
			src: buckets + `variable "statuses" {
  type = set(string)
}
resource "aws_s3_bucket_versioning" "dst" {
  bucket = aws_s3_bucket.dst.id
  dynamic "versioning_configuration" {
    for_each = var.statuses
    content {
      status = versioning_configuration.value
    }
  }
}`,
		},
		"status from an unset variable stays silent": {
			src: buckets + `variable "status" {
  type = string
}
resource "aws_s3_bucket_versioning" "dst" {
  bucket = aws_s3_bucket.dst.id
  versioning_configuration {
    status = var.status
  }
}`,
		},
	})
}
