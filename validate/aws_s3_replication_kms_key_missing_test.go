package validate

import (
	"strings"
	"testing"
)

func TestAWSS3ReplicationKMSKeyMissing(t *testing.T) {
	const sse = `    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
%s
    }`
	runRuleCases(t, awsS3ReplicationKMSKeyMissing, map[string]ruleCase{
		"no replica key": {
			src:  sprintf(replicationConfig, sprintf(sse, "")),
			want: []string{"23:18-23:27 Replica KMS key missing"},
		},
		"a replica key block of unknown for_each stays silent": {
			src: "variable \"keys\" {\n  type = list(string)\n}\n" + sprintf(replicationConfig, sprintf(sse, `      dynamic "encryption_configuration" {
        for_each = var.keys
        content {
          replica_kms_key_id = encryption_configuration.value
        }
      }`)),
		},
		"rules from a dynamic block, each reported in its content": {
			src: replicationConfig[:strings.Index(replicationConfig, "  rule {")] + `  dynamic "rule" {
    for_each = ["a", "b"]
    content {
      id     = rule.value
      status = "Enabled"
      source_selection_criteria {
        sse_kms_encrypted_objects {
          status = "Enabled"
        }
      }
      destination {
        bucket = aws_s3_bucket.dst.arn
      }
    }
  }
}
`,
			want: []string{
				"26:20-26:29 Replica KMS key missing",
				"26:20-26:29 Replica KMS key missing",
			},
		},
		"replica key": {
			src: sprintf(replicationConfig, sprintf(sse, `      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:eu-west-1:111111111111:key/1234"
      }`)),
		},
	})
}
