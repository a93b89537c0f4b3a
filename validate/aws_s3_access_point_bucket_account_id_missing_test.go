package validate

import "testing"

func TestAWSS3AccessPointBucketAccountIDMissing(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias  = "other"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}
`
	runRuleCases(t, awsS3AccessPointBucketAccountIDMissing, map[string]ruleCase{
		"bucket in another account": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "reports"
}`,
			want: []string{"16:1-16:36 Missing bucket_account_id for a cross-account access point"},
		},
		"for_each over both accounts' buckets": {
			src: providers + `resource "aws_s3_bucket" "mine" {
  bucket = "example-mine"
}
resource "aws_s3_bucket" "theirs" {
  provider = aws.other
  bucket   = "example-theirs"
}
resource "aws_s3_access_point" "ap" {
  for_each = { mine = aws_s3_bucket.mine.bucket, theirs = aws_s3_bucket.theirs.bucket }
  bucket   = each.value
  name     = each.key
}`,
			want: []string{"19:1-19:36 Missing bucket_account_id for a cross-account access point"},
		},
		"bucket_account_id set": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket            = aws_s3_bucket.b.id
  bucket_account_id = "222222222222"
  name              = "reports"
}`,
		},
		"access point created in the bucket's account": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.other
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  account_id = "222222222222"
  bucket     = aws_s3_bucket.b.id
  name       = "reports"
}`,
		},
		"unknown bucket account stays silent": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.unknown
  bucket   = "example-data"
}
provider "aws" {
  alias  = "unknown"
  region = "us-east-1"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "reports"
}`,
		},
	})
}
