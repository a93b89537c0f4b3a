package validate

import "testing"

// endpointVPC is a provider in eu-west-1 and a VPC with DNS support, whose
// enable_dns_hostnames is the format argument. Other endpoint rule tests
// use it too; its closing brace is on line 10.
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
	vpc := sprintf(endpointVPC, "true")
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = %q
  vpc_endpoint_type = %q
}`
	runRuleCases(t, awsVPCEndpointServiceTypeUnsupported, map[string]ruleCase{
		"gateway endpoint to SSM by default": {
			src: vpc + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.ssm"
}`,
			want: []string{"13:18-13:47 Endpoint type not offered by the service"},
		},
		"gateway endpoints for each of a set": {
			src: vpc + `resource "aws_vpc_endpoint" "e" {
  for_each          = toset(["s3", "dynamodb", "sts"])
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Gateway"
}`,
			want: []string{"15:23-15:32 Endpoint type not offered by the service"},
		},
		"interface endpoint to DynamoDB Streams, gateway to DynamoDB Streams": {
			src: vpc + `resource "aws_vpc_endpoint" "streams" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.dynamodb-streams"
  vpc_endpoint_type = count.index == 0 ? "Interface" : "Gateway"
}`,
			want: []string{"15:23-15:65 Endpoint type not offered by the service"},
		},
		"GWLB endpoint to an AWS service": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.ssm", "GatewayLoadBalancer"),
			want: []string{"14:23-14:44 Endpoint type not offered by the service"},
		},
		"GWLB endpoint to an AWS service the catalog does not list": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.quantumledger", "GatewayLoadBalancer"),
			want: []string{"14:23-14:44 Endpoint type not offered by the service"},
		},
		"gateway endpoint to an AWS service the catalog does not list": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.quantumledger", "Gateway"),
			want: []string{"14:23-14:32 Endpoint type not offered by the service"},
		},
		"gateway endpoint to an endpoint service by default": {
			src: vpc + `resource "aws_vpc_endpoint" "partner" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
}`,
			want: []string{"13:18-13:75 Endpoint type not offered by the service"},
		},
		"endpoint services in the configuration": {
			src: vpc + `resource "aws_vpc_endpoint_service" "nlb" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/app/0123456789abcdef"]
}
resource "aws_vpc_endpoint_service" "gwlb" {
  acceptance_required        = false
  gateway_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/gwy/fw/0123456789abcdef"]
}
resource "aws_vpc_endpoint" "gateway" {
  vpc_id       = aws_vpc.main.id
  service_name = aws_vpc_endpoint_service.nlb.service_name
}
resource "aws_vpc_endpoint" "interface" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.gwlb.service_name
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "fine" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.nlb.service_name
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "gwlb" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.gwlb.service_name
  vpc_endpoint_type = "GatewayLoadBalancer"
}`,
			want: []string{
				"21:18-21:59 Endpoint type not offered by the service",
				"26:23-26:34 Endpoint type not offered by the service",
			},
		},
		"interface endpoint to S3 and gateway to DynamoDB": {
			src: vpc + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "ddb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.dynamodb"
}`,
		},
		"interface endpoint to S3 Express, unconfirmed, stays silent": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.s3express", "Interface"),
		},
		"interface endpoint to a service the catalog does not list": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.quantumledger", "Interface"),
		},
		"GWLB endpoint to an endpoint service name": {
			src: vpc + sprintf(e, "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", "GatewayLoadBalancer"),
		},
		"unknown service name stays silent": {
			src: vpc + `variable "service" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}`,
		},
		"unknown type stays silent": {
			src: vpc + `variable "type" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = var.type
}`,
		},
	})
}
