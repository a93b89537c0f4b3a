package validate

import "testing"

func TestAWSVPCEndpointGWLBArgumentInvalid(t *testing.T) {
	const subnet = "subnet_ids        = [aws_subnet.a.id]\n  "
	runRuleCases(t, awsVPCEndpointGWLBArgumentInvalid, map[string]ruleCase{
		"policy": {
			src:  s3dnsBase + sprintf(gwlbEndpoint, subnet+`policy            = "{}"`),
			want: []string{"20:3-20:9 Argument not valid for a Gateway Load Balancer endpoint"},
		},
		"security groups, private DNS and route tables": {
			src: s3dnsBase + `resource "aws_security_group" "sg" {
  vpc_id = aws_vpc.main.id
}
` + sprintf(gwlbEndpoint, subnet+`security_group_ids  = [aws_security_group.sg.id]
  private_dns_enabled = true
  route_table_ids     = ["rtb-0123456789abcdef0"]`),
			want: []string{
				"23:3-23:21 Argument not valid for a Gateway Load Balancer endpoint",
				"24:3-24:22 Argument not valid for a Gateway Load Balancer endpoint",
				"25:3-25:18 Argument not valid for a Gateway Load Balancer endpoint",
			},
		},
		"association resources": {
			src: s3dnsBase + `resource "aws_security_group" "sg" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.main.id
}
` + sprintf(gwlbEndpoint, subnet) + `resource "aws_vpc_endpoint_security_group_association" "sg" {
  vpc_endpoint_id   = aws_vpc_endpoint.inspect.id
  security_group_id = aws_security_group.sg.id
}
resource "aws_vpc_endpoint_route_table_association" "rt" {
  vpc_endpoint_id = aws_vpc_endpoint.inspect.id
  route_table_id  = aws_route_table.rt.id
}
resource "aws_vpc_endpoint_policy" "p" {
  vpc_endpoint_id = aws_vpc_endpoint.inspect.id
}
`,
			want: []string{
				"29:23-29:50 Association not valid for a Gateway Load Balancer endpoint",
				"33:21-33:48 Association not valid for a Gateway Load Balancer endpoint",
				"37:21-37:48 Association not valid for a Gateway Load Balancer endpoint",
			},
		},
		"for_each: only the GWLB endpoint": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "e" {
  for_each            = { Interface = "com.amazonaws.eu-west-1.ssm", GatewayLoadBalancer = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" }
  vpc_id              = aws_vpc.main.id
  service_name        = each.value
  vpc_endpoint_type   = each.key
  subnet_ids          = [aws_subnet.a.id]
  private_dns_enabled = true
}
`,
			want: []string{"21:3-21:22 Argument not valid for a Gateway Load Balancer endpoint"},
		},
		"only a subnet": {
			src: s3dnsBase + sprintf(gwlbEndpoint, subnet),
		},
		"empty, null and false values set nothing": {
			src: s3dnsBase + sprintf(gwlbEndpoint, subnet+`security_group_ids  = []
  policy              = null
  private_dns_enabled = false
  route_table_ids     = []`),
		},
		"unknown values stay silent": {
			src: s3dnsBase + "variable \"sgs\" {\n  type = set(string)\n}\nvariable \"policy\" {\n  type = string\n}\n" + sprintf(gwlbEndpoint, subnet+`security_group_ids = var.sgs
  policy             = var.policy`),
		},
	})
}
