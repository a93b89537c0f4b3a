package policydoc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Principals used across the tests.
var (
	replicationRole = &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111111111111:role/replication", Account: "111111111111"}
	// sameAccountRole has no Account, so the account comes from its ARN.
	sameAccountRole  = &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111111111111:role/other"}
	otherAccountRole = &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::222222222222:role/replication", Account: "222222222222"}
	accountRoot      = &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111111111111:root"}
	s3Service        = &RequestPrincipal{Type: "Service", ID: "s3.amazonaws.com"}
	lambdaService    = &RequestPrincipal{Type: "Service", ID: "lambda.amazonaws.com"}
)

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", src, err)
	}
	return d
}

func TestDecisionString(t *testing.T) {
	tests := map[Decision]string{
		NotAllowed:          "not allowed",
		Allowed:             "allowed",
		AllowedIfConditions: "allowed under conditions",
		Denied:              "denied",
		Decision(9):         "Decision(9)",
	}
	for d, want := range tests {
		if got := d.String(); got != want {
			t.Errorf("Decision(%d).String() = %q, want %q", int(d), got, want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	tests := map[string]struct {
		doc  string
		req  Request
		want Decision
	}{
		// Action and NotAction.
		"action exact": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"action other": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`,
			req:  Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"action request in other case matches a lowercase wildcard": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:get*", "Resource": "*"}}`,
			req:  Request{Action: "S3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"action policy in upper case": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "S3:GETOBJECT", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"action star alone": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}`,
			req:  Request{Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111111111111:key/k"},
			want: Allowed,
		},
		"action star in the middle": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*Object", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"action question mark is one character": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:Get?bject", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"action question mark is not zero characters": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject?", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"action question mark is not two characters": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObjec?", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObjectAcl", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"action s3 wildcard does not cover s3-object-lambda": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3-object-lambda:WriteGetObjectResponse"},
			want: NotAllowed,
		},
		"action in a list": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:ReplicateDelete"], "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateDelete", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"NotAction allows what it does not name": {
			doc:  `{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"NotAction does not allow what it names": {
			doc:  `{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}`,
			req:  Request{Action: "iam:PassRole", Resource: "arn:aws:iam::111111111111:role/r"},
			want: NotAllowed,
		},
		"NotAction case-insensitive": {
			doc:  `{"Statement": {"Effect": "Allow", "NotAction": "S3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"Deny with NotAction denies what it does not name": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "*", "Resource": "*"},
				{"Effect": "Deny", "NotAction": ["s3:Get*", "s3:List*"], "Resource": "*"}]}`,
			req:  Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::b/k"},
			want: Denied,
		},
		"Deny with NotAction spares what it names": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "*", "Resource": "*"},
				{"Effect": "Deny", "NotAction": ["s3:Get*", "s3:List*"], "Resource": "*"}]}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::b"},
			want: Allowed,
		},
		"statement without Action or NotAction matches nothing": {
			doc:  `{"Statement": {"Effect": "Allow", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"empty Action list matches nothing": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},

		// Resource and NotResource.
		"resource exact": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::dest"}}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::dest"},
			want: Allowed,
		},
		"resource other bucket": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::dest"}}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::destination"},
			want: NotAllowed,
		},
		"resource star crosses slashes": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::dest/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::dest/a/b/c.txt"},
			want: Allowed,
		},
		"resource objects do not cover the bucket": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::dest/*"}}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::dest"},
			want: NotAllowed,
		},
		"resource star crosses colons": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:us-east-1:111111111111:accesspoint/ap/object/k"},
			want: Allowed,
		},
		"resource star in region and account segments": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:*:*:accesspoint/ap/object/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:us-east-1:111111111111:accesspoint/ap/object/k"},
			want: Allowed,
		},
		"resource question mark matches a colon": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3?::dest"}}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::dest"},
			want: Allowed,
		},
		"resource question mark is exactly one character": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::de?t"}}`,
			req:  Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::dt"},
			want: NotAllowed,
		},
		"resource is case-sensitive": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::Dest/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::dest/k"},
			want: NotAllowed,
		},
		"resource star alone": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3::111111111111:accesspoint/abc.mrap"},
			want: Allowed,
		},
		"NotResource allows what it does not name": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::dest/k"},
			want: Allowed,
		},
		"NotResource does not allow what it names": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::secret/k"},
			want: NotAllowed,
		},
		"Deny with NotResource denies everything else": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::dest", "arn:aws:s3:::dest/*"]}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::other/k"},
			want: Denied,
		},
		"Deny with NotResource spares what it names": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::dest", "arn:aws:s3:::dest/*"]}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::dest/k"},
			want: Allowed,
		},
		"empty request resource skips Resource": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::other"}}`,
			req:  Request{Action: "s3:GetObject"},
			want: Allowed,
		},
		"empty request resource skips NotResource": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "*"}}`,
			req:  Request{Action: "s3:GetObject"},
			want: Allowed,
		},
		"statement without Resource applies to the policy's own resource": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Resource: "arn:aws:iam::111111111111:role/replication", Principal: s3Service},
			want: Allowed,
		},

		// Principal and NotPrincipal.
		"principal star matches an AWS principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: otherAccountRole},
			want: Allowed,
		},
		"principal star matches a service": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: s3Service},
			want: Allowed,
		},
		"AWS star matches an AWS principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: otherAccountRole},
			want: Allowed,
		},
		"AWS star does not match a service": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: s3Service},
			want: NotAllowed,
		},
		"account ID matches a role of the account by Account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: replicationRole},
			want: Allowed,
		},
		"account ID matches a role of the account by its ARN": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: sameAccountRole},
			want: Allowed,
		},
		"account ID does not match another account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: otherAccountRole},
			want: NotAllowed,
		},
		"account ID matches a bare account ID principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: &RequestPrincipal{Type: "AWS", ID: "111111111111"}},
			want: Allowed,
		},
		"Account wins over the ARN's account": {
			doc: `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}}`,
			req: Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k",
				Principal: &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111111111111:role/r", Account: "333333333333"}},
			want: NotAllowed,
		},
		"root ARN matches a role of the account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: sameAccountRole},
			want: Allowed,
		},
		"root ARN matches the root": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: accountRoot},
			want: Allowed,
		},
		"root ARN does not match another account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: otherAccountRole},
			want: NotAllowed,
		},
		"root ARN in another partition": {
			doc: `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws-cn:iam::111111111111:root"}, "Action": "s3:*", "Resource": "*"}}`,
			req: Request{Action: "s3:ReplicateObject", Resource: "arn:aws-cn:s3:::dest/k",
				Principal: &RequestPrincipal{Type: "AWS", ID: "arn:aws-cn:iam::111111111111:role/r"}},
			want: Allowed,
		},
		"role ARN matches the role": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: replicationRole},
			want: Allowed,
		},
		"role ARN does not match another role of the account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: sameAccountRole},
			want: NotAllowed,
		},
		"role ARN does not match the account root": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: accountRoot},
			want: NotAllowed,
		},
		"role ARN does not match the same name in another account": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k", Principal: otherAccountRole},
			want: NotAllowed,
		},
		"service matches the service": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Principal: s3Service},
			want: Allowed,
		},
		"service in a list": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com", "s3.amazonaws.com"]}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Principal: s3Service},
			want: Allowed,
		},
		"service does not match another service": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Principal: s3Service},
			want: NotAllowed,
		},
		"service does not match an AWS principal with that ID": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Principal: &RequestPrincipal{Type: "AWS", ID: "s3.amazonaws.com"}},
			want: NotAllowed,
		},
		"AWS principal does not match a service": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}}`,
			req:  Request{Action: "sts:AssumeRole", Principal: s3Service},
			want: NotAllowed,
		},
		"Deny with NotPrincipal denies others": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: sameAccountRole},
			want: Denied,
		},
		"Deny with NotPrincipal spares the principal it names": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:role/replication"}, "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: replicationRole},
			want: Allowed,
		},
		"Deny with NotPrincipal naming the account spares its roles": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "NotPrincipal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: sameAccountRole},
			want: Allowed,
		},
		"Deny with NotPrincipal naming an account denies services": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "NotPrincipal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: s3Service},
			want: Denied,
		},
		"statement without Principal does not match a principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: replicationRole},
			want: NotAllowed,
		},
		"Deny without Principal does not deny a principal": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: replicationRole},
			want: Allowed,
		},
		"no request principal skips Principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"no request principal skips NotPrincipal": {
			doc:  `{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "222222222222"}, "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Denied,
		},
		"identity policy without Principal and no request principal": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},

		// Effect, explicit deny, conditions.
		"effect in lower case never matches": {
			doc:  `{"Statement": {"Effect": "allow", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"deny in upper case never denies": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "DENY", "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"explicit deny after the allow wins": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:ReplicateDelete", "Resource": "*"}]}`,
			req:  Request{Action: "s3:ReplicateDelete", Resource: "arn:aws:s3:::dest/k"},
			want: Denied,
		},
		"explicit deny before the allow wins": {
			doc: `{"Statement": [
				{"Effect": "Deny", "Action": "s3:ReplicateDelete", "Resource": "*"},
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`,
			req:  Request{Action: "s3:ReplicateDelete", Resource: "arn:aws:s3:::dest/k"},
			want: Denied,
		},
		"deny alone is denied": {
			doc:  `{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Denied,
		},
		"deny of another action leaves the allow": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:ReplicateDelete", "Resource": "*"}]}`,
			req:  Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k"},
			want: Allowed,
		},
		"conditioned deny never denies": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"conditioned deny alone is not allowed": {
			doc:  `{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},
		"conditioned allow": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: AllowedIfConditions,
		},
		"empty Condition element is no condition": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {}}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"unconditioned allow beats a conditioned allow": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},
				{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Allowed,
		},
		"unconditioned deny beats a conditioned allow": {
			doc: `{"Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},
				{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: Denied,
		},
		"no statements": {
			doc:  `{"Version": "2012-10-17"}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			want: NotAllowed,
		},

		// Policy variables.
		"variable in Resource is a condition": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/bob/k"},
			want: AllowedIfConditions,
		},
		"variable in Resource still needs the rest to match": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::work/bob/k"},
			want: NotAllowed,
		},
		"plain pattern beats a variable pattern": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/*"]}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/bob/k"},
			want: Allowed,
		},
		"variable in a Deny never denies": {
			doc: `{"Version": "2012-10-17", "Statement": [
				{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/bob/k"},
			want: Allowed,
		},
		"variable in NotResource is a condition": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/bob/k"},
			want: AllowedIfConditions,
		},
		"variable in NotResource that cannot match": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::work/bob/k"},
			want: Allowed,
		},
		"escaped star is literal": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/a${*}b"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/a*b"},
			want: Allowed,
		},
		"escaped star is not a wildcard": {
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/a${*}b"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/axb"},
			want: NotAllowed,
		},
		"variables are literal text before version 2012-10-17": {
			doc:  `{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/bob/k"},
			want: NotAllowed,
		},
		"variables are literal text without a version": {
			doc:  `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}`,
			req:  Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${aws:username}/k"},
			want: Allowed,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := mustParse(t, tt.doc).Evaluate(tt.req)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Evaluate(%+v) mismatch (-want +got):\n%s", tt.req, diff)
			}
		})
	}
}

func TestEvaluateNilDocument(t *testing.T) {
	var d *Document
	if got := d.Evaluate(Request{Action: "s3:GetObject"}); got != NotAllowed {
		t.Errorf("nil Document: got %v, want %v", got, NotAllowed)
	}
}

// replicationRolePolicy is the permission policy AWS documents for a replication role: read the
// configuration and object versions of the source, replicate into the destination.
const replicationRolePolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::source"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
      "Resource": ["arn:aws:s3:::source/*"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
      "Resource": "arn:aws:s3:::dest/*"
    }
  ]
}`

// replicationRequests are the accesses a replication role needs from source to dest.
var replicationRequests = []Request{
	{Action: "s3:GetReplicationConfiguration", Resource: "arn:aws:s3:::source"},
	{Action: "s3:ListBucket", Resource: "arn:aws:s3:::source"},
	{Action: "s3:GetObjectVersionForReplication", Resource: "arn:aws:s3:::source/*"},
	{Action: "s3:GetObjectVersionAcl", Resource: "arn:aws:s3:::source/*"},
	{Action: "s3:GetObjectVersionTagging", Resource: "arn:aws:s3:::source/*"},
	{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/*"},
	{Action: "s3:ReplicateDelete", Resource: "arn:aws:s3:::dest/*"},
	{Action: "s3:ReplicateTags", Resource: "arn:aws:s3:::dest/*"},
}

func TestEvaluateReplicationRole(t *testing.T) {
	tests := map[string]struct {
		docs []string
		want []Decision // one per replicationRequests entry
	}{
		"documented policy grants everything": {
			docs: []string{replicationRolePolicy},
			want: []Decision{Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed},
		},
		"policy without ReplicateTags and ListBucket": {
			docs: []string{`{"Version": "2012-10-17", "Statement": [
				{"Effect": "Allow", "Action": "s3:GetReplicationConfiguration", "Resource": "arn:aws:s3:::source"},
				{"Effect": "Allow", "Action": "s3:GetObjectVersion*", "Resource": "arn:aws:s3:::source/*"},
				{"Effect": "Allow", "Action": ["s3:ReplicateObject", "s3:ReplicateDelete"], "Resource": "arn:aws:s3:::dest/*"}]}`},
			want: []Decision{Allowed, NotAllowed, Allowed, Allowed, Allowed, Allowed, Allowed, NotAllowed},
		},
		"permissions on the wrong buckets": {
			docs: []string{`{"Version": "2012-10-17", "Statement": [
				{"Effect": "Allow", "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersion*"], "Resource": "arn:aws:s3:::dest/*"},
				{"Effect": "Allow", "Action": "s3:Replicate*", "Resource": "arn:aws:s3:::source/*"}]}`},
			want: []Decision{NotAllowed, NotAllowed, NotAllowed, NotAllowed, NotAllowed, NotAllowed, NotAllowed, NotAllowed},
		},
		"a deny of ReplicateDelete": {
			docs: []string{replicationRolePolicy, `{"Version": "2012-10-17", "Statement":
				{"Effect": "Deny", "Action": "s3:ReplicateDelete", "Resource": "*"}}`},
			want: []Decision{Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Denied, Allowed},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var docs []*Document
			for _, src := range tt.docs {
				docs = append(docs, mustParse(t, src))
			}
			var got []Decision
			for _, req := range replicationRequests {
				// The combined decision of several identity policies.
				dec := NotAllowed
				for _, d := range docs {
					switch e := d.Evaluate(req); {
					case e == Denied:
						dec = Denied
					case e == Allowed && dec != Denied:
						dec = Allowed
					}
				}
				got = append(got, dec)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("decisions for %v mismatch (-want +got):\n%s", replicationRequests, diff)
			}
		})
	}
}

func TestEvaluateReplicationTrust(t *testing.T) {
	trust := mustParse(t, `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Service": "s3.amazonaws.com"},
    "Action": "sts:AssumeRole"
  }]
}`)
	tests := map[string]struct {
		req  Request
		want Decision
	}{
		"s3 assumes the role":           {Request{Action: "sts:AssumeRole", Principal: s3Service}, Allowed},
		"lambda does not":               {Request{Action: "sts:AssumeRole", Principal: lambdaService}, NotAllowed},
		"a role of the account neither": {Request{Action: "sts:AssumeRole", Principal: sameAccountRole}, NotAllowed},
		"s3 cannot tag the session":     {Request{Action: "sts:TagSession", Principal: s3Service}, NotAllowed},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, trust.Evaluate(tt.req)); diff != "" {
				t.Errorf("Evaluate(%+v) mismatch (-want +got):\n%s", tt.req, diff)
			}
		})
	}
}

func TestEvaluateCrossAccountDestinationPolicy(t *testing.T) {
	// The destination bucket belongs to 222222222222; the replication role to 111111111111.
	policy := mustParse(t, `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Replicate",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"},
      "Action": "s3:ReplicateObject",
      "Resource": "arn:aws:s3:::dest/*"
    },
    {
      "Sid": "Versioning",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111111111111:role/replication"},
      "Action": ["s3:List*", "s3:GetBucketVersioning", "s3:PutBucketVersioning"],
      "Resource": "arn:aws:s3:::dest"
    }
  ]
}`)
	tests := map[string]struct {
		req  Request
		want Decision
	}{
		"ReplicateObject by the role": {
			Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/*", Principal: replicationRole}, Allowed,
		},
		"ReplicateObject on one key": {
			Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/logs/2024/01.gz", Principal: replicationRole}, Allowed,
		},
		"ReplicateDelete is not granted": {
			Request{Action: "s3:ReplicateDelete", Resource: "arn:aws:s3:::dest/*", Principal: replicationRole}, NotAllowed,
		},
		"another role of the source account": {
			Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/*", Principal: sameAccountRole}, NotAllowed,
		},
		"the same role name in another account": {
			Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/*", Principal: otherAccountRole}, NotAllowed,
		},
		"another destination bucket": {
			Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest2/*", Principal: replicationRole}, NotAllowed,
		},
		"versioning on the bucket": {
			Request{Action: "s3:GetBucketVersioning", Resource: "arn:aws:s3:::dest", Principal: replicationRole}, Allowed,
		},
		"ListBucket through s3:List*": {
			Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::dest", Principal: replicationRole}, Allowed,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, policy.Evaluate(tt.req)); diff != "" {
				t.Errorf("Evaluate(%+v) mismatch (-want +got):\n%s", tt.req, diff)
			}
		})
	}
}

func TestEvaluateAccessPointDelegation(t *testing.T) {
	// The bucket policy AWS recommends to delegate access control to the access points of the
	// bucket owner's account.
	policy := mustParse(t, `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": {"AWS": "*"},
    "Action": "*",
    "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"],
    "Condition": {"StringEquals": {"s3:DataAccessPointAccount": "111111111111"}}
  }
}`)
	star := mustParse(t, `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": "*",
    "Action": "*",
    "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"],
    "Condition": {"StringEquals": {"s3:DataAccessPointAccount": "111111111111"}}
  }
}`)
	tests := map[string]struct {
		doc  *Document
		req  Request
		want Decision
	}{
		"object read by another account": {
			policy, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/k", Principal: otherAccountRole}, AllowedIfConditions,
		},
		"bucket listing": {
			policy, Request{Action: "s3:ListBucket", Resource: "arn:aws:s3:::bucket", Principal: replicationRole}, AllowedIfConditions,
		},
		"another bucket": {
			policy, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::other/k", Principal: replicationRole}, NotAllowed,
		},
		"Principal star": {
			star, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/k", Principal: otherAccountRole}, AllowedIfConditions,
		},
		"Principal star and a service": {
			star, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/k", Principal: s3Service}, AllowedIfConditions,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.doc.Evaluate(tt.req)); diff != "" {
				t.Errorf("Evaluate(%+v) mismatch (-want +got):\n%s", tt.req, diff)
			}
		})
	}
}

func TestGrants(t *testing.T) {
	req := Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}
	tests := map[string]struct {
		doc  string
		want bool
	}{
		"allowed": {
			`{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`, true,
		},
		"allowed under conditions": {
			`{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}}`, true,
		},
		"not allowed": {
			`{"Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}`, false,
		},
		"denied": {
			`{"Statement": [
				{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
				{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}`, false,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := mustParse(t, tt.doc).Grants(req); got != tt.want {
				t.Errorf("Grants(%+v) = %v, want %v", req, got, tt.want)
			}
		})
	}
}

func TestGrantsAny(t *testing.T) {
	const (
		allow       = `{"Statement": {"Effect": "Allow", "Action": "s3:ReplicateObject", "Resource": "arn:aws:s3:::dest/*"}}`
		allowIf     = `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111111111111"}}}}`
		other       = `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`
		deny        = `{"Statement": {"Effect": "Deny", "Action": "s3:Replicate*", "Resource": "*"}}`
		conditioned = `{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}`
	)
	req := Request{Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::dest/k"}
	tests := map[string]struct {
		docs []string
		want bool
	}{
		"none":                                   {nil, false},
		"one that grants":                        {[]string{allow}, true},
		"one that grants among others":           {[]string{other, allow}, true},
		"one that grants under conditions":       {[]string{other, allowIf}, true},
		"none that grants":                       {[]string{other}, false},
		"a deny in another document wins":        {[]string{allow, deny}, false},
		"a deny before the grant wins":           {[]string{deny, allow}, false},
		"a conditioned deny in another document": {[]string{allow, conditioned}, true},
		"a deny alone":                           {[]string{deny}, false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var docs []*Document
			for _, src := range tt.docs {
				docs = append(docs, mustParse(t, src))
			}
			if got := GrantsAny(docs, req); got != tt.want {
				t.Errorf("GrantsAny(%d documents, %+v) = %v, want %v", len(docs), req, got, tt.want)
			}
		})
	}
	t.Run("nil documents are skipped", func(t *testing.T) {
		docs := []*Document{nil, mustParse(t, allow), nil}
		if got := GrantsAny(docs, req); !got {
			t.Errorf("GrantsAny with nil documents = %v, want true", got)
		}
	})
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"", "a", false},
		{"*", "", true},
		{"*", "arn:aws:s3:::b/k", true},
		{"a*", "a", true},
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "aXbY", false},
		{"a**c", "abc", true},
		{"*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
		{"??", "ab", true},
		{"??", "a", false},
		{"?", "é", true},
		{"arn:aws:s3:::b/*/x", "arn:aws:s3:::b/1/2/x", true},
		{"arn:aws:s3:::b/*/x", "arn:aws:s3:::b/x", false},
	}
	for _, tt := range tests {
		toks, _ := compilePattern(tt.pattern, false)
		if got := globMatch(toks, []rune(tt.s)); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
