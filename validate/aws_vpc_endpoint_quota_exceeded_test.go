package validate

import "testing"

func TestAWSVPCEndpointQuotaExceeded(t *testing.T) {
	vpc := sprintf(endpointVPC, "true")
	const ifaces = `resource "aws_vpc_endpoint" "ssm" {
  count             = %d
  vpc_id            = %s
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}
`
	const gwlbs = `resource "aws_vpc_endpoint" "gwlb" {
  count             = %d
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}
`
	const gateways = `resource "aws_vpc_endpoint" "s3" {
  count           = %d
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}
`
	runRuleCases(t, awsVPCEndpointQuotaExceeded, map[string]ruleCase{
		"51 interface endpoints": {
			src:  vpc + sprintf(ifaces, 51, "aws_vpc.main.id"),
			want: []string{"11:1-11:34 Too many interface endpoints in one VPC"},
		},
		"50": {
			src: vpc + sprintf(ifaces, 50, "aws_vpc.main.id"),
		},
		"30 interface and 21 GWLB endpoints": {
			src:  vpc + sprintf(gwlbs, 21) + sprintf(ifaces, 30, "aws_vpc.main.id"),
			want: []string{"18:1-18:34 Too many interface endpoints in one VPC"},
		},
		"51 in a VPC given by ID": {
			src:  vpc + sprintf(ifaces, 51, `"vpc-0123456789abcdef0"`),
			want: []string{"11:1-11:34 Too many interface endpoints in one VPC"},
		},
		"25 and 26 in two VPCs": {
			src: vpc + sprintf(ifaces, 25, "aws_vpc.main.id") + `resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_endpoint" "other" {
  count             = 26
  vpc_id            = aws_vpc.other.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}`,
		},
		"256 gateway endpoints": {
			src:  vpc + sprintf(gateways, 256),
			want: []string{"11:1-11:33 Too many gateway endpoints in one VPC"},
		},
		"255 gateway endpoints and 50 interface endpoints": {
			src: vpc + sprintf(gateways, 255) + sprintf(ifaces, 50, "aws_vpc.main.id"),
		},
		"unknown types and counts are not counted": {
			src: vpc + sprintf(ifaces, 50, "aws_vpc.main.id") + `variable "type" {
  type = string
}
variable "n" {
  type = number
}
resource "aws_vpc_endpoint" "more" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type = var.type
}
resource "aws_vpc_endpoint" "many" {
  count             = var.n
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type = "Interface"
}`,
		},
	})
}
