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
		"Object Lock configurations of unknown for_each stay silent": {
			src: sprintf(src, "false") + `
variable "buckets" {
  type = set(string)
}
resource "aws_s3_bucket_object_lock_configuration" "more" {
  for_each = var.buckets
  bucket   = each.value
}`,
		},
		"an Object Lock configuration on the destination stays silent": {
			src: sprintf(src, "false") + `
resource "aws_s3_bucket_object_lock_configuration" "dst" {
  bucket = aws_s3_bucket.dst.id
}`,
		},
		"both locked": {
			src: sprintf(src, "true"),
		},
	})
}
