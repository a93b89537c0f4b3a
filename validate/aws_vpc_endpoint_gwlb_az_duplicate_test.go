package validate

import "testing"

func TestAWSVPCEndpointGWLBAZDuplicate(t *testing.T) {
	const pair = `resource "aws_subnet" "s" {
  for_each          = { one = "10.0.11.0/24", two = "10.0.12.0/24" }
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = %s
}
resource "aws_vpc_endpoint" "inspect" {
  for_each          = aws_subnet.s
  vpc_id            = aws_vpc.main.id
  service_name      = %s
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [each.value.id]
}
`
	const svc = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
	runRuleCases(t, awsVPCEndpointGWLBAZDuplicate, map[string]ruleCase{
		"both in eu-west-1a": {
			src:  s3dnsBase + sprintf(pair, `"eu-west-1a"`, sprintf("%q", svc)),
			want: []string{"26:23-26:38 Two Gateway Load Balancer endpoints in one Availability Zone"},
		},
		"three in eu-west-1a, through an endpoint service": {
			src: s3dnsBase + `resource "aws_vpc_endpoint_service" "fw" {
  acceptance_required        = false
  gateway_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/gwy/fw/0123456789abcdef"]
}
resource "aws_vpc_endpoint" "inspect" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.fw.service_name
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.a.id]
}
`,
			want: []string{
				"24:23-24:40 Two Gateway Load Balancer endpoints in one Availability Zone",
				"24:23-24:40 Two Gateway Load Balancer endpoints in one Availability Zone",
			},
		},
		"zone IDs": {
			src: s3dnsBase + `resource "aws_subnet" "s" {
  for_each             = { one = "10.0.11.0/24", two = "10.0.12.0/24" }
  vpc_id               = aws_vpc.main.id
  cidr_block           = each.value
  availability_zone_id = "euw1-az1"
}
resource "aws_vpc_endpoint" "inspect" {
  for_each          = aws_subnet.s
  vpc_id            = aws_vpc.main.id
  service_name      = "` + svc + `"
  vpc_endpoint_type = "GatewayLoadBalancer"
}
resource "aws_vpc_endpoint_subnet_association" "inspect" {
  for_each        = aws_subnet.s
  vpc_endpoint_id = aws_vpc_endpoint.inspect[each.key].id
  subnet_id       = each.value.id
}
`,
			want: []string{"21:1-21:38 Two Gateway Load Balancer endpoints in one Availability Zone"},
		},
		"one per zone": {
			src: s3dnsBase + sprintf(pair, `each.key == "one" ? "eu-west-1a" : "eu-west-1b"`, sprintf("%q", svc)),
		},
		"different services": {
			src: s3dnsBase + sprintf(pair, `"eu-west-1a"`, `"com.amazonaws.vpce.eu-west-1.vpce-svc-0000000000000000${each.key == "one" ? "1" : "2"}"`),
		},
		"same zone in two VPCs": {
			src: s3dnsBase + `resource "aws_vpc" "spoke" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_subnet" "spoke" {
  vpc_id            = aws_vpc.spoke.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = "eu-west-1a"
}
resource "aws_vpc_endpoint" "inspect" {
  for_each          = { main = [aws_vpc.main.id, aws_subnet.a.id], spoke = [aws_vpc.spoke.id, aws_subnet.spoke.id] }
  vpc_id            = each.value[0]
  service_name      = "` + svc + `"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [each.value[1]]
}
`,
		},
		"zone name and zone ID are not compared": {
			src: s3dnsBase + `resource "aws_subnet" "b" {
  vpc_id               = aws_vpc.main.id
  cidr_block           = "10.0.2.0/24"
  availability_zone_id = "euw1-az1"
}
resource "aws_vpc_endpoint" "inspect" {
  for_each          = { a = aws_subnet.a.id, b = aws_subnet.b.id }
  vpc_id            = aws_vpc.main.id
  service_name      = "` + svc + `"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [each.value]
}
`,
		},
		"unknown zone stays silent": {
			src: s3dnsBase + "variable \"az\" {\n  type = string\n}\n" + sprintf(pair, "var.az", sprintf("%q", svc)),
		},
	})
}
