package validate

import "testing"

func TestAWSS3ObjectLambdaFunctionLocation(t *testing.T) {
	runRuleCases(t, awsS3ObjectLambdaFunctionLocation, map[string]ruleCase{
		"function in another Region": {
			src:  sprintf(olapConfig, "", "provider = aws.us", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
			want: []string{"40:26-40:59 Lambda function in another account or Region"},
		},
		"same account and Region": {
			src: sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`),
		},
	})
}
