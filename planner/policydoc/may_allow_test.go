package policydoc

import "testing"

func TestMayAllow(t *testing.T) {
	const (
		bucket = "arn:aws:s3:::dst"
		ap     = "arn:aws:s3:eu-west-1:111111111111:accesspoint/reports"
	)
	apAccount := &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111111111111:root", Account: "111111111111"}
	tests := map[string]struct {
		doc   string
		scope Scope
		want  bool
	}{
		"allow all": {
			doc:   `{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"objects under a prefix count for the bucket": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::dst/reports/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"another bucket with a longer name": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::dst-logs/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  false,
		},
		"wildcard bucket name": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::d?t*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"action of another service": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3-object-lambda:*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  false,
		},
		"action pattern case-insensitive": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "S3:Get*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"action with a star before the colon": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s*:List*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"NotAction covering the service": {
			doc:   `{"Statement": {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  false,
		},
		"NotAction leaving some actions": {
			doc:   `{"Statement": {"Effect": "Allow", "NotAction": "s3:Delete*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"NotResource covering the bucket and its objects": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::dst*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  false,
		},
		"NotResource covering only the objects": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::dst/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"deny is ignored": {
			doc:   `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}]}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"condition taken to hold": {
			doc:   `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*", "Resource": ["arn:aws:s3:::dst", "arn:aws:s3:::dst/*"], "Condition": {"StringEquals": {"s3:DataAccessPointAccount": "111111111111"}}}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket, Principal: apAccount},
			want:  true,
		},
		"policy variable taken to match": {
			doc:   `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws:PrincipalTag/bucket}/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
		"access point objects": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:eu-west-1:111111111111:accesspoint/reports/object/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: ap},
			want:  true,
		},
		"another access point": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:eu-west-1:111111111111:accesspoint/other/object/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: ap},
			want:  false,
		},
		"principal: another account": {
			doc:   `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222222222222:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::dst/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket, Principal: apAccount},
			want:  false,
		},
		"principal: the account": {
			doc:   `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:*", "Resource": "arn:aws:s3:::dst/*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket, Principal: apAccount},
			want:  true,
		},
		"principal asked, statement has none": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket, Principal: apAccount},
			want:  false,
		},
		"no action element": {
			doc:   `{"Statement": {"Effect": "Allow", "Resource": "*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  false,
		},
		"no resource element": {
			doc:   `{"Statement": {"Effect": "Allow", "Action": "s3:*"}}`,
			scope: Scope{ActionPrefix: "s3:", Resource: bucket},
			want:  true,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			d := mustParse(t, tt.doc)
			if got := d.MayAllow(tt.scope); got != tt.want {
				t.Errorf("MayAllow(%+v) = %v, want %v", tt.scope, got, tt.want)
			}
			if got := MayAllowAny([]*Document{nil, d}, tt.scope); got != tt.want {
				t.Errorf("MayAllowAny = %v, want %v", got, tt.want)
			}
		})
	}
	var nilDoc *Document
	if nilDoc.MayAllow(Scope{ActionPrefix: "s3:"}) {
		t.Error("a nil document allows something")
	}
}

func TestPrefixStates(t *testing.T) {
	tests := []struct {
		pattern, prefix string
		match, cover    bool
	}{
		{"abc", "ab", true, false},
		{"abc", "abd", false, false},
		{"a*", "abc", true, true},
		{"a*c", "abx", true, false},
		{"a?", "ab", true, false},
		{"a?*", "ab", true, true},
		{"*", "", true, true},
		{"", "a", false, false},
		{"**x", "yyy", true, false},
	}
	for _, tt := range tests {
		toks, _ := compilePattern(tt.pattern, false)
		if got := len(prefixStates(toks, tt.prefix)) > 0; got != tt.match {
			t.Errorf("prefixStates(%q, %q) non-empty = %v, want %v", tt.pattern, tt.prefix, got, tt.match)
		}
		if got := covers(toks, tt.prefix); got != tt.cover {
			t.Errorf("covers(%q, %q) = %v, want %v", tt.pattern, tt.prefix, got, tt.cover)
		}
	}
}
