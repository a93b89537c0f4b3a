package validate

import "testing"

func TestAWSVPCEndpointSecurityGroupNoHTTPS(t *testing.T) {
	const src = `resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = %d
    to_port     = %d
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_group_ids = [aws_security_group.endpoints.id]
}`
	runRuleCases(t, awsVPCEndpointSecurityGroupNoHTTPS, map[string]ruleCase{
		"only port 80": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, 80, 80),
			want: []string{"26:24-26:57 Endpoint security groups do not allow HTTPS"},
		},
		"443 in a range": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 0, 1024),
		},
		"group outside the configuration": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_group_ids = ["sg-0123456789abcdef0"]
}`,
		},
	})
}
