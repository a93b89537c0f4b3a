package validate

import "testing"

func TestAWSVPCEndpointIPAddressTypeSubnetMismatch(t *testing.T) {
	const src = `resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.a.id]
  ip_address_type   = %q
}`
	runRuleCases(t, awsVPCEndpointIPAddressTypeSubnetMismatch, map[string]ruleCase{
		"dualstack on an IPv4 subnet": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, "dualstack"),
			want: []string{"20:23-20:34 Endpoint IP address type does not fit its subnets"},
		},
		"ipv4 on an IPv4 subnet": {
			src: sprintf(endpointVPC, "true") + sprintf(src, "ipv4"),
		},
	})
}
