package validate

import "testing"

func TestAWSS3MRAPCrossAccountNoGrant(t *testing.T) {
	const base = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}
resource "aws_s3_bucket" "east" {
  bucket = "example-east"
}
resource "aws_s3_bucket" "west" {
  provider = aws.west
  bucket   = "example-west"
}
resource "aws_s3control_multi_region_access_point" "mrap" {
  details {
    name = "example"
    region {
      bucket = aws_s3_bucket.east.id
    }
    region {
      bucket            = aws_s3_bucket.west.id
      bucket_account_id = "222222222222"
    }
  }
}
`
	policy := func(principal string) string {
		return `resource "aws_s3_bucket_policy" "west" {
  provider = aws.west
  bucket   = aws_s3_bucket.west.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "` + principal + `" }
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::example-west/*"
      Condition = { StringEquals = { "s3:DataAccessPointArn" = "arn:aws:s3::111111111111:accesspoint/example.mrap" } }
    }]
  })
}
`
	}
	runRuleCases(t, awsS3MRAPCrossAccountNoGrant, map[string]ruleCase{
		"policy grants another account": {
			src:  base + policy("arn:aws:iam::333333333333:root"),
			want: []string{"26:27-26:48 Bucket policy does not grant the Multi-Region Access Point"},
		},
		"bucket policies of unknown for_each stay silent": {
			src: base + policy("arn:aws:iam::333333333333:root") + `variable "policies" {
  type = map(string)
}
resource "aws_s3_bucket_policy" "more" {
  for_each = var.policies
  provider = aws.west
  bucket   = aws_s3_bucket.west.id
  policy   = each.value
}
`,
		},
		"policy grants the MRAP's account": {
			src: base + policy("arn:aws:iam::111111111111:root"),
		},
		"no bucket policy in the configuration": {
			src: base,
		},
		"policy from a variable stays silent": {
			src: base + `variable "policy" {
  type = string
}
resource "aws_s3_bucket_policy" "west" {
  provider = aws.west
  bucket   = aws_s3_bucket.west.id
  policy   = var.policy
}
`,
		},
	})
}
