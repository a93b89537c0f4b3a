package validate

import "testing"

func TestAWSVPCEndpointGWLBSubnetCount(t *testing.T) {
	runRuleCases(t, awsVPCEndpointGWLBSubnetCount, map[string]ruleCase{
		"two subnets": {
			src:  sprintf(endpointVPC, "true") + sprintf(gwlbEndpoint, `["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]`, ""),
			want: []string{"20:23-20:79 Gateway Load Balancer endpoint needs exactly one subnet"},
		},
		"one subnet": {
			src: sprintf(endpointVPC, "true") + sprintf(gwlbEndpoint, "[aws_subnet.a.id]", ""),
		},
		"unknown list stays silent": {
			src: sprintf(endpointVPC, "true") + "variable \"subnets\" {\n  type = list(string)\n}\n" + sprintf(gwlbEndpoint, "var.subnets", ""),
		},
	})
}
