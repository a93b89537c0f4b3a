package validate

import "testing"

func TestAWSS3ReplicationDestinationIsSource(t *testing.T) {
	runRuleCases(t, awsS3ReplicationDestinationIsSource, map[string]ruleCase{
		"to itself": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.src.arn
    }`),
			want: []string{"22:16-22:37 Replication destination is the source"},
		},
		"to another bucket": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
	})
}
