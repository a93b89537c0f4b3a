package validate

import "testing"

func TestAWSVPCEndpointServiceRegionMismatch(t *testing.T) {
	vpc := sprintf(endpointVPC, "true")
	const gw = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.%s.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`
	const iface = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = %q
  service_region    = %q
  vpc_endpoint_type = %q
}`
	const service = `provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}
resource "aws_vpc_endpoint_service" "svc" {
  provider                   = aws.use1
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/app/0123456789abcdef"]
  %s
}
resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.svc.service_name
  vpc_endpoint_type = "Interface"
}`
	runRuleCases(t, awsVPCEndpointServiceRegionMismatch, map[string]ruleCase{
		"gateway endpoint to another Region": {
			src:  vpc + sprintf(gw, "us-east-1"),
			want: []string{"13:21-13:49 Endpoint service in another Region"},
		},
		"cross-Region S3 gateway endpoint": {
			src:  vpc + sprintf(iface, "com.amazonaws.us-east-1.s3", "us-east-1", "Gateway"),
			want: []string{"14:23-14:34 Endpoint service in another Region"},
		},
		"same Region": {
			src: vpc + sprintf(gw, "eu-west-1"),
		},
		"cross-Region S3 interface endpoint": {
			src: vpc + sprintf(iface, "com.amazonaws.us-east-1.s3", "us-east-1", "Interface"),
		},
		"cross-Region DynamoDB interface endpoint": {
			src:  vpc + sprintf(iface, "com.amazonaws.us-east-1.dynamodb", "us-east-1", "Interface"),
			want: []string{"14:23-14:34 Endpoint service in another Region"},
		},
		"service_region disagrees with the service name": {
			src:  vpc + sprintf(iface, "com.amazonaws.eu-west-1.ssm", "us-east-1", "Interface"),
			want: []string{"14:23-14:34 Endpoint service in another Region"},
		},
		"interface endpoint to SSM of another Region, per count instance": {
			src: vpc + `resource "aws_vpc_endpoint" "ssm" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${count.index == 0 ? "eu-west-1" : "us-east-1"}.ssm"
  vpc_endpoint_type = "Interface"
}`,
			want: []string{"14:23-14:90 Endpoint service in another Region"},
		},
		"endpoint service of another Region that does not allow it": {
			src:  vpc + sprintf(service, `supported_regions = ["us-east-1", "us-west-2"]`),
			want: []string{"23:23-23:64 Endpoint service in another Region"},
		},
		"endpoint service of another Region that allows it": {
			src: vpc + sprintf(service, `supported_regions = ["us-east-1", "eu-west-1"]`),
		},
		"endpoint service of another Region, supported Regions not written": {
			src: vpc + sprintf(service, ""),
		},
		"endpoint service name of another Region": {
			src: vpc + sprintf(iface, "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "us-east-1", "Interface"),
		},
		"GWLB endpoint service name of another Region": {
			src:  vpc + sprintf(iface, "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "us-east-1", "GatewayLoadBalancer"),
			want: []string{"14:23-14:34 Endpoint service in another Region"},
		},
		"region argument: endpoint and VPC in us-west-2, service of us-west-2": {
			src: `provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  region     = "us-west-2"
  cidr_block = "10.0.0.0/16"
}
` + regionalGateway("us-west-2"),
		},
		"region argument: endpoint and VPC in us-west-2, service of the provider's Region": {
			src: `provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  region     = "us-west-2"
  cidr_block = "10.0.0.0/16"
}
` + regionalGateway("eu-west-1"),
			want: []string{"11:21-11:49 Endpoint service in another Region"},
		},
		"region argument on the endpoint alone, VPC id literal": {
			src: `provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc_endpoint" "s3" {
  region          = "us-west-2"
  vpc_id          = "vpc-0123456789abcdef0"
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`,
			want: []string{"7:21-7:49 Endpoint service in another Region"},
		},
		"unknown Region stays silent": {
			src: `variable "region" {
  type = string
}
provider "aws" {
  region = var.region
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
` + sprintf(gw, "us-east-1"),
		},
	})
}

// regionalGateway is a gateway endpoint to S3 of the Region, itself in
// us-west-2 by its region argument, in the VPC aws_vpc.main.
func regionalGateway(region string) string {
	return sprintf(`resource "aws_vpc_endpoint" "s3" {
  region          = "us-west-2"
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.%s.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`, region)
}
