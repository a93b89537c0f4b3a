package validate

import "testing"

// gwlbEndpoint is a GWLB endpoint with the subnet_ids and extra arguments
// given.
const gwlbEndpoint = `resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  %s
}
`

// gwlbSubnetB is a second subnet of aws_vpc.main, in eu-west-1b.
const gwlbSubnetB = `resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}
`

func TestAWSVPCEndpointGWLBSubnetCount(t *testing.T) {
	runRuleCases(t, awsVPCEndpointGWLBSubnetCount, map[string]ruleCase{
		"two subnet IDs": {
			src:  s3dnsBase + sprintf(gwlbEndpoint, `subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]`),
			want: []string{"19:16-19:72 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"two subnets by reference": {
			src:  s3dnsBase + gwlbSubnetB + sprintf(gwlbEndpoint, "subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]"),
			want: []string{"24:16-24:50 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"one inline, one through an association": {
			src: s3dnsBase + gwlbSubnetB + sprintf(gwlbEndpoint, "subnet_ids = [aws_subnet.a.id]") + `resource "aws_vpc_endpoint_subnet_association" "b" {
  vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  subnet_id       = aws_subnet.b.id
}
`,
			want: []string{"24:16-24:33 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"no subnet": {
			src:  s3dnsBase + sprintf(gwlbEndpoint, ""),
			want: []string{"15:1-15:38 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"count: each instance checked": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "inspect" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = count.index == 0 ? [aws_subnet.a.id] : []
}
`,
			want: []string{"15:1-15:38 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"one subnet": {
			src: s3dnsBase + sprintf(gwlbEndpoint, "subnet_ids = [aws_subnet.a.id]"),
		},
		"one subnet through an association": {
			src: s3dnsBase + sprintf(gwlbEndpoint, "") + `resource "aws_vpc_endpoint_subnet_association" "a" {
  vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  subnet_id       = aws_subnet.a.id
}
`,
		},
		"one subnet named twice": {
			src: s3dnsBase + sprintf(gwlbEndpoint, "subnet_ids = [aws_subnet.a.id, aws_subnet.a.id]"),
		},
		"two subnets on an interface endpoint": {
			src: s3dnsBase + gwlbSubnetB + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.a.id, aws_subnet.b.id]
}
`,
		},
		// The type is the service's service_type, unknown until apply;
		// a service of Gateway Load Balancers makes it GatewayLoadBalancer.
		"type from a GWLB service's service_type": {
			src:  s3dnsBase + gwlbSubnetB + gwlbServiceTyped("gateway", "gateway_load_balancer_arns", "subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]"),
			want: []string{"35:16-35:50 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"type from an NLB service's service_type: an interface endpoint": {
			src: s3dnsBase + gwlbSubnetB + gwlbServiceTyped("network", "network_load_balancer_arns", "subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]"),
		},
		"unknown list stays silent": {
			src: s3dnsBase + "variable \"subnets\" {\n  type = list(string)\n}\n" + sprintf(gwlbEndpoint, "subnet_ids = var.subnets"),
		},
		"associations of unknown for_each stay silent": {
			src: s3dnsBase + sprintf(gwlbEndpoint, "") + "variable \"subnets\" {\n  type = set(string)\n}\n" + `resource "aws_vpc_endpoint_subnet_association" "a" {
  for_each        = var.subnets
  vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  subnet_id       = each.value
}
`,
		},
		"association to an unresolved endpoint stays silent": {
			src: s3dnsBase + sprintf(gwlbEndpoint, "") + "variable \"endpoint\" {\n  type = string\n}\n" + `resource "aws_vpc_endpoint_subnet_association" "a" {
  vpc_endpoint_id = var.endpoint
  subnet_id       = aws_subnet.a.id
}
`,
		},
	})
}

// gwlbServiceTyped is a load balancer of the type given, an endpoint
// service of it (through arnsAttr), and an endpoint whose
// vpc_endpoint_type is the service's service_type, passed through a
// local, with the extra arguments given.
func gwlbServiceTyped(lbType, arnsAttr, extra string) string {
	return sprintf(`resource "aws_lb" "appliances" {
  load_balancer_type = "%s"
  subnets            = [aws_subnet.a.id]
}
resource "aws_vpc_endpoint_service" "inspect" {
  acceptance_required = false
  %s = [aws_lb.appliances.arn]
}
locals {
  endpoint_type = aws_vpc_endpoint_service.inspect.service_type
}
resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.inspect.service_name
  vpc_endpoint_type = local.endpoint_type
  %s
}
`, lbType, arnsAttr, extra)
}
