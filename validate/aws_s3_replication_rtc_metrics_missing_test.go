package validate

import "testing"

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
		"metrics of unknown for_each stay silent": {
			src: "variable \"metrics\" {\n  type = list(string)\n}\n" + sprintf(replicationConfig, `    destination {
      bucket = aws_s3_bucket.dst.arn
      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }
      dynamic "metrics" {
        for_each = var.metrics
        content {
          status = metrics.value
          event_threshold {
            minutes = 15
          }
        }
      }
    }`),
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
