package validate

import "testing"

func TestAWSVPCEndpointTypeInvalid(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = %q
  subnet_ids        = ["subnet-0123456789abcdef0"]
}`
	runRuleCases(t, awsVPCEndpointTypeInvalid, map[string]ruleCase{
		"lowercase": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "interface"),
			want: []string{"14:23-14:34 Invalid VPC endpoint type"},
		},
		"misspelt": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "Interfce"),
			want: []string{"14:23-14:33 Invalid VPC endpoint type"},
		},
		"not a type at all": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "PrivateLink"),
			want: []string{"14:23-14:36 Invalid VPC endpoint type"},
		},
		"valid": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "Interface"),
		},
		"default Gateway": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}`,
		},
		"for_each types, one invalid": {
			src: sprintf(endpointVPC, "true") + `resource "aws_vpc_endpoint" "x" {
  for_each          = { ssm = "Interface", s3 = "gateway" }
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = each.value
}`,
			want: []string{"15:23-15:33 Invalid VPC endpoint type"},
		},
		"unknown type stays silent": {
			src: sprintf(endpointVPC, "true") + `variable "type" {
  type = string
}
resource "aws_vpc_endpoint" "x" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = var.type
}`,
		},
	})
}
