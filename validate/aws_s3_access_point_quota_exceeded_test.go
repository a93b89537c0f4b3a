package validate

import "testing"

func TestAWSS3AccessPointQuotaExceeded(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "other"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
}
`
	runRuleCases(t, awsS3AccessPointQuotaExceeded, map[string]ruleCase{
		"10,001 in one account and Region": {
			src: providers + `resource "aws_s3_access_point" "ap" {
  count  = 10001
  bucket = "example-data"
  name   = "ap-${count.index}"
}`,
			want: []string{"10:1-10:36 S3 access point quota exceeded"},
		},
		"10,000 in one account, more in another": {
			src: providers + `resource "aws_s3_access_point" "ap" {
  count  = 10000
  bucket = "example-data"
  name   = "ap-${count.index}"
}
resource "aws_s3_access_point" "other" {
  provider = aws.other
  count    = 5
  bucket   = "example-data"
  name     = "ap-${count.index}"
}`,
		},
		"unknown account is not counted": {
			src: `resource "aws_s3_access_point" "ap" {
  count  = 10001
  bucket = "example-data"
  name   = "ap-${count.index}"
}`,
		},
	})
}
