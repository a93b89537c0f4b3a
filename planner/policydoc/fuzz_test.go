package policydoc

import "testing"

// FuzzParse parses any text as a policy document: an error or a document,
// never a panic; and what parses, GrantsAny and MayAllowAny can read.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`,
		`{"Statement":{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:root"]},"NotAction":["s3:*"],"NotResource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}}`,
		`{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["s3:Get*","s3:List*"],"Resource":["*"],"Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":["o-1/*"]},"Bool":{"aws:SecureTransport":"true"}}}]}`,
		`this is not json`, `[]`, `null`, `{"Statement":null}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Parse(s)
		if err != nil || doc == nil {
			return
		}
		docs := []*Document{doc}
		p := &RequestPrincipal{Type: "AWS", ID: "arn:aws:iam::111122223333:role/r", Account: "111122223333"}
		_ = GrantsAny(docs, Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Principal: p})
		_ = GrantsAny(docs, Request{})
		_ = MayAllowAny(docs, Scope{ActionPrefix: "s3:", Resource: "arn:aws:s3:::b", Principal: p})
		_ = MayAllowAny(docs, Scope{})
	})
}
