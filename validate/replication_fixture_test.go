package validate

// replicationConfig is a same-account replication setup; %s is the body of
// the single rule.
const replicationConfig = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3_bucket" "src" {
  bucket = "src-bucket"
}
resource "aws_s3_bucket" "dst" {
  bucket = "dst-bucket"
}
resource "aws_iam_role" "replication" {
  name               = "replication"
  assume_role_policy = "{}"
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = aws_iam_role.replication.arn
  rule {
    status = "Enabled"
%s
  }
}
`
