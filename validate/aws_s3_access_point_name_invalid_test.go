package validate

import "testing"

func TestAWSS3AccessPointNameInvalid(t *testing.T) {
	runRuleCases(t, awsS3AccessPointNameInvalid, map[string]ruleCase{
		"uppercase": {
			src: `resource "aws_s3_bucket" "b" {
  bucket = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "Analytics"
}`,
			want: []string{"6:12-6:23 Invalid S3 access point name"},
		},
		"too short, too long, hyphen, alias suffixes": {
			src: `resource "aws_s3_access_point" "ap" {
  for_each = toset(["ab", "${join("", [for i in range(51) : "a"])}", "-lead", "trail-", "data-s3alias", "data-ext-s3alias", "under_score", "dot.ted"])
  bucket   = "example-data"
  name     = each.value
}`,
			want: []string{
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
				"4:14-4:24 Invalid S3 access point name",
			},
		},
		"edges: 3 and 50 characters, digits first, inner hyphens": {
			src: `resource "aws_s3_access_point" "ap" {
  for_each = toset(["abc", "${join("", [for i in range(50) : "a"])}", "1st-access-point", "s3alias", "data-s3alias-x"])
  bucket   = "example-data"
  name     = each.value
}`,
		},
		"other account's provider, valid": {
			src: `provider "aws" {
  alias               = "other"
  region              = "eu-west-1"
  allowed_account_ids = ["222222222222"]
}
resource "aws_s3_access_point" "ap" {
  provider = aws.other
  bucket   = "example-data"
  name     = "shared-reports"
}`,
		},
		"unknown name stays silent": {
			src: `variable "name" {
  type = string
}
resource "aws_s3_access_point" "ap" {
  bucket = "example-data"
  name   = var.name
}`,
		},
	})
}
