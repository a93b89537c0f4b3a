package validate

import "testing"

func TestAWSS3AccessPointNameDuplicate(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "other"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
}
provider "aws" {
  alias               = "west"
  region              = "us-west-2"
  allowed_account_ids = ["111111111111"]
}
`
	runRuleCases(t, awsS3AccessPointNameDuplicate, map[string]ruleCase{
		"same account and Region": {
			src: providers + `resource "aws_s3_access_point" "a" {
  bucket = "example-a"
  name   = "reports"
}
resource "aws_s3_access_point" "b" {
  bucket = "example-b"
  name   = "reports"
}`,
			want: []string{"21:12-21:21 Duplicate S3 access point name"},
		},
		"count gives every instance one name": {
			src: providers + `resource "aws_s3_access_point" "a" {
  count  = 3
  bucket = "example-a"
  name   = "reports"
}`,
			want: []string{
				"18:12-18:21 Duplicate S3 access point name",
				"18:12-18:21 Duplicate S3 access point name",
			},
		},
		"account_id argument puts one in the other account": {
			src: providers + `resource "aws_s3_access_point" "a" {
  bucket = "example-a"
  name   = "reports"
}
resource "aws_s3_access_point" "b" {
  provider   = aws.other
  account_id = "111111111111"
  bucket     = "example-b"
  name       = "reports"
}`,
			want: []string{"23:16-23:25 Duplicate S3 access point name"},
		},
		"other account or other Region": {
			src: providers + `resource "aws_s3_access_point" "a" {
  bucket = "example-a"
  name   = "reports"
}
resource "aws_s3_access_point" "b" {
  provider = aws.other
  bucket   = "example-b"
  name     = "reports"
}
resource "aws_s3_access_point" "c" {
  provider = aws.west
  bucket   = "example-c"
  name     = "reports"
}`,
		},
		"for_each with distinct names": {
			src: providers + `resource "aws_s3_access_point" "a" {
  for_each = toset(["reports", "exports"])
  bucket   = "example-a"
  name     = each.key
}`,
		},
		"unknown account stays silent": {
			src: `provider "aws" {
  region = "us-east-1"
}
resource "aws_s3_access_point" "a" {
  bucket = "example-a"
  name   = "reports"
}
resource "aws_s3_access_point" "b" {
  bucket = "example-b"
  name   = "reports"
}`,
		},
	})
}
