package validate

import "testing"

func TestAWSS3ObjectLambdaClosedToNewCustomers(t *testing.T) {
	runRuleCases(t, awsS3ObjectLambdaClosedToNewCustomers, map[string]ruleCase{
		"new access point": {
			src:  sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
			want: []string{"31:1-31:61 S3 Object Lambda closed to new customers"},
		},
		"no Object Lambda access point": {
			src: `resource "aws_s3_access_point" "images" {
  bucket = "images"
  name   = "images"
}`,
		},
	})
}
