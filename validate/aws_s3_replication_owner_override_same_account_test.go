package validate

import "testing"

func TestAWSS3ReplicationOwnerOverrideSameAccount(t *testing.T) {
	runRuleCases(t, awsS3ReplicationOwnerOverrideSameAccount, map[string]ruleCase{
		"same account": {
			src: sprintf(replicationConfig, `    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "111111111111"
      access_control_translation {
        owner = "Destination"
      }
    }`),
			want: []string{"24:7-24:33 Owner override within one account"},
		},
		"other account": {
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
