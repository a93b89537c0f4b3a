package validate

import (
	"strings"
	"testing"
)

func TestAWSS3ReplicationFilterIncomplete(t *testing.T) {
	// dynamicRules is a configuration whose rules a dynamic block writes;
	// %s is the rest of the content of each rule.
	dynamicRules := replicationConfig[:strings.Index(replicationConfig, "  rule {")] + `  dynamic "rule" {
    for_each = range(16)
    content {
      id       = "r${rule.value}"
      status   = "Enabled"
      priority = rule.value
      filter {
        prefix = "p${rule.value}/"
      }
      destination {
        bucket = aws_s3_bucket.dst.arn
      }
%s    }
  }
}
`
	sixteen := make([]string, 16)
	for i := range sixteen {
		sixteen[i] = "25:7-25:13 Incomplete replication rule filter"
	}
	runRuleCases(t, awsS3ReplicationFilterIncomplete, map[string]ruleCase{
		"16 dynamic rules without delete markers, each reported at its filter": {
			src:  sprintf(dynamicRules, ""),
			want: sixteen,
		},
		"16 dynamic rules with delete markers": {
			src: sprintf(dynamicRules, `      delete_marker_replication {
        status = "Disabled"
      }
`),
		},
		"delete markers from a dynamic block with an unknown for_each stay silent": {
			src: "variable \"markers\" {\n  type = list(string)\n}\n" + sprintf(dynamicRules, `      dynamic "delete_marker_replication" {
        for_each = var.markers
        content {
          status = delete_marker_replication.value
        }
      }
`),
		},
		"a filter from a dynamic block with an unknown for_each stays silent": {
			src: "variable \"prefixes\" {\n  type = list(string)\n}\n" + sprintf(replicationConfig, `    dynamic "filter" {
      for_each = var.prefixes
      content {
        prefix = filter.value
      }
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
		"a static rule and dynamic ones, each at its own filter": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "static/"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }
  }
  dynamic "rule" {
    for_each = ["a", "b"]
    content {
      status = "Enabled"
      filter {
        prefix = rule.value
      }
      destination {
        bucket = aws_s3_bucket.dst.arn
      }
    }`),
			want: []string{
				"21:5-21:11 Incomplete replication rule filter",
				"32:7-32:13 Incomplete replication rule filter",
				"32:7-32:13 Incomplete replication rule filter",
			},
		},
		"filter without delete markers": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"21:5-21:11 Incomplete replication rule filter"},
		},
		"filter without priority: the provider sends priority 0": {
			src: sprintf(replicationConfig, `    filter {
      prefix = "logs/"
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
		},
		"filter with prefix and tag": {
			src: sprintf(replicationConfig, `    priority = 1
    filter {
      prefix = "logs/"
      tag {
        key   = "k"
        value = "v"
      }
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
			want: []string{"22:5-22:11 Incomplete replication rule filter"},
		},
		"no filter: the V1 schema needs neither": {
			src: sprintf(replicationConfig, `    prefix = "logs/"
    destination {
      bucket = aws_s3_bucket.dst.arn
    }`),
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
