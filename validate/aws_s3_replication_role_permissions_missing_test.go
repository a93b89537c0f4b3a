package validate

import "testing"

func TestAWSS3ReplicationRolePermissionsMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRolePermissionsMissing, map[string]ruleCase{
		"only ReplicateObject": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication"),
			want: []string{"47:12-47:40 Replication role lacks permissions"},
		},
		"role policies of unknown for_each stay silent": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication") + `
variable "policies" {
  type = map(string)
}
resource "aws_iam_role_policy" "more" {
  for_each = var.policies
  role     = aws_iam_role.replication.name
  policy   = each.value
}`,
		},
		"policy attachments of unknown for_each stay silent": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication") + `
variable "policy_arns" {
  type = set(string)
}
resource "aws_iam_role_policy_attachment" "more" {
  for_each   = var.policy_arns
  role       = aws_iam_role.replication.name
  policy_arn = each.value
}`,
		},
		"inline policies of unknown for_each stay silent": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `["s3:ReplicateObject"]`, "arn:aws:iam::111111111111:role/replication") + `
variable "policies" {
  type = map(string)
}
resource "aws_iam_role" "replication2" {
  name               = "replication2"
  assume_role_policy = "{}"
  dynamic "inline_policy" {
    for_each = var.policies
    content {
      name   = inline_policy.key
      policy = inline_policy.value
    }
  }
}
resource "aws_iam_role_policy" "replication2" {
  role   = aws_iam_role.replication2.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:ReplicateObject"], Resource = "*" }] })
}
resource "aws_s3_bucket_replication_configuration" "r2" {
  bucket = aws_s3_bucket.dst.id
  role   = aws_iam_role.replication2.arn
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.src.arn
    }
  }
}`,
			want: []string{"47:12-47:40 Replication role lacks permissions"},
		},
		"s3 wildcard": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", `"s3:*"`, "arn:aws:iam::111111111111:role/replication"),
		},
	})
}
