package validate

import "testing"

func TestAWSS3ReplicationKMSKeyRegionMismatch(t *testing.T) {
	runRuleCases(t, awsS3ReplicationKMSKeyRegionMismatch, map[string]ruleCase{
		"key in us-east-1 for a eu-west-1 bucket": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:us-east-1:111111111111:key/1234"
      }
    }`),
			want: []string{"24:30-24:75 Replica KMS key in another Region"},
		},
		"key in the bucket's Region": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:eu-west-1:111111111111:key/1234"
      }
    }`),
		},
	})
}
