package validate

import "testing"

func TestAWSVPCEndpointServiceUnknown(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = %q
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	vpc := sprintf(endpointVPC, "true")
	runRuleCases(t, awsVPCEndpointServiceUnknown, map[string]ruleCase{
		"typo": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.ssmmesages"),
			want: []string{"13:23-13:59 Unknown AWS service"},
		},
		"no close name": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.quantumledger"),
			want: []string{"13:23-13:62 Unknown AWS service"},
		},
		"global service with a Region": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.iam"),
			want: []string{"13:23-13:52 Unknown AWS service"},
		},
		"regional service without a Region": {
			src:  vpc + sprintf(e, "com.amazonaws.s3"),
			want: []string{"13:23-13:41 Unknown AWS service"},
		},
		"upper case": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.SSM"),
			want: []string{"13:23-13:52 Unknown AWS service"},
		},
		"for_each services, one misspelt": {
			src: vpc + `resource "aws_vpc_endpoint" "x" {
  for_each          = toset(["ssm", "ec2messages", "ec2mesages"])
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Interface"
}`,
			want: []string{"14:23-14:60 Unknown AWS service"},
		},
		"known": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.ssmmessages"),
		},
		"eks misspelt": {
			src:  vpc + sprintf(e, "com.amazonaws.eu-west-1.ekss"),
			want: []string{"13:23-13:53 Unknown AWS service"},
		},
		"eks": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.eks"),
		},
		"eks-auth": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.eks-auth"),
		},
		"aws.api name misspelt": {
			src:  vpc + sprintf(e, "aws.api.eu-west-1.qbusines"),
			want: []string{"13:23-13:51 Unknown AWS service"},
		},
		"aws.api name": {
			src: vpc + sprintf(e, "aws.api.eu-west-1.qbusiness"),
		},
		"Timestream cell": {
			src: vpc + sprintf(e, "com.amazonaws.eu-west-1.timestream.ingest-cell2"),
		},
		"known global and SageMaker names": {
			src: vpc + sprintf(e, "com.amazonaws.s3-global.accesspoint") + `
resource "aws_vpc_endpoint" "notebook" {
  vpc_id            = aws_vpc.main.id
  service_name      = "aws.sagemaker.eu-west-1.notebook"
  vpc_endpoint_type = "Interface"
}`,
		},
		"endpoint service": {
			src: vpc + sprintf(e, "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"),
		},
		"endpoint service in the configuration": {
			src: vpc + `resource "aws_vpc_endpoint_service" "svc" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/app/0123456789abcdef"]
}
resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = aws_vpc_endpoint_service.svc.service_name
  vpc_endpoint_type = "Interface"
}`,
		},
		"unknown name stays silent": {
			src: vpc + `variable "service" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = var.service
  vpc_endpoint_type = "Interface"
}`,
		},
	})
}
