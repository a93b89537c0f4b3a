package validate

import "testing"

// TestAWSVPCEndpointMRAPUnreachableEndpoints is named apart from the
// TestAWSVPCEndpointMRAPUnreachable in policy_rules_test.go.
func TestAWSVPCEndpointMRAPUnreachableEndpoints(t *testing.T) {
	const policy = `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = %q
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = [%q]
    }]
  })`
	const mrap = "arn:aws:s3::111111111111:accesspoint/mfzwi23gnjvgw.mrap/object/*"
	const e = `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = %q
  vpc_endpoint_type = %q
  policy            = %s
}
`
	runRuleCases(t, awsVPCEndpointMRAPUnreachable, map[string]ruleCase{
		"S3 gateway endpoint": {
			src:  s3dnsBase + sprintf(e, "com.amazonaws.eu-west-1.s3", "Gateway", sprintf(policy, "Allow", mrap)),
			want: []string{"19:23-27:5 Multi-Region Access Point not reachable through this endpoint"},
		},
		"Regional S3 interface endpoint": {
			src:  s3dnsBase + sprintf(e, "com.amazonaws.eu-west-1.s3", "Interface", sprintf(policy, "Allow", mrap)),
			want: []string{"19:23-27:5 Multi-Region Access Point not reachable through this endpoint"},
		},
		"aws_vpc_endpoint_policy of a gateway endpoint, for_each": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "s3" {
  for_each     = toset(["a", "b"])
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3["b"].id
  policy          = ` + sprintf(policy, "Allow", "arn:aws:s3::111111111111:accesspoint/*") + `
}
`,
			want: []string{"22:21-30:5 Multi-Region Access Point not reachable through this endpoint"},
		},
		"Multi-Region Access Point endpoint": {
			src: s3dnsBase + sprintf(e, "com.amazonaws.s3-global.accesspoint", "Interface", sprintf(policy, "Allow", mrap)),
		},
		"Regional access point": {
			src: s3dnsBase + sprintf(e, "com.amazonaws.eu-west-1.s3", "Gateway", sprintf(policy, "Allow", "arn:aws:s3:eu-west-1:111111111111:accesspoint/app/object/*")),
		},
		"Deny statement grants nothing": {
			src: s3dnsBase + sprintf(e, "com.amazonaws.eu-west-1.s3", "Gateway", sprintf(policy, "Deny", mrap)),
		},
		"unknown policy stays silent": {
			src: s3dnsBase + "variable \"policy\" {\n  type = string\n}\n" + sprintf(e, "com.amazonaws.eu-west-1.s3", "Gateway", "var.policy"),
		},
		"unknown type stays silent": {
			src: s3dnsBase + "variable \"type\" {\n  type = string\n}\n" + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = var.type
  policy            = ` + sprintf(policy, "Allow", mrap) + `
}
`,
		},
	})
}

func TestAWSVPCEndpointMRAPUnreachablePolicies(t *testing.T) {
	const src = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = %q }]
  })
}`
	runRuleCases(t, awsVPCEndpointMRAPUnreachable, map[string]ruleCase{
		"MRAP through a gateway endpoint": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, "arn:aws:s3::111111111111:accesspoint/mfzwi23gnjvgw.mrap/object/*"),
			want: []string{"15:12-18:5 Multi-Region Access Point not reachable through this endpoint"},
		},
		"bucket through a gateway endpoint": {
			src: sprintf(endpointVPC, "true") + sprintf(src, "arn:aws:s3:::reports/*"),
		},
	})
}
