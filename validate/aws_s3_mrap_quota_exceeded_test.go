package validate

import "testing"

func TestAWSS3MRAPQuotaExceeded(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "other"
  region              = "us-west-2"
  allowed_account_ids = ["222222222222"]
}
`
	runRuleCases(t, awsS3MRAPQuotaExceeded, map[string]ruleCase{
		"101 in one account": {
			src: providers + `resource "aws_s3control_multi_region_access_point" "m" {
  count = 101
  details {
    name = "reports-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}`,
			want: []string{"10:1-10:55 Multi-Region Access Point quota exceeded"},
		},
		"the block that pushes the account over": {
			src: providers + `resource "aws_s3control_multi_region_access_point" "a" {
  count = 100
  details {
    name = "a-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}
resource "aws_s3control_multi_region_access_point" "b" {
  details {
    name = "b"
    region {
      bucket = "example-data"
    }
  }
}`,
			want: []string{"19:1-19:55 Multi-Region Access Point quota exceeded"},
		},
		"100 in one account, more in another": {
			src: providers + `resource "aws_s3control_multi_region_access_point" "m" {
  count = 100
  details {
    name = "reports-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}
resource "aws_s3control_multi_region_access_point" "other" {
  provider = aws.other
  count    = 5
  details {
    name = "reports-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}`,
		},
		"unknown count stays silent": {
			src: providers + `variable "n" {
  type = number
}
resource "aws_s3control_multi_region_access_point" "m" {
  count = var.n
  details {
    name = "reports-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}`,
		},
		"unknown account is not counted": {
			src: `resource "aws_s3control_multi_region_access_point" "m" {
  count = 101
  details {
    name = "reports-${count.index}"
    region {
      bucket = "example-data"
    }
  }
}`,
		},
	})
}
