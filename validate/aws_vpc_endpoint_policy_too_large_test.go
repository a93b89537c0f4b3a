package validate

import "testing"

func TestAWSVPCEndpointPolicyTooLarge(t *testing.T) {
	vpc := sprintf(endpointVPC, "true")
	const e = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = [for i in range(%d) : "arn:aws:s3:::bucket-number-${i}/*"]
    }]
  })
}`
	const padded = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy          = format("%%-%ds", "{}")
}`
	runRuleCases(t, awsVPCEndpointPolicyTooLarge, map[string]ruleCase{
		"700 resources": {
			src:  vpc + sprintf(e, 700),
			want: []string{"15:12-23:5 Endpoint policy too large"},
		},
		"10 resources": {
			src: vpc + sprintf(e, 10),
		},
		"one character over, white space counts": {
			src:  vpc + sprintf(padded, 20481),
			want: []string{"15:21-15:45 Endpoint policy too large"},
		},
		"exactly 20,480 characters": {
			src: vpc + sprintf(padded, 20480),
		},
		"aws_vpc_endpoint_policy for each endpoint": {
			src: vpc + `resource "aws_vpc_endpoint" "e" {
  for_each        = toset(["s3", "dynamodb"])
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.${each.key}"
  route_table_ids = ["rtb-0123456789abcdef0"]
}
resource "aws_vpc_endpoint_policy" "p" {
  for_each        = aws_vpc_endpoint.e
  vpc_endpoint_id = each.value.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "${each.key}:*"
      Resource  = [for i in range(each.key == "s3" ? 700 : 10) : "arn:aws:s3:::bucket-number-${i}/*"]
    }]
  })
}`,
			want: []string{"20:12-27:5 Endpoint policy too large"},
		},
		"unknown policy stays silent": {
			src: vpc + `variable "policy" {
  type = string
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy          = var.policy
}`,
		},
	})
}
