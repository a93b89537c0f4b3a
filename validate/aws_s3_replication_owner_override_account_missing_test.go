package validate

import "testing"

func TestAWSS3ReplicationOwnerOverrideAccountMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationOwnerOverrideAccountMissing, map[string]ruleCase{
		"no account": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      access_control_translation {
        owner = "Destination"
      }
    }`),
			want: []string{"23:7-23:33 Owner override without destination account"},
		},
		"with account": {
			src: sprintf(replicationConfig, `    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "222222222222"
      access_control_translation {
        owner = "Destination"
      }
    }`),
		},
	})
}
