package validate

import "testing"

func TestAWSResourcePolicyNotJSONObject(t *testing.T) {
	vpc := sprintf(endpointVPC, "true")
	const e = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy          = %s
}`
	const bucket = `resource "aws_s3_bucket" "b" {
  bucket = "example-bucket-111111111111"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = %s
}
resource "aws_s3_access_point" "ap" {
  bucket = aws_s3_bucket.b.id
  name   = "example-ap"
  policy = %s
}`
	runRuleCases(t, awsResourcePolicyNotJSONObject, map[string]ruleCase{
		"endpoint policy not JSON": {
			src:  vpc + sprintf(e, `"this is not json"`),
			want: []string{"15:21-15:39 Policy is not a JSON object"},
		},
		"endpoint policy a JSON array": {
			src:  vpc + sprintf(e, `jsonencode([{ Effect = "Allow" }])`),
			want: []string{"15:21-15:55 Policy is not a JSON object"},
		},
		"endpoint policy truncated": {
			src:  vpc + sprintf(e, `"{\"Statement\": ["`),
			want: []string{"15:21-15:40 Policy is not a JSON object"},
		},
		"bucket and access point policies": {
			src: sprintf(bucket, `"null"`, `"42"`),
			want: []string{
				"6:12-6:18 Policy is not a JSON object",
				"11:12-11:16 Policy is not a JSON object",
			},
		},
		"sensitive policy": {
			src: `variable "p" {
  type      = string
  sensitive = true
  default   = "secret-not-json"
}
` + sprintf(bucket, `var.p`, `""`),
			want: []string{"11:12-11:17 Policy is not a JSON object"},
		},
		"objects": {
			src: vpc + sprintf(e, `jsonencode({ Statement = [] })`) + "\n" + sprintf(bucket, `jsonencode({ Version = "2012-10-17", Statement = [] })`, `""`),
		},
		"no policy": {
			src: vpc + `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
}`,
		},
	})
}
