package validate

import "testing"

const gwlbEndpoint = `resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = %s
  %s
}
`

func TestAWSVPCEndpointGWLBArgumentInvalid(t *testing.T) {
	runRuleCases(t, awsVPCEndpointGWLBArgumentInvalid, map[string]ruleCase{
		"policy on a GWLB endpoint": {
			src:  sprintf(endpointVPC, "true") + sprintf(gwlbEndpoint, "[aws_subnet.a.id]", `policy = "{}"`),
			want: []string{"21:3-21:9 Argument not valid for a Gateway Load Balancer endpoint"},
		},
		"only a subnet": {
			src: sprintf(endpointVPC, "true") + sprintf(gwlbEndpoint, "[aws_subnet.a.id]", ""),
		},
	})
}
