package validate

import "testing"

func TestAWSS3MRAPNameInvalid(t *testing.T) {
	runRuleCases(t, awsS3MRAPNameInvalid, map[string]ruleCase{
		"underscore": {
			src: `resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "global_reports"
    region {
      bucket = "example-use1"
    }
  }
}`,
			want: []string{"3:12-3:28 Invalid Multi-Region Access Point name"},
		},
		"for_each: too short, uppercase, trailing hyphen, dot": {
			src: `resource "aws_s3control_multi_region_access_point" "m" {
  for_each = toset(["ab", "Reports", "reports-", "re.ports"])
  details {
    name = each.value
    region {
      bucket = "example-use1"
    }
  }
}`,
			want: []string{
				"4:12-4:22 Invalid Multi-Region Access Point name",
				"4:12-4:22 Invalid Multi-Region Access Point name",
				"4:12-4:22 Invalid Multi-Region Access Point name",
				"4:12-4:22 Invalid Multi-Region Access Point name",
			},
		},
		"valid names, in two accounts": {
			src: `provider "aws" {
  alias               = "other"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports-2024"
    region {
      bucket = "example-use1"
    }
  }
}
resource "aws_s3control_multi_region_access_point" "other" {
  provider = aws.other
  details {
    name = "${join("", [for i in range(50) : "a"])}"
    region {
      bucket = "example-use1"
    }
  }
}`,
		},
		"unknown name stays silent": {
			src: `variable "name" {
  type = string
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = var.name
    region {
      bucket = "example-use1"
    }
  }
}`,
		},
	})
}
