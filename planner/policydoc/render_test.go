package policydoc

import (
	"bytes"
	"encoding/json"
	"hash/crc32"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/vpcplan/vpcplan/schema"
)

// The expected documents come from the provider: the examples of its
// documentation page (website/docs/d/iam_policy_document.html.markdown) and
// the expected values of its acceptance tests
// (internal/service/iam/policy_document_data_source_test.go). Both still show
// the "Sid": "" lines that provider versions before 5.0 rendered for
// statements without a sid; since 5.0 (hashicorp/terraform-provider-aws#28539)
// an empty Sid is omitted, so those lines are left out here. Nothing else is
// changed, except where noted.

// dependency is another aws_iam_policy_document rendered first and exposed
// to the configuration under test as data.aws_iam_policy_document.<name>.
type dependency struct {
	name, src string
}

// testVars are the var.* values the configurations use; var.unknown is an
// unknown string.
var testVars = cty.ObjectVal(map[string]cty.Value{
	"partition":      cty.StringVal("aws"),
	"s3_bucket_name": cty.StringVal("example-bucket"),
	"unknown":        cty.UnknownVal(cty.String),
})

// decode parses src as the body of a data "aws_iam_policy_document" block,
// with deps rendered and in scope, and decodes it with the schema's spec,
// adding the computed attributes as null.
func decode(t *testing.T, src string, deps []dependency) cty.Value {
	t.Helper()
	docs := map[string]cty.Value{}
	for _, d := range deps {
		v, diags := Render(decodeWith(t, d.src, docs))
		if diags.HasErrors() {
			t.Fatalf("rendering dependency %s: %s", d.name, diags.Error())
		}
		docs[d.name] = v
	}
	return decodeWith(t, src, docs)
}

func decodeWith(t *testing.T, src string, docs map[string]cty.Value) cty.Value {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parsing: %s", diags.Error())
	}
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":  testVars,
			"data": cty.ObjectVal(map[string]cty.Value{"aws_iam_policy_document": cty.ObjectVal(docs)}),
		},
		Functions: map[string]function.Function{"jsonencode": stdlib.JSONEncodeFunc},
	}
	v, diags := hcldec.Decode(f.Body, schema.DataIAMPolicyDocument.DecoderSpec(), ctx)
	if diags.HasErrors() {
		t.Fatalf("decoding: %s", diags.Error())
	}
	attrs := v.AsValueMap()
	for name := range computedAttrs {
		attrs[name] = cty.NullVal(cty.String)
	}
	v = cty.ObjectVal(attrs)
	if want := schema.DataIAMPolicyDocument.ImpliedType(); !v.Type().Equals(want) {
		t.Fatalf("decoded type %s, want the schema's implied type %s", v.Type().GoString(), want.GoString())
	}
	return v
}

func TestRender(t *testing.T) {
	tests := map[string]struct {
		deps []dependency
		src  string
		want string
	}{
		// Acceptance test "basic" (TestAccIAMPolicyDocumentDataSource_basic)
		// in the aws partition: Id, a condition value that is empty, &{
		// in resources and condition values, not_principals, not_actions
		// and not_resources, and both wildcard principals.
		"basic": {
			src: `
policy_id = "policy_id"

statement {
  sid = "1"
  actions = [
    "s3:ListAllMyBuckets",
    "s3:GetBucketLocation",
  ]
  resources = [
    "arn:${var.partition}:s3:::*",
  ]
}

statement {
  actions = [
    "s3:ListBucket",
  ]

  resources = [
    "arn:${var.partition}:s3:::foo",
  ]

  condition {
    test     = "StringLike"
    variable = "s3:prefix"
    values = [
      "home/",
      "",
      "home/&{aws:username}/",
    ]
  }

  not_principals {
    type        = "AWS"
    identifiers = ["arn:blahblah:example"]
  }
}

statement {
  actions = [
    "s3:*",
  ]

  resources = [
    "arn:${var.partition}:s3:::foo/home/&{aws:username}",
    "arn:${var.partition}:s3:::foo/home/&{aws:username}/*",
  ]

  principals {
    type        = "AWS"
    identifiers = ["arn:blahblah:example"]
  }
}

statement {
  effect        = "Deny"
  not_actions   = ["s3:*"]
  not_resources = ["arn:${var.partition}:s3:::*"]
}

# Normalization of wildcard principals

statement {
  effect  = "Allow"
  actions = ["kinesis:*"]

  principals {
    type        = "AWS"
    identifiers = ["*"]
  }
}

statement {
  effect  = "Allow"
  actions = ["firehose:*"]

  principals {
    type        = "*"
    identifiers = ["*"]
  }
}
`,
			want: `{
  "Version": "2012-10-17",
  "Id": "policy_id",
  "Statement": [
    {
      "Sid": "1",
      "Effect": "Allow",
      "Action": [
        "s3:ListAllMyBuckets",
        "s3:GetBucketLocation"
      ],
      "Resource": "arn:aws:s3:::*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::foo",
      "NotPrincipal": {
        "AWS": "arn:blahblah:example"
      },
      "Condition": {
        "StringLike": {
          "s3:prefix": [
            "home/",
            "",
            "home/${aws:username}/"
          ]
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::foo/home/${aws:username}/*",
        "arn:aws:s3:::foo/home/${aws:username}"
      ],
      "Principal": {
        "AWS": "arn:blahblah:example"
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "s3:*",
      "NotResource": "arn:aws:s3:::*"
    },
    {
      "Effect": "Allow",
      "Action": "kinesis:*",
      "Principal": {
        "AWS": "*"
      }
    },
    {
      "Effect": "Allow",
      "Action": "firehose:*",
      "Principal": "*"
    }
  ]
}`,
		},
		// Acceptance test singleConditionValue: a one-value condition is a
		// string, and {"AWS": "*"} is not normalised to "*".
		"single condition value": {
			src: `
statement {
  effect = "Deny"

  principals {
    type        = "AWS"
    identifiers = ["*"]
  }

  actions = ["elasticfilesystem:*"]

  resources = ["*"]

  condition {
    test     = "Bool"
    variable = "aws:SecureTransport"
    values   = ["false"]
  }
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": "elasticfilesystem:*",
      "Resource": "*",
      "Principal": {
        "AWS": "*"
      },
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "false"
        }
      }
    }
  ]
}`,
		},
		// Documentation, "Example Multiple Condition Keys and Values":
		// conditions grouped by test, keyed by variable, values in order.
		"condition keys and values": {
			src: `
statement {
  actions = [
    "kms:Decrypt",
    "kms:GenerateDataKey"
  ]

  resources = ["*"]

  condition {
    test     = "ForAnyValue:StringEquals"
    variable = "kms:EncryptionContext:service"
    values   = ["pi"]
  }

  condition {
    test     = "ForAnyValue:StringEquals"
    variable = "kms:EncryptionContext:aws:pi:service"
    values   = ["rds"]
  }

  condition {
    test     = "ForAnyValue:StringEquals"
    variable = "kms:EncryptionContext:aws:rds:db-id"
    values   = ["db-AAAAABBBBBCCCCCDDDDDEEEEE", "db-EEEEEDDDDDCCCCCBBBBBAAAAA"]
  }

}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "kms:GenerateDataKey",
        "kms:Decrypt"
      ],
      "Resource": "*",
      "Condition": {
        "ForAnyValue:StringEquals": {
          "kms:EncryptionContext:aws:pi:service": "rds",
          "kms:EncryptionContext:aws:rds:db-id": [
            "db-AAAAABBBBBCCCCCDDDDDEEEEE",
            "db-EEEEEDDDDDCCCCCBBBBBAAAAA"
          ],
          "kms:EncryptionContext:service": "pi"
        }
      }
    }
  ]
}`,
		},
		// Acceptance test StatementPrincipalIdentifiers_stringAndSlice:
		// principals of one type merge in the SDK's set order.
		"principals string and slice": {
			src: `
statement {
  actions   = ["*"]
  resources = ["*"]
  sid       = "StatementPrincipalIdentifiersStringAndSlice"

  principals {
    identifiers = ["arn:${var.partition}:iam::111111111111:root"]
    type        = "AWS"
  }

  principals {
    identifiers = ["arn:${var.partition}:iam::222222222222:root", "arn:${var.partition}:iam::333333333333:root"]
    type        = "AWS"
  }
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "StatementPrincipalIdentifiersStringAndSlice",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::111111111111:root",
          "arn:aws:iam::333333333333:root",
          "arn:aws:iam::222222222222:root"
        ]
      }
    }
  ]
}`,
		},
		// Acceptance test StatementPrincipalIdentifiers_multiplePrincipals
		// (aws partition).
		"multiple principals": {
			src: `
statement {
  actions   = ["*"]
  resources = ["*"]
  sid       = "StatementPrincipalIdentifiersStringAndSlice"

  principals {
    identifiers = [
      "arn:${var.partition}:iam::111111111111:root",
      "arn:${var.partition}:iam::222222222222:root",
    ]
    type = "AWS"
  }

  principals {
    identifiers = [
      "arn:${var.partition}:iam::333333333333:root",
    ]
    type = "AWS"
  }

  principals {
    identifiers = [
      "arn:${var.partition}:iam::444444444444:root",
    ]
    type = "AWS"
  }
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "StatementPrincipalIdentifiersStringAndSlice",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::333333333333:root",
          "arn:aws:iam::444444444444:root",
          "arn:aws:iam::222222222222:root",
          "arn:aws:iam::111111111111:root"
        ]
      }
    }
  ]
}`,
		},
		// Documentation, "Example Using A Source Document".
		"source document": {
			deps: []dependency{{"source", `
statement {
  actions   = ["ec2:*"]
  resources = ["*"]
}

statement {
  sid = "SidToOverride"

  actions   = ["s3:*"]
  resources = ["*"]
}
`}},
			src: `
source_policy_documents = [data.aws_iam_policy_document.source.json]

statement {
  sid = "SidToOverride"

  actions = ["s3:*"]

  resources = [
    "arn:aws:s3:::somebucket",
    "arn:aws:s3:::somebucket/*",
  ]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverride",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::somebucket/*",
        "arn:aws:s3:::somebucket"
      ]
    }
  ]
}`,
		},
		// Documentation, "Example Using An Override Document".
		"override document": {
			deps: []dependency{{"override", `
statement {
  sid = "SidToOverride"

  actions   = ["s3:*"]
  resources = ["*"]
}
`}},
			src: `
override_policy_documents = [data.aws_iam_policy_document.override.json]

statement {
  actions   = ["ec2:*"]
  resources = ["*"]
}

statement {
  sid = "SidToOverride"

  actions = ["s3:*"]

  resources = [
    "arn:aws:s3:::somebucket",
    "arn:aws:s3:::somebucket/*",
  ]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverride",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    }
  ]
}`,
		},
		// Documentation, "Example with Both Source and Override Documents".
		"source and override documents": {
			deps: []dependency{
				{"source", `
statement {
  sid       = "OverridePlaceholder"
  actions   = ["ec2:DescribeAccountAttributes"]
  resources = ["*"]
}
`},
				{"override", `
statement {
  sid       = "OverridePlaceholder"
  actions   = ["s3:GetObject"]
  resources = ["*"]
}
`},
			},
			src: `
source_policy_documents   = [data.aws_iam_policy_document.source.json]
override_policy_documents = [data.aws_iam_policy_document.override.json]
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OverridePlaceholder",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
		},
		// Documentation, "Example of Merging Source Documents".
		"merging source documents": {
			deps: []dependency{
				{"source_one", `
statement {
  actions   = ["ec2:*"]
  resources = ["*"]
}

statement {
  sid = "UniqueSidOne"

  actions   = ["s3:*"]
  resources = ["*"]
}
`},
				{"source_two", `
statement {
  sid = "UniqueSidTwo"

  actions   = ["iam:*"]
  resources = ["*"]
}

statement {
  actions   = ["lambda:*"]
  resources = ["*"]
}
`},
			},
			src: `
source_policy_documents = [
  data.aws_iam_policy_document.source_one.json,
  data.aws_iam_policy_document.source_two.json
]
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "UniqueSidOne",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    },
    {
      "Sid": "UniqueSidTwo",
      "Effect": "Allow",
      "Action": "iam:*",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "lambda:*",
      "Resource": "*"
    }
  ]
}`,
		},
		// Documentation, "Example of Merging Override Documents". The
		// page's rendering spells the sids OverridePlaceholder... (lower-case
		// h) and ends the list with a comma; the sids are the configured
		// ones here and the JSON is valid.
		"merging override documents": {
			deps: []dependency{
				{"policy_one", `
statement {
  sid    = "OverridePlaceHolderOne"
  effect = "Allow"

  actions   = ["s3:*"]
  resources = ["*"]
}
`},
				{"policy_two", `
statement {
  effect    = "Allow"
  actions   = ["ec2:*"]
  resources = ["*"]
}

statement {
  sid    = "OverridePlaceHolderTwo"
  effect = "Allow"

  actions   = ["iam:*"]
  resources = ["*"]
}
`},
				{"policy_three", `
statement {
  sid    = "OverridePlaceHolderOne"
  effect = "Deny"

  actions   = ["logs:*"]
  resources = ["*"]
}
`},
			},
			src: `
override_policy_documents = [
  data.aws_iam_policy_document.policy_one.json,
  data.aws_iam_policy_document.policy_two.json,
  data.aws_iam_policy_document.policy_three.json
]

statement {
  sid    = "OverridePlaceHolderTwo"
  effect = "Deny"

  actions   = ["*"]
  resources = ["*"]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OverridePlaceHolderTwo",
      "Effect": "Allow",
      "Action": "iam:*",
      "Resource": "*"
    },
    {
      "Sid": "OverridePlaceHolderOne",
      "Effect": "Deny",
      "Action": "logs:*",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    }
  ]
}`,
		},
		// Acceptance test sourceList: blank sids never collide.
		"source list": {
			deps: []dependency{
				{"policy_a", `
statement {
  sid     = ""
  effect  = "Allow"
  actions = ["foo:ActionOne"]
}

statement {
  sid     = "validSidOne"
  effect  = "Allow"
  actions = ["bar:ActionOne"]
}
`},
				{"policy_b", `
statement {
  sid     = "validSidTwo"
  effect  = "Deny"
  actions = ["foo:ActionTwo"]
}
`},
				{"policy_c", `
statement {
  sid     = ""
  effect  = "Allow"
  actions = ["bar:ActionTwo"]
}
`},
			},
			src: `
version = "2012-10-17"

source_policy_documents = [
  data.aws_iam_policy_document.policy_a.json,
  data.aws_iam_policy_document.policy_b.json,
  data.aws_iam_policy_document.policy_c.json
]
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "foo:ActionOne"
    },
    {
      "Sid": "validSidOne",
      "Effect": "Allow",
      "Action": "bar:ActionOne"
    },
    {
      "Sid": "validSidTwo",
      "Effect": "Deny",
      "Action": "foo:ActionTwo"
    },
    {
      "Effect": "Allow",
      "Action": "bar:ActionTwo"
    }
  ]
}`,
		},
		// Acceptance test overrideList: a later override replaces the
		// statement in place.
		"override list": {
			deps: []dependency{
				{"policy_a", `
statement {
  sid     = ""
  effect  = "Allow"
  actions = ["foo:ActionOne"]
}

statement {
  sid     = "overrideSid"
  effect  = "Allow"
  actions = ["bar:ActionOne"]
}
`},
				{"policy_b", `
statement {
  sid     = "validSid"
  effect  = "Deny"
  actions = ["foo:ActionTwo"]
}
`},
				{"policy_c", `
statement {
  sid     = "overrideSid"
  effect  = "Deny"
  actions = ["bar:ActionOne"]
}
`},
			},
			src: `
version = "2012-10-17"

override_policy_documents = [
  data.aws_iam_policy_document.policy_a.json,
  data.aws_iam_policy_document.policy_b.json,
  data.aws_iam_policy_document.policy_c.json
]
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "foo:ActionOne"
    },
    {
      "Sid": "overrideSid",
      "Effect": "Deny",
      "Action": "bar:ActionOne"
    },
    {
      "Sid": "validSid",
      "Effect": "Deny",
      "Action": "foo:ActionTwo"
    }
  ]
}`,
		},
		// Acceptance test duplicateSid, second step: blank sids may repeat.
		"duplicate blank sids": {
			src: `
statement {
  sid       = ""
  effect    = "Allow"
  actions   = ["ec2:DescribeAccountAttributes"]
  resources = ["*"]
}

statement {
  sid       = ""
  effect    = "Allow"
  actions   = ["s3:GetObject"]
  resources = ["*"]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:DescribeAccountAttributes",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
		},
		// Acceptance test version20081017, last step.
		"version 2008-10-17": {
			src: `
version = "2008-10-17"

statement {
  actions   = ["ec2:*"]
  resources = ["*"]
}
`,
			want: `{
  "Version": "2008-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    }
  ]
}`,
		},
		// Not from the provider's examples: an empty document, and source
		// document elements kept as written (no sorting, lists of one stay
		// lists, principal lists reverse-sorted, unknown elements dropped),
		// as the provider's decoding does.
		"empty": {
			src: ``,
			want: `{
  "Version": "2012-10-17"
}`,
		},
		// Derived from the provider's code: resources are sorted before &{
		// becomes ${ (so "&" > "%" decides), principal identifiers again
		// after ("$" < "%").
		"policy variables sorted as written": {
			src: `
statement {
  resources = ["a%", "a&{x}"]

  principals {
    type        = "AWS"
    identifiers = ["a%", "a&{x}"]
  }
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Resource": [
        "a${x}",
        "a%"
      ],
      "Principal": {
        "AWS": [
          "a%",
          "a${x}"
        ]
      }
    }
  ]
}`,
		},
		// Derived from the provider's use of encoding/json: <, > and &
		// are escaped.
		"HTML characters escaped": {
			src: `
statement {
  actions   = ["s3:GetObject"]
  resources = ["arn:aws:s3:::a<b>&c"]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::a\u003cb\u003e\u0026c"
    }
  ]
}`,
		},
		// An empty string among the source or override documents is
		// skipped as the provider skips it (SDKv2 reads it as nil), as
		// with a module's default "" for an optional extra policy.
		"empty source and override documents skipped": {
			src: `
source_policy_documents   = [""]
override_policy_documents = ["", ""]

statement {
  actions   = ["s3:GetObject"]
  resources = ["*"]
}
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
		},
		"source kept as written": {
			src: `
source_policy_documents = [<<EOT
{"Version": "2012-10-17", "Extra": 1, "Statement": [{
  "Sid": "A", "Effect": "Allow", "Action": ["s3:a", "s3:b"], "Resource": ["arn:x"],
  "Principal": {"AWS": ["a", "c", "b"], "Service": "s"},
  "Condition": {"Bool": {"aws:SecureTransport": true}, "StringEquals": {"k": ["v"]}, "NumericLessThan": {"n": 1}}
}]}
EOT
]
`,
			want: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "A",
      "Effect": "Allow",
      "Action": [
        "s3:a",
        "s3:b"
      ],
      "Resource": [
        "arn:x"
      ],
      "Principal": {
        "AWS": [
          "c",
          "b",
          "a"
        ],
        "Service": "s"
      },
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true"
        },
        "StringEquals": {
          "k": "v"
        }
      }
    }
  ]
}`,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := Render(decode(t, tt.src, tt.deps))
			if diags.HasErrors() {
				t.Fatalf("Render() errors: %s", diags.Error())
			}
			if diff := cmp.Diff(tt.want, got.GetAttr("json").AsString()); diff != "" {
				t.Errorf("Render() json mismatch (-want +got):\n%s", diff)
			}
			var minified bytes.Buffer
			if err := json.Compact(&minified, []byte(tt.want)); err != nil {
				t.Fatalf("want is not JSON: %s", err)
			}
			if diff := cmp.Diff(minified.String(), got.GetAttr("minified_json").AsString()); diff != "" {
				t.Errorf("Render() minified_json mismatch (-want +got):\n%s", diff)
			}
			wantID := strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(tt.want))), 10)
			if got, want := got.GetAttr("id").AsString(), wantID; got != want {
				t.Errorf("Render() id = %s, want %s", got, want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	tests := map[string]struct {
		src  string
		want []string // summary: attribute path
	}{
		// Acceptance test duplicateSid, first step.
		"duplicate sid": {
			src: `
statement {
  sid       = "1"
  effect    = "Allow"
  actions   = ["ec2:DescribeAccountAttributes"]
  resources = ["*"]
}

statement {
  sid       = "1"
  effect    = "Allow"
  actions   = ["s3:GetObject"]
  resources = ["*"]
}
`,
			want: []string{"Duplicate statement ID: statement[1].sid"},
		},
		// Acceptance test sourceListConflicting.
		"duplicate sid across source documents": {
			src: `
version = "2012-10-17"

source_policy_documents = [
  jsonencode({Statement = [{Effect = "Allow", Action = "foo:ActionOne"}, {Sid = "conflictSid", Effect = "Allow", Action = "bar:ActionOne"}]}),
  jsonencode({Statement = [{Sid = "validSid", Effect = "Deny", Action = "foo:ActionTwo"}]}),
  jsonencode({Statement = [{Sid = "conflictSid", Effect = "Allow", Action = "bar:ActionTwo"}]}),
]
`,
			want: []string{"Duplicate statement ID in source policy documents: source_policy_documents[2]"},
		},
		// Acceptance test version20081017, first steps.
		"policy variable in 2008-10-17 condition": {
			src: `
version = "2008-10-17"

statement {
  actions   = ["*"]
  resources = ["*"]

  condition {
    test = "StringLike"
    values = [
      "home/",
      "home/&{aws:username}/",
    ]
    variable = "s3:prefix"
  }
}
`,
			want: []string{"Policy variable in a 2008-10-17 document: statement[0].condition"},
		},
		"policy variable in 2008-10-17 not_principals": {
			src: `
version = "2008-10-17"

statement {
  actions   = ["*"]
  resources = ["*"]

  not_principals {
    identifiers = ["&{aws:username}"]
    type        = "AWS"
  }
}
`,
			want: []string{"Policy variable in a 2008-10-17 document: statement[0].not_principals"},
		},
		"policy variable in 2008-10-17 resources": {
			src: `
version = "2008-10-17"

statement {
  actions   = ["*"]
  resources = ["arn:aws:s3:::foo/home/&{aws:username}", ]
}
`,
			want: []string{"Policy variable in a 2008-10-17 document: statement[0].resources"},
		},
		"invalid source JSON": {
			src:  `source_policy_documents = ["{"]`,
			want: []string{"Invalid source policy document: source_policy_documents[0]"},
		},
		"source statement not a list": {
			src:  `source_policy_documents = [jsonencode({Statement = {Effect = "Allow"}})]`,
			want: []string{"Invalid source policy document: source_policy_documents[0]"},
		},
		"invalid override JSON": {
			src:  `override_policy_documents = ["{}", "["]`,
			want: []string{"Invalid override policy document: override_policy_documents[1]"},
		},
		"invalid version and effect; a sid with a hyphen is valid": {
			src: `
version = "2020-01-01"
statement {
  sid    = "ELBRegionEu-West-1"
  effect = "allow"
}
`,
			want: []string{
				"Invalid policy version: version",
				"Invalid statement effect: statement[0].effect",
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, diags := Render(decode(t, tt.src, nil))
			var gotDiags []string
			for _, d := range diags {
				if d.Severity != hcl.DiagError || d.Subject != nil || d.Detail == "" {
					t.Errorf("diagnostic %q: severity %v, subject %v, detail %q; want an error without a subject, with a detail", d.Summary, d.Severity, d.Subject, d.Detail)
				}
				extra, ok := hcl.DiagnosticExtra[PathExtra](d)
				if !ok {
					t.Errorf("diagnostic %q has no PathExtra", d.Summary)
					continue
				}
				gotDiags = append(gotDiags, d.Summary+": "+formatPath(extra.AttributePath()))
			}
			if diff := cmp.Diff(tt.want, gotDiags); diff != "" {
				t.Errorf("Render() diagnostics mismatch (-want +got):\n%s", diff)
			}
			if got.GetAttr("json").IsKnown() {
				t.Errorf("Render() json = %#v after errors, want unknown", got.GetAttr("json"))
			}
		})
	}
}

func TestRenderUnknown(t *testing.T) {
	tests := map[string]string{
		"resource": `statement { resources = ["arn:aws:s3:::${var.unknown}"] }`,
		"principal": `
statement {
  principals {
    type        = "AWS"
    identifiers = [var.unknown]
  }
}`,
		"condition test": `
statement {
  condition {
    test     = var.unknown
    variable = "k"
    values   = ["v"]
  }
}`,
		"sid":                `statement { sid = var.unknown }`,
		"source document":    `source_policy_documents = [var.unknown]`,
		"override document":  `override_policy_documents = [var.unknown]`,
		"version":            `version = var.unknown`,
		"policy_id":          `policy_id = var.unknown`,
		"whole actions list": `statement { actions = var.unknown == "" ? ["a"] : ["b", "c"] }`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			config := decode(t, src, nil)
			got, diags := Render(config)
			if diags.HasErrors() {
				t.Fatalf("Render() errors: %s", diags.Error())
			}
			for _, attr := range []string{"json", "minified_json", "id"} {
				if v := got.GetAttr(attr); v.IsKnown() || !v.Type().Equals(cty.String) {
					t.Errorf("Render() %s = %#v, want an unknown string", attr, v)
				}
			}
			// The arguments are returned as configured.
			for name, v := range config.AsValueMap() {
				if computedAttrs[name] {
					continue
				}
				if !got.GetAttr(name).RawEquals(v) {
					t.Errorf("Render() %s = %#v, want %#v", name, got.GetAttr(name), v)
				}
			}
		})
	}
}

func TestRenderUnknownStillValidates(t *testing.T) {
	_, diags := Render(decode(t, `
statement {
  effect    = "Permit"
  resources = [var.unknown]
}
`, nil))
	if got, want := len(diags), 1; got != want || diags[0].Summary != "Invalid statement effect" {
		t.Errorf("Render() diagnostics = %v, want one Invalid statement effect", diags)
	}
}

func TestRenderDefaultsAndMarks(t *testing.T) {
	config := decode(t, `
statement {
  actions   = ["s3:GetObject"]
  resources = ["arn:aws:s3:::secret"]
}
`, nil)
	resources := cty.GetAttrPath("statement").IndexInt(0).GetAttr("resources")
	marked, err := cty.Transform(config, func(p cty.Path, v cty.Value) (cty.Value, error) {
		if p.Equals(resources) {
			return v.Mark("sensitive"), nil
		}
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, diags := Render(marked)
	if diags.HasErrors() {
		t.Fatalf("Render() errors: %s", diags.Error())
	}
	_, pvm := got.UnmarkDeepWithPaths()
	if len(pvm) != 1 || !pvm[0].Path.Equals(resources) {
		t.Errorf("Render() marks = %#v, want the configured mark on %#v only", pvm, resources)
	}
	got, _ = got.UnmarkDeep()
	if v := got.GetAttr("version"); !v.RawEquals(cty.StringVal(DefaultVersion)) {
		t.Errorf("Render() version = %#v, want %q", v, DefaultVersion)
	}
	st := got.GetAttr("statement").Index(cty.NumberIntVal(0))
	if v := st.GetAttr("effect"); !v.RawEquals(cty.StringVal(DefaultEffect)) {
		t.Errorf("Render() statement[0].effect = %#v, want %q", v, DefaultEffect)
	}
	if !got.GetAttr("json").IsKnown() {
		t.Errorf("Render() json unknown, want known")
	}
}

// formatPath writes a path as Terraform does: statement[0].sid.
func formatPath(p cty.Path) string {
	var b bytes.Buffer
	for _, step := range p {
		switch s := step.(type) {
		case cty.GetAttrStep:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		case cty.IndexStep:
			i, _ := s.Key.AsBigFloat().Int64()
			b.WriteString("[" + strconv.FormatInt(i, 10) + "]")
		}
	}
	return b.String()
}
