package validate

import "testing"

func TestAWSS3ObjectLambdaActionInvalid(t *testing.T) {
	runRuleCases(t, awsS3ObjectLambdaActionInvalid, map[string]ruleCase{
		"PutObject is not transformed": {
			src:  sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject", "PutObject"]`),
			want: []string{"37:17-37:43 Unsupported Object Lambda action"},
		},
		"misspelt feature": {
			src:  sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Ranges"]`, `["GetObject"]`),
			want: []string{"35:31-35:51 Unsupported Object Lambda feature"},
		},
		"HEAD and LIST are supported": {
			src: sprintf(olapConfig, "", "", "images-watermarked", `["HeadObject-PartNumber"]`, `["GetObject", "HeadObject", "ListObjectsV2"]`),
		},
	})
}
