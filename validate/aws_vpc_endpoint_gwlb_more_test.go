package validate

import "testing"

func TestAWSVPCEndpointGWLBServiceInvalid(t *testing.T) {
	const src = `resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = %s
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointGWLBServiceInvalid, map[string]ruleCase{
		"AWS service": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, `"com.amazonaws.eu-west-1.ssm"`),
			want: []string{"13:23-13:52 Not a Gateway Load Balancer endpoint service"},
		},
		"NLB endpoint service": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint_service" "app" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/app/0123456789abcdef"]
}
` + sprintf(src, "aws_vpc_endpoint_service.app.service_name"),
			want: []string{"17:23-17:64 Not a Gateway Load Balancer endpoint service"},
		},
		"GWLB endpoint service": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint_service" "inspect" {
  acceptance_required        = false
  gateway_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/gwy/fw/0123456789abcdef"]
}
` + sprintf(src, "aws_vpc_endpoint_service.inspect.service_name"),
		},
	})
}

func TestAWSVPCEndpointGWLBAZDuplicate(t *testing.T) {
	const src = `resource "aws_subnet" "a" {
  for_each          = { one = "10.0.1.0/24", two = "10.0.2.0/24" }
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = %s
}
resource "aws_vpc_endpoint" "inspect" {
  for_each          = aws_subnet.a
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [each.value.id]
}`
	runRuleCases(t, awsVPCEndpointGWLBAZDuplicate, map[string]ruleCase{
		"both in eu-west-1a": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, `"eu-west-1a"`),
			want: []string{"22:23-22:38 Two Gateway Load Balancer endpoints in one Availability Zone"},
		},
		"one per zone": {
			src: sprintf(endpointVPC, "true") + sprintf(src, `each.key == "one" ? "eu-west-1a" : "eu-west-1b"`),
		},
	})
}

func TestAWSVPCEndpointGWLBUnrouted(t *testing.T) {
	const ep = `resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}
`
	runRuleCases(t, awsVPCEndpointGWLBUnrouted, map[string]ruleCase{
		"no route": {
			src:  sprintf(endpointVPC, "true") + ep,
			want: []string{"11:1-11:38 Gateway Load Balancer endpoint without routes"},
		},
		"routed with aws_route": {
			src: sprintf(endpointVPC, "true") + ep + `resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route" "egress" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = aws_vpc_endpoint.inspect.id
}`,
		},
		"routed inline": {
			src: sprintf(endpointVPC, "true") + ep + `resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  }
}`,
		},
	})
}
