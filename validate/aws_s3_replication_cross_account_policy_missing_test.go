package validate

import (
	"strings"
	"testing"
)

func TestAWSS3ReplicationCrossAccountPolicyMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationCrossAccountPolicyMissing, map[string]ruleCase{
		"policy grants another role": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/other"),
			want: []string{"51:17-51:38 Destination bucket policy does not grant the replication role"},
		},
		"policy grants the role": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
		},
		"destination partition unknown stays silent": {
			src: strings.Replace(sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
				"  alias               = \"dst\"\n  region              = \"eu-west-1\"\n", "  alias               = \"dst\"\n", 1),
		},
		"policy grants the source account": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "111111111111"),
		},
	})
}
