package validate

import "testing"

func TestAWSS3ObjectLambdaFunctionPermissionMissing(t *testing.T) {
	const attach = `
resource "aws_iam_role_policy_attachment" "fn" {
  role       = aws_iam_role.fn.name
  policy_arn = %q
}
`
	base := sprintf(olapConfig, "", "", "images-watermarked", `["GetObject-Range"]`, `["GetObject"]`)
	runRuleCases(t, awsS3ObjectLambdaFunctionPermissionMissing, map[string]ruleCase{
		"only basic execution": {
			src:  base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
			want: []string{"26:19-26:38 Object Lambda function cannot write responses"},
		},
		"policy attachments of unknown for_each stay silent": {
			src: base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") + `
variable "policy_arns" {
  type = set(string)
}
resource "aws_iam_role_policy_attachment" "more" {
  for_each   = var.policy_arns
  role       = aws_iam_role.fn.name
  policy_arn = each.value
}
`,
		},
		"role policies of unknown for_each stay silent": {
			src: base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") + `
variable "policies" {
  type = map(string)
}
resource "aws_iam_role_policy" "more" {
  for_each = var.policies
  role     = aws_iam_role.fn.name
  policy   = each.value
}
`,
		},
		"Object Lambda execution policy": {
			src: base + sprintf(attach, "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy"),
		},
		"no policies in the configuration": {
			src: base,
		},
	})
}
