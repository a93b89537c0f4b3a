package validate

import (
	"strings"
	"testing"
)

func TestAWSS3ReplicationBidirectionalSyncMissing(t *testing.T) {
	const src = `resource "aws_s3_bucket" "a" {
  bucket = "bucket-a"
}
resource "aws_s3_bucket" "b" {
  bucket = "bucket-b"
}
resource "aws_s3_bucket_replication_configuration" "ab" {
  bucket = aws_s3_bucket.a.id
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    source_selection_criteria {
      replica_modifications {
        status = "Enabled"
      }
    }
    destination {
      bucket = aws_s3_bucket.b.arn
    }
  }
}
resource "aws_s3_bucket_replication_configuration" "ba" {
  bucket = aws_s3_bucket.b.id
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    source_selection_criteria {
      replica_modifications {
        status = %q
      }
    }
    destination {
      bucket = aws_s3_bucket.a.arn
    }
  }
}`
	runRuleCases(t, awsS3ReplicationBidirectionalSyncMissing, map[string]ruleCase{
		"sync only one way": {
			src:  sprintf(src, "Disabled"),
			want: []string{"33:16-33:35 Two-way replication without replica modification sync"},
		},
		"sync from a dynamic block of unknown for_each stays silent": {
			src: strings.Replace(sprintf(src, "Disabled"), `      replica_modifications {
        status = "Disabled"
      }`, `      dynamic "replica_modifications" {
        for_each = var.sync
        content {
          status = replica_modifications.value
        }
      }`, 1) + `
variable "sync" {
  type = list(string)
}`,
		},
		"sync status unknown stays silent": {
			src: strings.Replace(sprintf(src, "Disabled"), `"Disabled"`, "var.status", 1) + `
variable "status" {
  type = string
}`,
		},
		"sync both ways": {
			src: sprintf(src, "Enabled"),
		},
	})
}
