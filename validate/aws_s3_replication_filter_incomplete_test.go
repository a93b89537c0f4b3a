package validate

import "testing"

func TestAWSS3ReplicationFilterIncomplete(t *testing.T) {
	runRuleCases(t, awsS3ReplicationFilterIncomplete, map[string]ruleCase{
		"filter without delete markers": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"21:5-21:11 Incomplete replication rule filter"},
		},
		"filter without priority: the provider sends priority 0": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
		"filter with prefix and tag": {
			src: sprintf(replicationConfig, `    priority = 1
    filter {
      prefix = "logs/"
      tag {
        key   = "k"
        value = "v"
      }
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"22:5-22:11 Incomplete replication rule filter"},
		},
		"no filter: the V1 schema needs neither": {
			src: sprintf(replicationConfig, `    prefix = "logs/"
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
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
