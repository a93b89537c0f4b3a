package validate

import "testing"

func TestAWSS3ObjectLambdaSupportingAccessPointMismatch(t *testing.T) {
	runRuleCases(t, awsS3ObjectLambdaSupportingAccessPointMismatch, map[string]ruleCase{
		"access point in another Region": {
			src:  sprintf(olapConfig, "provider = aws.us", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
			want: []string{"34:31-34:61 Supporting access point in another Region or account"},
		},
		"same Region": {
			src: sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
		},
	})
}
