package config

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestEvaluateWholeValueMarks is the regression test for a panic (index out
// of range in partialValue and markedValue): a data source whose value is
// computed from marked arguments, as aws_iam_policy_document's json is
// from a resource's arn, carries those marks on the whole value, and
// reading one attribute of it, or all of it, must keep them there.
func TestEvaluateWholeValueMarks(t *testing.T) {
	src := hcl1(`
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket-12345"
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.b.arn]
  }
}
resource "aws_s3_bucket_policy" "bp" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}
output "doc" {
  value = data.aws_iam_policy_document.p
}`)
	tests := map[string]struct {
		opts Options
		want string
	}{
		"bucket not yet created": {want: "(unknown)"},
		"bucket in the state": {
			opts: Options{Known: knownValues(t, map[string]map[string]cty.Value{
				"aws_s3_bucket.b": {"arn": cty.StringVal("arn:aws:s3:::my-bucket-12345"), "id": cty.StringVal("my-bucket-12345")},
			})},
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::my-bucket-12345"
    }
  ]
}`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := mustEvaluate(t, src, tc.opts)
			if got := strAttr(inst(t, m, "aws_s3_bucket_policy.bp"), "policy"); got != tc.want {
				t.Errorf("policy: got\n%s\nwant\n%s", got, tc.want)
			}
			if got := strAttr(inst(t, m, "data.aws_iam_policy_document.p"), "json"); got != tc.want {
				t.Errorf("json: got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
