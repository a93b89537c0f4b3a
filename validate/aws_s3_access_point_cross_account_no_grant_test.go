package validate

import "testing"

func TestAWSS3AccessPointCrossAccountNoGrant(t *testing.T) {
	const base = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias  = "data"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}
resource "aws_s3_bucket" "b" {
  provider = aws.data
  bucket   = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket            = aws_s3_bucket.b.id
  bucket_account_id = "222222222222"
  name              = "reports"
}
`
	policy := func(statement string) string {
		return `resource "aws_s3_bucket_policy" "b" {
  provider = aws.data
  bucket   = aws_s3_bucket.b.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [` + statement + `]
  })
}
`
	}
	runRuleCases(t, awsS3AccessPointCrossAccountNoGrant, map[string]ruleCase{
		"policy grants only a third account": {
			src:  base + policy(`{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::333333333333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::example-data/*" }`),
			want: []string{"17:23-17:41 Bucket policy does not grant the access point's account"},
		},
		"bucket policies of unknown for_each stay silent": {
			src: base + policy(`{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::333333333333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::example-data/*" }`) + `variable "policies" {
  type = map(string)
}
resource "aws_s3_bucket_policy" "more" {
  for_each = var.policies
  provider = aws.data
  bucket   = aws_s3_bucket.b.id
  policy   = each.value
}
`,
		},
		"policy delegates to access points of the account": {
			src: base + policy(`{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "*"
      Resource  = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
      Condition = { StringEquals = { "s3:DataAccessPointAccount" = "111111111111" } }
    }`),
		},
		"policy grants the account": {
			src: base + policy(`{ Effect = "Allow", Principal = { AWS = "111111111111" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::example-data/reports/*" }`),
		},
		"no bucket policy in the configuration": {
			src: base,
		},
		"same account": {
			src: `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3_bucket" "b" {
  bucket = "example-data"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*" }] })
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "reports"
}
`,
		},
	})
}
