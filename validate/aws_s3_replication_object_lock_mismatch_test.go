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
