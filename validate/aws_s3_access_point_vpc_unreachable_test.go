package validate

import "testing"

func TestAWSS3AccessPointVPCUnreachable(t *testing.T) {
	const base = `provider "aws" {
  region              = "eu-west-2"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_access_point" "ap" {
  bucket = "example-data"
  name   = "analytics"
  vpc_configuration {
    vpc_id = aws_vpc.main.id
  }
}
`
	runRuleCases(t, awsS3AccessPointVPCUnreachable, map[string]ruleCase{
		"no endpoint at all": {
			src:  base,
			want: []string{"12:14-12:29 S3 access point unreachable from its VPC"},
		},
		"endpoints of unknown for_each stay silent": {
			src: base + `variable "services" {
  type = set(string)
}
resource "aws_vpc_endpoint" "e" {
  for_each     = var.services
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.${each.value}"
}`,
		},
		"only a DynamoDB endpoint, and an S3 endpoint in another VPC": {
			src: base + `resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_endpoint" "ddb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.dynamodb"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.other.id
  service_name = "com.amazonaws.eu-west-2.s3"
}`,
			want: []string{"12:14-12:29 S3 access point unreachable from its VPC"},
		},
		"count of access points in a count of VPCs": {
			src: `resource "aws_vpc" "v" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.v[0].id
  service_name = "com.amazonaws.eu-west-2.s3"
}
resource "aws_s3_access_point" "ap" {
  count  = 2
  bucket = "example-data"
  name   = "analytics-${count.index}"
  vpc_configuration {
    vpc_id = aws_vpc.v[count.index].id
  }
}`,
			want: []string{"14:14-14:39 S3 access point unreachable from its VPC"},
		},
		"gateway endpoint": {
			src: base + `resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.s3"
}`,
		},
		"interface endpoint": {
			src: base + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-2.s3"
  vpc_endpoint_type = "Interface"
}`,
		},
		"Internet-origin access point": {
			src: `resource "aws_s3_access_point" "ap" {
  bucket = "example-data"
  name   = "analytics"
}`,
		},
		"cross-account VPC with an endpoint": {
			src: base + `provider "aws" {
  alias               = "network"
  region              = "eu-west-2"
  allowed_account_ids = ["222222222222"]
}
resource "aws_vpc" "shared" {
  provider   = aws.network
  cidr_block = "10.9.0.0/16"
}
resource "aws_vpc_endpoint" "shared" {
  provider     = aws.network
  vpc_id       = aws_vpc.shared.id
  service_name = "com.amazonaws.eu-west-2.s3"
}
resource "aws_s3_access_point" "shared" {
  bucket = "example-data"
  name   = "shared"
  vpc_configuration {
    vpc_id = aws_vpc.shared.id
  }
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-2.s3"
}`,
		},
		"endpoint of unknown service stays silent": {
			src: base + `variable "service" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}`,
		},
		"endpoint in an unknown VPC stays silent": {
			src: base + `variable "vpc_id" {
  type = string
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = var.vpc_id
  service_name = "com.amazonaws.eu-west-2.s3"
}`,
		},
	})
}
