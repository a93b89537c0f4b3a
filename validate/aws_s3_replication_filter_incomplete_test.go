package validate

import "testing"

func TestAWSS3ReplicationFilterIncomplete(t *testing.T) {
	runRuleCases(t, awsS3ReplicationFilterIncomplete, map[string]ruleCase{
		"filter without priority and delete markers": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"21:5-21:11 Incomplete replication rule filter", "21:5-21:11 Incomplete replication rule filter"},
		},
		"complete": {
			src: sprintf(replicationConfig, `    priority = 1
    filter {
      prefix = "logs/"
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
	})
}
