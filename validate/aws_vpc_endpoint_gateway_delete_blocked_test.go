package validate

import (
	"testing"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

func deletedEndpoint(name, typ, service, vpc string) *DeletedInstance {
	return &DeletedInstance{
		Addr: schema.Addr{Type: schema.TypeVPCEndpoint, Name: name}.Instance(schema.NoKey),
		Value: cty.ObjectVal(map[string]cty.Value{
			"vpc_endpoint_type": cty.StringVal(typ),
			"service_name":      cty.StringVal(service),
			"vpc_id":            cty.StringVal(vpc),
		}),
	}
}

func TestAWSVPCEndpointGatewayDeleteBlocked(t *testing.T) {
	const remaining = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id              = "vpc-0123456789abcdef0"
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  dns_options {
    private_dns_only_for_inbound_resolver_endpoint = %s
  }
}
`
	runRuleCases(t, awsVPCEndpointGatewayDeleteBlocked, map[string]ruleCase{
		"gateway deleted while inbound-only private DNS stays": {
			src:     sprintf(remaining, "true"),
			deleted: []*DeletedInstance{deletedEndpoint("s3_gateway", "Gateway", "com.amazonaws.eu-west-1.s3", "vpc-0123456789abcdef0")},
			want:    []string{"12:54-12:58 Gateway endpoint deletion blocked"},
		},
		"flag cleared in the same plan": {
			src:     sprintf(remaining, "false"),
			deleted: []*DeletedInstance{deletedEndpoint("s3_gateway", "Gateway", "com.amazonaws.eu-west-1.s3", "vpc-0123456789abcdef0")},
		},
		"gateway of another VPC": {
			src:     sprintf(remaining, "true"),
			deleted: []*DeletedInstance{deletedEndpoint("s3_gateway", "Gateway", "com.amazonaws.eu-west-1.s3", "vpc-0fffffffffffffff0")},
		},
		"DynamoDB gateway": {
			src:     sprintf(remaining, "true"),
			deleted: []*DeletedInstance{deletedEndpoint("ddb", "Gateway", "com.amazonaws.eu-west-1.dynamodb", "vpc-0123456789abcdef0")},
		},
	})
}
