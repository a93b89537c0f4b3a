package policydoc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := map[string]struct {
		src  string
		want *Document
	}{
		"strings become lists": {
			src: `{
  "Version": "2012-10-17",
  "Id": "policy_id",
  "Statement": [
    {
      "Sid": "1",
      "Effect": "Allow",
      "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
      "Resource": "arn:aws:s3:::*"
    },
    {
      "Effect": "Deny",
      "NotAction": "s3:*",
      "NotResource": ["arn:aws:s3:::*"],
      "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:root"}
    }
  ]
}`,
			want: &Document{Version: "2012-10-17", ID: "policy_id", Statements: []Statement{
				{Sid: "1", Effect: "Allow", Actions: []string{"s3:ListAllMyBuckets", "s3:GetBucketLocation"}, Resources: []string{"arn:aws:s3:::*"}},
				{Effect: "Deny", NotActions: []string{"s3:*"}, NotResources: []string{"arn:aws:s3:::*"},
					NotPrincipals: []Principal{{Type: "AWS", Identifiers: []string{"arn:aws:iam::111111111111:root"}}}},
			}},
		},
		"single statement object and wildcard principal": {
			src: `{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}}`,
			want: &Document{Statements: []Statement{
				{Effect: "Allow", Actions: []string{"s3:GetObject"}, Principals: []Principal{{Type: "*", Identifiers: []string{"*"}}}},
			}},
		},
		"principals sorted by type": {
			src: `{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["b.amazonaws.com", "a.amazonaws.com"], "AWS": "*"}}]}`,
			want: &Document{Statements: []Statement{
				{Effect: "Allow", Principals: []Principal{
					{Type: "AWS", Identifiers: []string{"*"}},
					{Type: "Service", Identifiers: []string{"b.amazonaws.com", "a.amazonaws.com"}},
				}},
			}},
		},
		"conditions sorted, values as text": {
			src: `{"Statement": [{"Effect": "Deny", "Condition": {
  "StringNotEquals": {"aws:SourceVpce": ["vpce-2", "vpce-1"], "aws:PrincipalAccount": "111111111111"},
  "Bool": {"aws:SecureTransport": false},
  "NumericLessThan": {"s3:TlsVersion": [1.2]}
}}]}`,
			want: &Document{Statements: []Statement{
				{Effect: "Deny", Conditions: []Condition{
					{Test: "Bool", Variable: "aws:SecureTransport", Values: []string{"false"}},
					{Test: "NumericLessThan", Variable: "s3:TlsVersion", Values: []string{"1.2"}},
					{Test: "StringNotEquals", Variable: "aws:PrincipalAccount", Values: []string{"111111111111"}},
					{Test: "StringNotEquals", Variable: "aws:SourceVpce", Values: []string{"vpce-2", "vpce-1"}},
				}},
			}},
		},
		"no statement": {
			src:  `{"Version": "2012-10-17"}`,
			want: &Document{Version: "2012-10-17"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := Parse(tt.src)
			if err != nil {
				t.Fatalf("Parse() error: %s", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"not JSON":                `{`,
		"not an object":           `[]`,
		"trailing data":           `{} {}`,
		"statement a string":      `{"Statement": "x"}`,
		"action a number":         `{"Statement": [{"Action": 1}]}`,
		"principal a list":        `{"Statement": [{"Principal": ["*"]}]}`,
		"principal other string":  `{"Statement": [{"Principal": "AWS"}]}`,
		"identifiers numbers":     `{"Statement": [{"Principal": {"AWS": [1]}}]}`,
		"condition value object":  `{"Statement": [{"Condition": {"Bool": {"k": {}}}}]}`,
		"condition not an object": `{"Statement": [{"Condition": "x"}]}`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if got, err := Parse(src); err == nil {
				t.Errorf("Parse(%s) = %+v, want an error", src, got)
			}
		})
	}
}

// TestParseRendered checks that Parse reads what Render writes.
func TestParseRendered(t *testing.T) {
	got, diags := Render(decode(t, `
statement {
  sid       = "AllowVPCE"
  effect    = "Deny"
  actions   = ["s3:GetObject", "s3:PutObject"]
  resources = ["arn:aws:s3:::b/*"]

  principals {
    type        = "*"
    identifiers = ["*"]
  }

  condition {
    test     = "StringNotEquals"
    variable = "aws:SourceVpce"
    values   = ["vpce-1"]
  }
}
`, nil))
	if diags.HasErrors() {
		t.Fatalf("Render() errors: %s", diags.Error())
	}
	doc, err := Parse(got.GetAttr("json").AsString())
	if err != nil {
		t.Fatalf("Parse() error: %s", err)
	}
	want := &Document{Version: "2012-10-17", Statements: []Statement{{
		Sid:        "AllowVPCE",
		Effect:     "Deny",
		Actions:    []string{"s3:PutObject", "s3:GetObject"},
		Resources:  []string{"arn:aws:s3:::b/*"},
		Principals: []Principal{{Type: "*", Identifiers: []string{"*"}}},
		Conditions: []Condition{{Test: "StringNotEquals", Variable: "aws:SourceVpce", Values: []string{"vpce-1"}}},
	}}}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("Parse(Render()) mismatch (-want +got):\n%s", diff)
	}
}
