package validate

import "testing"

func TestAWSVPCEndpointGWLBUnrouted(t *testing.T) {
	const ep = `resource "aws_vpc_endpoint" "inspect" {
  for_each          = toset(["a", "b"])
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.a.id]
}
resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
}
`
	runRuleCases(t, awsVPCEndpointGWLBUnrouted, map[string]ruleCase{
		"no route": {
			src: s3dnsBase + ep,
			want: []string{
				"15:1-15:38 Gateway Load Balancer endpoint without routes",
				"15:1-15:38 Gateway Load Balancer endpoint without routes",
			},
		},
		"aws_route to one of two": {
			src: s3dnsBase + ep + `resource "aws_route" "egress" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = aws_vpc_endpoint.inspect["a"].id
}
`,
			want: []string{"15:1-15:38 Gateway Load Balancer endpoint without routes"},
		},
		"two inline routes to one of two": {
			src: s3dnsBase + ep + `resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block      = "10.0.1.0/25"
    vpc_endpoint_id = aws_vpc_endpoint.inspect["b"].id
  }
  route {
    cidr_block      = "10.0.1.128/25"
    vpc_endpoint_id = aws_vpc_endpoint.inspect["b"].id
  }
}
`,
			want: []string{"15:1-15:38 Gateway Load Balancer endpoint without routes"},
		},
		// The route argument's objects are not read for what their
		// vpc_endpoint_id references: which endpoint is unrouted stays
		// unproven.
		"two routes to one of two, as an argument, stays silent": {
			src: s3dnsBase + ep + `resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  route = [for cidr in ["10.0.1.0/25", "10.0.1.128/25"] : {
    cidr_block                 = cidr
    vpc_endpoint_id            = aws_vpc_endpoint.inspect["b"].id
    ipv6_cidr_block            = null
    destination_prefix_list_id = null
    carrier_gateway_id         = null
    core_network_arn           = null
    egress_only_gateway_id     = null
    gateway_id                 = null
    local_gateway_id           = null
    nat_gateway_id             = null
    network_interface_id       = null
    transit_gateway_id         = null
    vpc_peering_connection_id  = null
  }]
}
`,
		},
		"one route to each, as an argument": {
			src: s3dnsBase + ep + `resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  route = [for k, e in aws_vpc_endpoint.inspect : {
    cidr_block                 = k == "a" ? "10.0.1.0/25" : "10.0.1.128/25"
    vpc_endpoint_id            = e.id
    ipv6_cidr_block            = null
    destination_prefix_list_id = null
    carrier_gateway_id         = null
    core_network_arn           = null
    egress_only_gateway_id     = null
    gateway_id                 = null
    local_gateway_id           = null
    nat_gateway_id             = null
    network_interface_id       = null
    transit_gateway_id         = null
    vpc_peering_connection_id  = null
  }]
}
`,
		},
		"aws_route for each endpoint": {
			src: s3dnsBase + ep + `resource "aws_route" "egress" {
  for_each               = aws_vpc_endpoint.inspect
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = each.key == "a" ? "0.0.0.0/1" : "128.0.0.0/1"
  vpc_endpoint_id        = each.value.id
}
`,
		},
		"route to an unresolved endpoint stays silent": {
			src: s3dnsBase + ep + "variable \"endpoint\" {\n  type = string\n}\n" + `resource "aws_route" "egress" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = var.endpoint
}
`,
		},
		"inline route to a literal endpoint ID stays silent": {
			src: s3dnsBase + ep + `resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block      = "10.0.1.0/24"
    vpc_endpoint_id = "vpce-0123456789abcdef0"
  }
}
`,
		},
		"routes of unknown for_each stay silent": {
			src: s3dnsBase + ep + "variable \"cidrs\" {\n  type = set(string)\n}\n" + `resource "aws_route" "egress" {
  for_each               = var.cidrs
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = each.value
  vpc_endpoint_id        = aws_vpc_endpoint.inspect["a"].id
}
`,
		},
		"route blocks of unknown for_each stay silent": {
			src: s3dnsBase + ep + "variable \"cidrs\" {\n  type = set(string)\n}\n" + `resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
  dynamic "route" {
    for_each = var.cidrs
    content {
      cidr_block      = route.value
      vpc_endpoint_id = aws_vpc_endpoint.inspect["b"].id
    }
  }
}
`,
		},
		"routes of unknown count stay silent": {
			src: s3dnsBase + ep + "variable \"n\" {\n  type = number\n}\n" + `resource "aws_route" "egress" {
  count                  = var.n
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = aws_vpc_endpoint.inspect["a"].id
}
`,
		},
	})
}
