package validate

import "testing"

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

func TestAWSS3ReplicationRoleTrustInvalid(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRoleTrustInvalid, map[string]ruleCase{
		"trusts Lambda": {
			src:  sprintf(replicationWithRole, "lambda.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
			want: []string{"20:24-23:5 Replication role not trusted by S3"},
		},
		"trusts S3": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
		},
	})
}

func TestAWSS3ReplicationRolePermissionsMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRolePermissionsMissing, map[string]ruleCase{
		"only ReplicateObject": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication"),
			want: []string{"47:12-47:40 Replication role lacks permissions"},
		},
		"s3 wildcard": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `"s3:*"`, "arn:aws:iam::111111111111:role/replication"),
		},
	})
}

func TestAWSS3ReplicationCrossAccountPolicyMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationCrossAccountPolicyMissing, map[string]ruleCase{
		"policy grants another role": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/other"),
			want: []string{"51:17-51:38 Destination bucket policy does not grant the replication role"},
		},
		"policy grants the role": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
		},
		"policy grants the source account": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "111111111111"),
		},
	})
}

func TestAWSVPCEndpointMRAPUnreachable(t *testing.T) {
	const src = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0123456789abcdef0"]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = %q }]
  })
}`
	runRuleCases(t, awsVPCEndpointMRAPUnreachable, map[string]ruleCase{
		"MRAP through a gateway endpoint": {
			src:  sprintf(endpointVPC, "true") + sprintf(src, "arn:aws:s3::111111111111:accesspoint/mfzwi23gnjvgw.mrap/object/*"),
			want: []string{"15:12-18:5 Multi-Region Access Point not reachable through this endpoint"},
		},
		"bucket through a gateway endpoint": {
			src: sprintf(endpointVPC, "true") + sprintf(src, "arn:aws:s3:::reports/*"),
		},
	})
}

func TestAWSS3ObjectLambdaFunctionPermissionMissing(t *testing.T) {
	const attach = `
resource "aws_iam_role_policy_attachment" "fn" {
  role       = aws_iam_role.fn.name
  policy_arn = %q
}
`
	base := sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`)
	runRuleCases(t, awsS3ObjectLambdaFunctionPermissionMissing, map[string]ruleCase{
		"only basic execution": {
			src:  base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
			want: []string{"26:19-26:38 Object Lambda function cannot write responses"},
		},
		"Object Lambda execution policy": {
			src: base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy"),
		},
		"no policies in the configuration": {
			src: base,
		},
	})
}
