package validate

import "testing"

func TestAWSS3ReplicationDeleteMarkerTagFilter(t *testing.T) {
	const rule = `    priority = 1
    filter {
      tag {
        key   = "replicate"
        value = "yes"
      }
    }
    delete_marker_replication {
      status = %q
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`
	runRuleCases(t, awsS3ReplicationDeleteMarkerTagFilter, map[string]ruleCase{
		"enabled with a tag": {
			src:  sprintf(replicationConfig, sprintf(rule, "Enabled")),
			want: []string{"29:16-29:25 Delete marker replication with a tag filter"},
		},
		"disabled": {
			src: sprintf(replicationConfig, sprintf(rule, "Disabled")),
		},
	})
}
