package validate

import "testing"

func TestAWSS3ReplicationOwnerOverrideAccountMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationOwnerOverrideAccountMissing, map[string]ruleCase{
		"no account": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      access_control_translation {
        owner = "Destination"
      }
    }`),
			want: []string{"23:7-23:33 Owner override without destination account"},
		},
		"with account": {
			src: sprintf(replicationConfig, `    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "222222222222"
      access_control_translation {
        owner = "Destination"
      }
    }`),
		},
	})
}

func TestAWSS3ReplicationOwnerOverrideSameAccount(t *testing.T) {
	runRuleCases(t, awsS3ReplicationOwnerOverrideSameAccount, map[string]ruleCase{
		"same account": {
			src: sprintf(replicationConfig, `    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "111111111111"
      access_control_translation {
        owner = "Destination"
      }
    }`),
			want: []string{"24:7-24:33 Owner override within one account"},
		},
		"other account": {
			src: sprintf(replicationConfig, `    destination {
      bucket  = aws_s3_bucket.dst.arn
      account = "222222222222"
      access_control_translation {
        owner = "Destination"
      }
    }`),
		},
	})
}

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
		"replica key": {
			src: sprintf(replicationConfig, sprintf(sse, `      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:eu-west-1:111111111111:key/1234"
      }`)),
		},
	})
}

func TestAWSS3ReplicationRTCMetricsMissing(t *testing.T) {
	runRuleCases(t, awsS3ReplicationRTCMetricsMissing, map[string]ruleCase{
		"no metrics": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }
    }`),
			want: []string{"23:7-23:23 Replication Time Control misconfigured"},
		},
		"metrics and 15 minutes": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }
      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }
    }`),
		},
	})
}

func TestAWSS3ReplicationPriorityDuplicate(t *testing.T) {
	src := `
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = "src-bucket"
  role   = "arn:aws:iam::111111111111:role/replication"
  dynamic "rule" {
    for_each = ["a", "b"]
    content {
      id       = rule.value
      status   = "Enabled"
      priority = %s
      filter {}
      delete_marker_replication {
        status = "Disabled"
      }
      destination {
        bucket = "arn:aws:s3:::dst-bucket"
      }
    }
  }
}
`
	runRuleCases(t, awsS3ReplicationPriorityDuplicate, map[string]ruleCase{
		"same priority": {
			src:  sprintf(src, "1"),
			want: []string{"5:3-5:17 Duplicate replication rule priority"},
		},
		"distinct priorities": {
			src: sprintf(src, `rule.key + 1`),
		},
	})
}

func TestAWSS3ReplicationDestinationIsSource(t *testing.T) {
	runRuleCases(t, awsS3ReplicationDestinationIsSource, map[string]ruleCase{
		"to itself": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.src.arn
    }`),
			want: []string{"22:16-22:37 Replication destination is the source"},
		},
		"to another bucket": {
			src: sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
	})
}

func TestAWSS3ReplicationDestinationAccessPoint(t *testing.T) {
	runRuleCases(t, awsS3ReplicationDestinationAccessPoint, map[string]ruleCase{
		"access point ARN": {
			src: sprintf(replicationConfig, `    destination {
      bucket = "arn:aws:s3:eu-west-1:111111111111:accesspoint/dst"
    }`),
			want: []string{"22:16-22:67 Replication destination is an access point"},
		},
		"bucket ARN": {
			src: sprintf(replicationConfig, `    destination {
      bucket = "arn:aws:s3:::dst-bucket"
    }`),
		},
	})
}

func TestAWSS3ReplicationFilterIncomplete(t *testing.T) {
	runRuleCases(t, awsS3ReplicationFilterIncomplete, map[string]ruleCase{
		"filter without priority and delete markers": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"21:5-21:11 Incomplete replication rule filter", "21:5-21:11 Incomplete replication rule filter"},
		},
		"complete": {
			src: sprintf(replicationConfig, `    priority = 1
    filter {
      prefix = "logs/"
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
	})
}

func TestAWSS3ReplicationDeleteMarkerTagFilter(t *testing.T) {
	const rule = `    priority = 1
    filter {
      tag {
        key   = "replicate"
        value = "yes"
      }
    }
    delete_marker_replication {
      status = %q
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`
	runRuleCases(t, awsS3ReplicationDeleteMarkerTagFilter, map[string]ruleCase{
		"enabled with a tag": {
			src:  sprintf(replicationConfig, sprintf(rule, "Enabled")),
			want: []string{"29:16-29:25 Delete marker replication with a tag filter"},
		},
		"disabled": {
			src: sprintf(replicationConfig, sprintf(rule, "Disabled")),
		},
	})
}
