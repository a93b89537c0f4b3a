package validate

// replicationWithRole is a cross-account replication configuration whose
// role trust principal (%q), role actions (%s) and destination bucket
// policy principal (%q) the tests vary.
const replicationWithRole = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "dst"
  region              = "eu-west-1"
  allowed_account_ids = ["222222222222"]
}
resource "aws_s3_bucket" "src" {
  bucket = "src-bucket"
}
resource "aws_s3_bucket" "dst" {
  provider = aws.dst
  bucket   = "dst-bucket"
}
resource "aws_iam_role" "replication" {
  name = "replication"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = %q }, Action = "sts:AssumeRole" }]
  })
}
resource "aws_iam_role_policy" "replication" {
  role = aws_iam_role.replication.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = %s, Resource = "*" }]
  })
}
resource "aws_s3_bucket_policy" "dst" {
  provider = aws.dst
  bucket   = aws_s3_bucket.dst.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = %q }
      Action    = ["s3:ReplicateObject", "s3:ReplicateDelete"]
      Resource  = "arn:aws:s3:::dst-bucket/*"
    }]
  })
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  role   = aws_iam_role.replication.arn
  rule {
    status = "Enabled"
    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "222222222222"
    }
  }
}
`

const allReplicationActions = `["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]`
