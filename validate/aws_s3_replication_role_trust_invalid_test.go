package validate

import "testing"

func TestAWSS3ReplicationRoleTrustInvalid(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRoleTrustInvalid, map[string]ruleCase{
		"trusts Lambda": {
			src:  sprintf(replicationWithRole, "lambda.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
			want: []string{"20:24-23:5 Replication role not trusted by S3"},
		},
		"trusts S3": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
		},
	})
}
