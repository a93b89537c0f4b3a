package validate

import "testing"

func TestAWSS3ObjectLambdaNameInvalid(t *testing.T) {
	runRuleCases(t, awsS3ObjectLambdaNameInvalid, map[string]ruleCase{
		"uppercase": {
			src:  sprintf(olapConfig, "", "", "Images-Watermarked", `["GetObject-Range"]`, `["GetObject"]`),
			want: []string{"32:10-32:30 Invalid Object Lambda Access Point name"},
		},
		"reserved suffix": {
			src:  sprintf(olapConfig, "", "", "images--ol-s3", `["GetObject-Range"]`, `["GetObject"]`),
			want: []string{"32:10-32:25 Invalid Object Lambda Access Point name"},
		},
		"valid": {
			src: sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
		},
	})
}
