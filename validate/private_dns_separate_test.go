package validate

import "testing"

// The tests of this file enable an endpoint's private DNS with
// aws_vpc_endpoint_private_dns (AWS provider v6), as
// tedilabs/terraform-aws-vpc-privatelink does, instead of the endpoint's own
// private_dns_enabled: the rules that read private DNS ask
// network.PrivateDNS, and point at that resource's private_dns_enabled.

// s3InterfaceSeparateDNS is an S3 interface endpoint in aws_vpc.main that
// writes no private_dns_enabled, and an aws_vpc_endpoint_private_dns
// setting it to %s.
const s3InterfaceSeparateDNS = `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = %s
  }
}
resource "aws_vpc_endpoint_private_dns" "s3" {
  vpc_endpoint_id     = aws_vpc_endpoint.s3.id
  private_dns_enabled = %s
}
`

func TestPrivateDNSSeparateVPCAttributes(t *testing.T) {
	runRuleCases(t, awsVPCEndpointPrivateDNSVPCAttributes, map[string]ruleCase{
		"enabled by aws_vpc_endpoint_private_dns, hostnames off": {
			src:  sprintf(endpointVPC, "false") + sprintf(s3InterfaceSeparateDNS, "false", "true"),
			want: []string{"21:25-21:29 Private DNS without VPC DNS attributes"},
		},
		"disabled by aws_vpc_endpoint_private_dns": {
			src: sprintf(endpointVPC, "false") + sprintf(s3InterfaceSeparateDNS, "false", "false"),
		},
		"enabled by aws_vpc_endpoint_private_dns, both attributes on": {
			src: sprintf(endpointVPC, "true") + sprintf(s3InterfaceSeparateDNS, "false", "true"),
		},
		"aws_vpc_endpoint_private_dns with an unknown count stays silent": {
			src: sprintf(endpointVPC, "false") + `variable "n" {
  type = number
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint_private_dns" "s3" {
  count               = var.n
  vpc_endpoint_id     = aws_vpc_endpoint.s3.id
  private_dns_enabled = false
}
`,
		},
	})
}

func TestPrivateDNSSeparateInboundOnlyInvalid(t *testing.T) {
	runRuleCases(t, awsVPCEndpointInboundOnlyInvalid, map[string]ruleCase{
		"option true, private DNS enabled by aws_vpc_endpoint_private_dns": {
			src: s3dnsBase + sprintf(s3InterfaceSeparateDNS, "true", "true"),
		},
		"option true, private DNS disabled by aws_vpc_endpoint_private_dns": {
			src:  s3dnsBase + sprintf(s3InterfaceSeparateDNS, "true", "false"),
			want: []string{"20:5-20:51 Inbound-only private DNS option not applicable"},
		},
	})
}

func TestPrivateDNSSeparateConflict(t *testing.T) {
	runRuleCases(t, awsVPCEndpointPrivateDNSConflict, map[string]ruleCase{
		"second endpoint enabled by aws_vpc_endpoint_private_dns": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "a" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "b" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_private_dns" "b" {
  vpc_endpoint_id     = aws_vpc_endpoint.b.id
  private_dns_enabled = true
}
`,
			want: []string{"28:25-28:29 Private DNS enabled twice for one service"},
		},
	})
}

func TestPrivateDNSSeparateS3InboundOnlyRequiresGateway(t *testing.T) {
	runRuleCases(t, awsVPCEndpointS3InboundOnlyRequiresGateway, map[string]ruleCase{
		"option unset, private DNS enabled by aws_vpc_endpoint_private_dns": {
			src: s3dnsBase + `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_private_dns" "s3" {
  vpc_endpoint_id     = aws_vpc_endpoint.s3.id
  private_dns_enabled = true
}
`,
			want: []string{"22:25-22:29 Inbound-only private DNS without a gateway endpoint"},
		},
	})
}

func TestPrivateDNSSeparateUnsupported(t *testing.T) {
	const e = `resource "aws_vpc_endpoint" "ddb" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.dynamodb"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_private_dns" "ddb" {
  vpc_endpoint_id     = aws_vpc_endpoint.ddb.id
  private_dns_enabled = %s
}
`
	runRuleCases(t, awsVPCEndpointPrivateDNSUnsupported, map[string]ruleCase{
		"enabled by aws_vpc_endpoint_private_dns": {
			src:  sprintf(endpointVPC, "true") + sprintf(e, "true"),
			want: []string{"18:25-18:29 Private DNS not supported by the service"},
		},
		"disabled by aws_vpc_endpoint_private_dns": {
			src: sprintf(endpointVPC, "true") + sprintf(e, "false"),
		},
	})
}
