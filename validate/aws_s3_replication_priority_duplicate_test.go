package validate

import "testing"

func TestAWSS3ReplicationPriorityDuplicate(t *testing.T) {
	src := `
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "src-bucket"
  role   = "arn:aws:iam::111111111111:role/replication"
  dynamic "rule" {
    for_each = ["a", "b"]
    content {
      id       = rule.value
      status   = "Enabled"
      priority = %s
      filter {}
      delete_marker_replication {
        status = "Disabled"
      }
      destination {
        bucket = "arn:aws:s3:::dst-bucket"
      }
    }
  }
}
`
	runRuleCases(t, awsS3ReplicationPriorityDuplicate, map[string]ruleCase{
		"same priority": {
			src:  sprintf(src, "1"),
			want: []string{"10:18-10:19 Duplicate replication rule priority"},
		},
		"distinct priorities": {
			src: sprintf(src, `rule.key + 1`),
		},
	})
}
