package validate

import "testing"

func TestAWSVPCEndpointPrivateDNSVPCAttributes(t *testing.T) {
	const ssm = `resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = %s
}`
	runRuleCases(t, awsVPCEndpointPrivateDNSVPCAttributes, map[string]ruleCase{
		"hostnames off": {
			src:  sprintf(endpointVPC, "false") + sprintf(ssm, "true"),
			want: []string{"15:25-15:29 Private DNS without VPC DNS attributes"},
		},
		"hostnames left at the default": {
			src: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
` + sprintf(ssm, "true"),
			want: []string{"8:25-8:29 Private DNS without VPC DNS attributes"},
		},
		"both on": {
			src: sprintf(endpointVPC, "true") + sprintf(ssm, "true"),
		},
		"private DNS off": {
			src: sprintf(endpointVPC, "false") + sprintf(ssm, "false"),
		},
		"VPC unknown stays silent": {
			src: `variable "vpc_id" {
  type = string
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}`,
		},
	})
}
