package validate

import "testing"

func TestAWSVPCEndpointGWLBServiceInvalid(t *testing.T) {
	const ep = `resource "aws_vpc_endpoint" "inspect" {
  vpc_id            = aws_vpc.main.id
  service_name      = %s
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.a.id]
}
`
	const service = `resource "aws_lb" "lb" {
  load_balancer_type = %q
  subnets            = [aws_subnet.a.id]
}
resource "aws_vpc_endpoint_service" "svc" {
  acceptance_required = false
  %s = [aws_lb.lb.arn]
}
`
	runRuleCases(t, awsVPCEndpointGWLBServiceInvalid, map[string]ruleCase{
		"AWS service in the catalog": {
			src:  s3dnsBase + sprintf(ep, `"com.amazonaws.eu-west-1.ssm"`),
			want: []string{"17:23-17:52 Not a Gateway Load Balancer endpoint service"},
		},
		"AWS service name outside the catalog": {
			src:  s3dnsBase + sprintf(ep, `"com.amazonaws.eu-west-1.example"`),
			want: []string{"17:23-17:56 Not a Gateway Load Balancer endpoint service"},
		},
		"endpoint service of a Network Load Balancer": {
			src:  s3dnsBase + sprintf(service, "network", "network_load_balancer_arns") + sprintf(ep, "aws_vpc_endpoint_service.svc.service_name"),
			want: []string{"25:23-25:64 Not a Gateway Load Balancer endpoint service"},
		},
		"gateway_load_balancer_arns naming an application load balancer": {
			src:  s3dnsBase + sprintf(service, "application", "gateway_load_balancer_arns") + sprintf(ep, "aws_vpc_endpoint_service.svc.service_name"),
			want: []string{"25:23-25:64 Not a Gateway Load Balancer endpoint service"},
		},
		"for_each over services: only the AWS service": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "inspect" {
  for_each          = toset(["com.amazonaws.eu-west-1.ssm", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"])
  vpc_id            = aws_vpc.main.id
  service_name      = each.value
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.a.id]
}
`,
			want: []string{"18:23-18:33 Not a Gateway Load Balancer endpoint service"},
		},
		"endpoint service of a Gateway Load Balancer": {
			src: s3dnsBase + sprintf(service, "gateway", "gateway_load_balancer_arns") + sprintf(ep, "aws_vpc_endpoint_service.svc.service_name"),
		},
		"endpoint service name outside the configuration": {
			src: s3dnsBase + sprintf(ep, `"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"`),
		},
		"AWS service on an interface endpoint": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}
`,
		},
		"unknown service name stays silent": {
			src: s3dnsBase + "variable \"service\" {\n  type = string\n}\n" + sprintf(ep, "var.service"),
		},
		"unknown load balancer type stays silent": {
			src: s3dnsBase + "variable \"type\" {\n  type = string\n}\n" + `resource "aws_lb" "lb" {
  load_balancer_type = var.type
}
resource "aws_vpc_endpoint_service" "svc" {
  acceptance_required        = false
  gateway_load_balancer_arns = [aws_lb.lb.arn]
}
` + sprintf(ep, "aws_vpc_endpoint_service.svc.service_name"),
		},
	})
}
