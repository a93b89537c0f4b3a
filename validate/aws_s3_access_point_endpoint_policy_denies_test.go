package validate

import "testing"

func TestAWSS3AccessPointEndpointPolicyDenies(t *testing.T) {
	const base = `provider "aws" {
  region              = "eu-west-2"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.data.id
  name   = "analytics"
  vpc_configuration {
    vpc_id = aws_vpc.main.id
  }
}
`
	endpoint := func(resources string) string {
		return `resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.s3"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = ` + resources + `
    }]
  })
}
`
	}
	runRuleCases(t, awsS3AccessPointEndpointPolicyDenies, map[string]ruleCase{
		"policy allows only the bucket": {
			src:  base + endpoint(`["arn:aws:s3:::example-data/*"]`),
			want: []string{"15:14-15:29 VPC endpoint policies shut out the access point"},
		},
		"policy allows only another bucket and the access point": {
			src:  base + endpoint(`["arn:aws:s3:eu-west-2:111111111111:accesspoint/analytics/object/*", "arn:aws:s3:::other/*"]`),
			want: []string{"15:14-15:29 VPC endpoint policies shut out the access point"},
		},
		"policy allows both": {
			src: base + endpoint(`["arn:aws:s3:eu-west-2:111111111111:accesspoint/analytics/object/reports/*", "arn:aws:s3:::example-data/reports/*"]`),
		},
		"policy allows every access point of the account": {
			src: base + endpoint(`["arn:aws:s3:eu-west-2:111111111111:accesspoint/*", "arn:aws:s3:::example-data/*"]`),
		},
		"a second endpoint without a policy": {
			src: base + endpoint(`["arn:aws:s3:::example-data/*"]`) + `resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-2.s3"
  vpc_endpoint_type = "Interface"
}
`,
		},
		"endpoints of unknown for_each stay silent": {
			src: base + endpoint(`["arn:aws:s3:::example-data/*"]`) + `variable "types" {
  type = set(string)
}
resource "aws_vpc_endpoint" "more" {
  for_each          = var.types
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-2.s3"
  vpc_endpoint_type = each.value
}
`,
		},
		"endpoint policy resources of unknown for_each stay silent": {
			src: base + endpoint(`["arn:aws:s3:::example-data/*"]`) + `variable "policies" {
  type = map(string)
}
resource "aws_vpc_endpoint_policy" "s3" {
  for_each        = var.policies
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  policy          = each.value
}
`,
		},
		"endpoint policy resource replaces with the default": {
			src: base + endpoint(`["arn:aws:s3:::example-data/*"]`) + `resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
}
`,
		},
		"unknown policy stays silent": {
			src: base + `variable "policy" {
  type = string
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.s3"
  policy       = var.policy
}
`,
		},
	})
}
