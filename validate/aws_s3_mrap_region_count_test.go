package validate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
)

// mrapWithRegionBlocks is an MRAP with n region blocks naming literal
// buckets (outside the configuration).
func mrapWithRegionBlocks(n int) string {
	var b strings.Builder
	b.WriteString("resource \"aws_s3control_multi_region_access_point\" \"m\" {\n  details {\n    name = \"reports\"\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    region {\n      bucket = \"example-%d\"\n    }\n", i)
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// loadSummaries returns the summaries of the diagnostics loading and
// evaluating src gives, with their ranges.
func loadSummaries(t *testing.T, src string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := config.NewLoader(schema.NewCatalog())
	cfg, diags := l.Load([]string{dir})
	if !diags.HasErrors() {
		_, moreDiags := l.Evaluate(context.Background(), cfg, config.Options{Mode: config.ValidateMode})
		diags = append(diags, moreDiags...)
	}
	var out []string
	for _, d := range diags {
		out = append(out, formatDiag(dir, d))
	}
	return out
}

func TestAWSS3MRAPRegionCount(t *testing.T) {
	const providers = `provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "eu"
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
`
	cases := map[string]ruleCase{
		"two buckets in two Regions": {
			src: providers + `resource "aws_s3_bucket" "a" {
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
}`,
		},
		"20 buckets, the most there can be": {
			src: mrapWithRegionBlocks(20),
		},
		"unknown for_each of a dynamic block stays silent": {
			src: `variable "buckets" {
  type = list(string)
}
resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    dynamic "region" {
      for_each = var.buckets
      content {
        bucket = region.value
      }
    }
  }
}`,
		},
	}

	// The schema keeps the provider's bounds and leaves their check to this
	// rule, which must use the same bounds.
	region := schema.S3ControlMultiRegionAccessPoint.Blocks["details"].Block.Blocks["region"]
	if region.CountRule != awsS3MRAPRegionCount.ID || region.MinItems != mrapMinRegions || region.MaxItems != mrapMaxRegions {
		t.Fatalf("schema region block: CountRule %q, %d to %d items; want %q, %d to %d",
			region.CountRule, region.MinItems, region.MaxItems, awsS3MRAPRegionCount.ID, mrapMinRegions, mrapMaxRegions)
	}
	// So the loader says nothing about the count itself.
	if got := loadSummaries(t, mrapWithRegionBlocks(21)); len(got) != 0 {
		t.Errorf("the loader reports the region count itself: %q", got)
	}
	cases["21 buckets"] = ruleCase{
		src:  mrapWithRegionBlocks(21),
		want: []string{"65:16-65:28 Too many Multi-Region Access Point Regions"},
	}
	cases["21 buckets through a dynamic block"] = ruleCase{
		src: `resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
    dynamic "region" {
      for_each = range(21)
      content {
        bucket = "example-${region.value}"
      }
    }
  }
}`,
		want: []string{"7:18-7:43 Too many Multi-Region Access Point Regions"},
	}
	cases["no region block"] = ruleCase{
		src: `resource "aws_s3control_multi_region_access_point" "m" {
  details {
    name = "reports"
  }
}`,
		want: []string{"2:3-2:10 Multi-Region Access Point without buckets"},
	}
	cases["21 region blocks naming 20 buckets"] = ruleCase{
		// Equal blocks collapse into one element of the region set.
		src: strings.Replace(mrapWithRegionBlocks(21), `"example-20"`, `"example-0"`, 1),
	}
	runRuleCases(t, awsS3MRAPRegionCount, cases)
}
