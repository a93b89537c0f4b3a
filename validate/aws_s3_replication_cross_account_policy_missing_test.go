package validate

import (
	"strings"
	"testing"
)

func TestAWSS3ReplicationCrossAccountPolicyMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationCrossAccountPolicyMissing, map[string]ruleCase{
		"policy grants another role": {
			src:  sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/other"),
			want: []string{"51:17-51:38 Destination bucket policy does not grant the replication role"},
		},
		"bucket policies of unknown for_each stay silent": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/other") + `
variable "policies" {
  type = map(string)
}
resource "aws_s3_bucket_policy" "more" {
  for_each = var.policies
  provider = aws.dst
  bucket   = aws_s3_bucket.dst.id
  policy   = each.value
}`,
		},
		"policy grants the role": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
		},
		"destination partition unknown stays silent": {
			src: strings.Replace(sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "arn:aws:iam::111111111111:role/replication"),
				"  alias               = \"dst\"\n  region              = \"eu-west-1\"\n", "  alias               = \"dst\"\n", 1),
		},
		"policy grants the source account": {
			src: sprintf(replicationWithRole, "s3.amazonaws.com", allReplicationActions, "111111111111"),
		},
	})
}
