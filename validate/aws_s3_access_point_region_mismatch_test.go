package validate

import "testing"

func TestAWSS3AccessPointRegionMismatch(t *testing.T) {
	const providers = threeProviders
	runRuleCases(t, awsS3AccessPointRegionMismatch, map[string]ruleCase{
		"bucket in another Region": {
			src: providers + `resource "aws_s3_bucket" "b" {
  provider = aws.eu
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "reports"
}`,
			want: []string{"20:12-20:30 S3 access point in another Region than its bucket"},
		},
		"literal bucket name, for_each": {
			src: providers + `resource "aws_s3_bucket" "b" {
  bucket = "example-data"
}
resource "aws_s3_access_point" "ap" {
  for_each = { us = "us", eu = "eu" }
  bucket   = "example-data"
  name     = "reports-${each.key}"
}
resource "aws_s3_access_point" "eu" {
  provider = aws.eu
  bucket   = "example-data"
  name     = "reports"
}`,
			want: []string{"25:14-25:28 S3 access point in another Region than its bucket"},
		},
		"same Region, cross-account": {
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
		"unknown Region stays silent": {
			src: `variable "region" {
  type = string
}
provider "aws" {
  alias  = "x"
  region = var.region
}
resource "aws_s3_bucket" "b" {
  provider = aws.x
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "reports"
}`,
		},
	})
}
