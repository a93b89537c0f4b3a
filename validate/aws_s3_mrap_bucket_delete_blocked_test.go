package validate

import (
	"fmt"
	"testing"

	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func deletedBucket(name, bucket string) *DeletedInstance {
	return &DeletedInstance{
		Addr:  schema.Addr{Type: schema.TypeS3Bucket, Name: name}.Instance(schema.NoKey),
		Value: cty.ObjectVal(map[string]cty.Value{"bucket": cty.StringVal(bucket)}),
	}
}

func TestAWSS3MRAPBucketDeleteBlocked(t *testing.T) {
	const mrap = `
provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3control_multi_region_access_point" "global" {
  details {
    name = "global"
    region {
      bucket = "reports-us-east-1"
    }
    region {
      bucket = "reports-eu-west-1"
    }
  }
}
`
	runRuleCases(t, awsS3MRAPBucketDeleteBlocked, map[string]ruleCase{
		"bucket of the MRAP deleted": {
			src:     mrap,
			deleted: []*DeletedInstance{deletedBucket("eu", "reports-eu-west-1")},
			want:    []string{"7:3-7:10 Bucket deletion blocked by a Multi-Region Access Point"},
		},
		"another bucket deleted": {
			src:     mrap,
			deleted: []*DeletedInstance{deletedBucket("logs", "logs-eu-west-1")},
		},
	})
}
