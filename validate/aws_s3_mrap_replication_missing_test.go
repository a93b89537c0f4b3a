package validate

import (
	"fmt"
	"testing"
)

func TestAWSS3MRAPReplicationMissing(t *testing.T) {
	// mrap is two buckets in two Regions behind a Multi-Region Access Point;
	// %s is the replication configurations (lines 30 on).
	const mrap = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "eu"
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3_bucket" "a" {
  bucket = "example-a"
}
resource "aws_s3_bucket" "b" {
  provider = aws.eu
  bucket   = "example-b"
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    region {
      bucket = aws_s3_bucket.a.id
    }
    region {
      bucket = aws_s3_bucket.b.id
    }
  }
}
variable "unknown" {
  type = string
}
%s`
	// repl replicates from one bucket to another; status and destination
	// are HCL expressions.
	repl := func(name, from, status, to string) string {
		return fmt.Sprintf(`resource "aws_s3_bucket_replication_configuration" %q {
  bucket = %s
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = %s
    destination {
      bucket = %s
    }
  }
}
`, name, from, status, to)
	}
	const (
		a, b       = "aws_s3_bucket.a.id", "aws_s3_bucket.b.id"
		aARN, bARN = "aws_s3_bucket.a.arn", "aws_s3_bucket.b.arn"
		enabled    = `"Enabled"`
	)
	runRuleCases(t, awsS3MRAPReplicationMissing, map[string]ruleCase{
		"no replication at all": {
			src:  fmt.Sprintf(mrap, ""),
			want: []string{"21:16-21:34 Multi-Region Access Point buckets without replication"},
		},
		"one way only": {
			src:  fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)),
			want: []string{"24:16-24:34 Multi-Region Access Point buckets without replication"},
		},
		"a disabled rule does not count": {
			src:  fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("ba", b, `"Disabled"`, aARN)),
			want: []string{"24:16-24:34 Multi-Region Access Point buckets without replication"},
		},
		"a destination outside the configuration does not count": {
			src:  fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("ba", b, enabled, `"arn:aws:s3:::example-elsewhere"`)),
			want: []string{"24:16-24:34 Multi-Region Access Point buckets without replication"},
		},
		"two-way replication": {
			src: fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("ba", b, enabled, aARN)),
		},
		"two-way replication named by literals": {
			src: fmt.Sprintf(mrap, repl("ab", `"example-a"`, enabled, `"arn:aws:s3:::example-b"`)+repl("ba", `"example-b"`, enabled, `"arn:aws:s3:::example-a"`)),
		},
		"unknown destination stays silent": {
			src: fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("ba", b, enabled, "var.unknown")),
		},
		"unknown status stays silent": {
			src: fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("ba", b, "var.unknown", aARN)),
		},
		"unknown source stays silent": {
			src: fmt.Sprintf(mrap, repl("ab", a, enabled, bARN)+repl("x", "var.unknown", enabled, aARN)),
		},
		"replication configurations of unknown for_each stay silent": {
			src: fmt.Sprintf(mrap, `variable "sources" {
  type = set(string)
}
resource "aws_s3_bucket_replication_configuration" "x" {
  for_each = var.sources
  bucket   = each.value
  role     = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.a.arn
    }
  }
}
`+repl("ab", a, enabled, bARN)),
		},
		"rules of unknown for_each stay silent": {
			src: fmt.Sprintf(mrap, `variable "destinations" {
  type = set(string)
}
resource "aws_s3_bucket_replication_configuration" "x" {
  bucket = aws_s3_bucket.b.id
  role   = "arn:aws:iam::111111111111:role/replication"
  dynamic "rule" {
    for_each = var.destinations
    content {
      status = "Enabled"
      destination {
        bucket = rule.value
      }
    }
  }
}
`+repl("ab", a, enabled, bARN)),
		},
		"unknown count of replication configurations stays silent": {
			src: fmt.Sprintf(mrap, `variable "n" {
  type = number
}
resource "aws_s3_bucket_replication_configuration" "x" {
  count  = var.n
  bucket = aws_s3_bucket.b.id
  role   = "arn:aws:iam::111111111111:role/replication"
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.a.arn
    }
  }
}
`+repl("ab", a, enabled, bARN)),
		},
	})
}
