package validate

import "testing"

func TestAWSS3ReplicationKMSKeyMissing(t *testing.T) {
	const sse = `    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
%s
    }`
	runRuleCases(t, awsS3ReplicationKMSKeyMissing, map[string]ruleCase{
		"no replica key": {
			src:  sprintf(replicationConfig, sprintf(sse, "")),
			want: []string{"23:18-23:27 Replica KMS key missing"},
		},
		"replica key": {
			src: sprintf(replicationConfig, sprintf(sse, `      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:eu-west-1:111111111111:key/1234"
      }`)),
		},
	})
}
