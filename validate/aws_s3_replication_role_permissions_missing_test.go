package validate

import "testing"

func TestAWSS3ReplicationRolePermissionsMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRolePermissionsMissing, map[string]ruleCase{
		"only ReplicateObject": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication"),
			want: []string{"47:12-47:40 Replication role lacks permissions"},
		},
		"s3 wildcard": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `"s3:*"`, "arn:aws:iam::111111111111:role/replication"),
		},
	})
}
