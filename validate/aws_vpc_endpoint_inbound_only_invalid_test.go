package validate

import "testing"

func TestAWSVPCEndpointInboundOnlyInvalid(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "x" {
  vpc_id              = aws_vpc.main.id
  service_name        = %s
  vpc_endpoint_type   = %q
  private_dns_enabled = %s
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = %s
  }
}
`
	runRuleCases(t, awsVPCEndpointInboundOnlyInvalid, map[string]ruleCase{
		"interface endpoint to SSM": {
			src:  s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.ssm"`, "Interface", "true", "true"),
			want: []string{"21:5-21:51 Inbound-only private DNS option not applicable"},
		},
		"S3 gateway endpoint": {
			src:  s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.s3"`, "Gateway", "false", "true"),
			want: []string{"21:5-21:51 Inbound-only private DNS option not applicable"},
		},
		"S3 interface endpoint without private DNS, option true": {
			src:  s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.s3"`, "Interface", "false", "true"),
			want: []string{"21:5-21:51 Inbound-only private DNS option not applicable"},
		},
		"S3 interface endpoint without private DNS, option false is the default": {
			src: s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.s3"`, "Interface", "false", "false"),
		},
		"endpoint service": {
			src:  s3dnsBase + sprintf(e, `"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"`, "Interface", "true", "false"),
			want: []string{"21:5-21:51 Inbound-only private DNS option not applicable"},
		},
		"for_each over services: only SSM": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "x" {
  for_each            = toset(["s3", "ssm"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = true
  }
}
`,
			want: []string{"22:5-22:51 Inbound-only private DNS option not applicable"},
		},
		"S3 interface endpoint with private DNS": {
			src: s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.s3"`, "Interface", "true", "true"),
		},
		"option null is not set": {
			src: s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.ssm"`, "Interface", "true", "null"),
		},
		"service outside the catalog stays silent": {
			src: s3dnsBase + sprintf(e, `"com.amazonaws.eu-west-1.example"`, "Interface", "true", "true"),
		},
		"unknown option stays silent": {
			src: s3dnsBase + "variable \"v\" {\n  type = bool\n}\n" + sprintf(e, `"com.amazonaws.eu-west-1.ssm"`, "Interface", "true", "var.v"),
		},
		"unknown service stays silent": {
			src: s3dnsBase + "variable \"v\" {\n  type = string\n}\n" + sprintf(e, "var.v", "Interface", "true", "true"),
		},
		"unknown private DNS stays silent": {
			src: s3dnsBase + "variable \"v\" {\n  type = bool\n}\n" + sprintf(e, `"com.amazonaws.eu-west-1.s3"`, "Interface", "var.v", "true"),
		},
	})
}
