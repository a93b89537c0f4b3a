package validate

import "testing"

const endpointVPC = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = %s
}
`

func TestAWSVPCEndpointServiceTypeUnsupported(t *testing.T) {
	runRuleCases(t, awsVPCEndpointServiceTypeUnsupported, map[string]ruleCase{
		"gateway endpoint to SSM by default": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.ssm"
}`,
			want: []string{"13:18-13:47 Endpoint type not offered by the service"},
		},
		"gateway endpoints for each of a set": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "e" {
  for_each          = toset(["s3", "dynamodb", "sts"])
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Gateway"
}`,
			want: []string{"15:23-15:32 Endpoint type not offered by the service"},
		},
		"interface endpoint to S3 and gateway to DynamoDB": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "ddb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.dynamodb"
}`,
		},
		"unknown service name stays silent": {
			src: sprintf(endpointVPC, "true") + `variable "service" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}`,
		},
	})
}
