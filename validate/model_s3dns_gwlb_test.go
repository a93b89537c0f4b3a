package validate

// s3dnsBase is the provider, VPC and subnet the tests of the S3 private DNS
// and GWLB rules start from: 14 lines, so the resources a test appends
// start on line 15.
const s3dnsBase = `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
`

// s3dnsGateway is an S3 gateway endpoint in aws_vpc.main.
const s3dnsGateway = `resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
`
