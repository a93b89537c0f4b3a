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
		"ingress rules of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 80, 80) + `
variable "ports" {
  type = set(string)
}
resource "aws_vpc_security_group_ingress_rule" "extra" {
  for_each          = var.ports
  security_group_id = aws_security_group.endpoints.id
  ip_protocol       = "tcp"
  from_port         = tonumber(each.value)
  to_port           = tonumber(each.value)
  cidr_ipv4         = "10.0.0.0/16"
}`,
		},
		"security group rules of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 80, 80) + `
variable "ports" {
  type = set(string)
}
resource "aws_security_group_rule" "extra" {
  for_each          = var.ports
  type              = "ingress"
  security_group_id = aws_security_group.endpoints.id
  protocol          = "tcp"
  from_port         = tonumber(each.value)
  to_port           = tonumber(each.value)
  cidr_blocks       = ["10.0.0.0/16"]
}`,
		},
		"inline ingress of unknown for_each stays silent": {
			src: sprintf(endpointVPC, "true") + `variable "ports" {
  type = set(number)
}
resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/16"]
    }
  }
}
resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_group_ids = [aws_security_group.endpoints.id]
}`,
		},
		"group associations of unknown for_each stay silent": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 80, 80) + `
variable "groups" {
  type = set(string)
}
resource "aws_vpc_endpoint_security_group_association" "extra" {
  for_each          = var.groups
  vpc_endpoint_id   = aws_vpc_endpoint.ssm.id
  security_group_id = each.value
}`,
		},
		"a group through an association allows HTTPS": {
			src: sprintf(endpointVPC, "true") + sprintf(src, 80, 80) + `
resource "aws_security_group" "https" {
  name   = "https"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_vpc_endpoint_security_group_association" "https" {
  vpc_endpoint_id   = aws_vpc_endpoint.ssm.id
  security_group_id = aws_security_group.https.id
}`,
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
