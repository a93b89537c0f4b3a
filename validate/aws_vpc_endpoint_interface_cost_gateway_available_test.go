package validate

import "testing"

func TestAWSVPCEndpointInterfaceCostGatewayAvailable(t *testing.T) {
	const iface = `resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0123456789abcdef0"]
}
`
	runRuleCases(t, awsVPCEndpointInterfaceCostGatewayAvailable, map[string]ruleCase{
		"S3 interface endpoint only": {
			src:  sprintf(endpointVPC, "true") + iface,
			want: []string{"14:25-14:36 Paid interface endpoint where a gateway endpoint is free"},
		},
		"with an inbound resolver": {
			src: sprintf(endpointVPC, "true") + iface + `resource "aws_subnet" "a" {
  for_each   = toset(["10.0.1.0/24", "10.0.2.0/24"])
  vpc_id     = aws_vpc.main.id
  cidr_block = each.key
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  dynamic "ip_address" {
    for_each = aws_subnet.a
    content {
      subnet_id = ip_address.value.id
    }
  }
}`,
		},
		"gateway endpoints of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + iface + `variable "route_tables" {
  type = map(list(string))
}
resource "aws_vpc_endpoint" "gw" {
  for_each        = var.route_tables
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = each.value
}`,
		},
		"Resolver endpoints of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + iface + `variable "subnets" {
  type = set(string)
}
resource "aws_route53_resolver_endpoint" "in" {
  for_each           = var.subnets
  direction          = "INBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = each.value
  }
  ip_address {
    subnet_id = each.value
  }
}`,
		},
		"with a gateway endpoint": {
			src: sprintf(endpointVPC, "true") + iface + `resource "aws_vpc_endpoint" "gw" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`,
		},
		"resolver of unknown direction stays silent": {
			src: sprintf(endpointVPC, "true") + iface + `variable "direction" {
  type = string
}
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.${count.index}.0/24"
}
resource "aws_route53_resolver_endpoint" "in" {
  direction          = var.direction
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = aws_subnet.a[0].id
  }
  ip_address {
    subnet_id = aws_subnet.a[1].id
  }
}`,
		},
		"endpoint of unknown service stays silent": {
			src: sprintf(endpointVPC, "true") + iface + `variable "service" {
  type = string
}
resource "aws_vpc_endpoint" "other" {
  vpc_id          = aws_vpc.main.id
  service_name    = var.service
  route_table_ids = ["rtb-0123456789abcdef0"]
}`,
		},
		"SSM": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`,
		},
	})
}
