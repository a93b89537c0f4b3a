package validate

import "testing"

func TestAWSS3ReplicationObjectLockMismatch(t *testing.T) {
	const src = `resource "aws_s3_bucket" "src" {
  bucket              = "src-bucket"
  object_lock_enabled = true
}
resource "aws_s3_bucket" "dst" {
  bucket              = "dst-bucket"
  object_lock_enabled = %s
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.dst.arn
    }
  }
}`
	runRuleCases(t, awsS3ReplicationObjectLockMismatch, map[string]ruleCase{
		"destination without Object Lock": {
			src:  sprintf(src, "false"),
			want: []string{"15:16-15:37 Object Lock missing on the replication destination"},
		},
		"both locked": {
			src: sprintf(src, "true"),
		},
	})
}

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
		"sync both ways": {
			src: sprintf(src, "Enabled"),
		},
	})
}
