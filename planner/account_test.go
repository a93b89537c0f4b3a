package planner_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/planner"
)

func TestAssumedAccount(t *testing.T) {
	a := planner.AssumedAccount("11111111-2222-3333-4444-555555555555")
	if !regexp.MustCompile(`^[0-9]{12}$`).MatchString(a) {
		t.Errorf("AssumedAccount = %q, want 12 digits", a)
	}
	if b := planner.AssumedAccount("11111111-2222-3333-4444-555555555555"); b != a {
		t.Errorf("AssumedAccount is not deterministic: %q, then %q", a, b)
	}
	if b := planner.AssumedAccount("11111111-2222-3333-4444-555555555556"); b == a {
		t.Errorf("two lineages share the account %q", a)
	}
}

// Without allowed_account_ids or assume_role, apply writes the state's
// assumed account into ids and ARNs: none is malformed.
func TestApplyAssumedAccountInARNs(t *testing.T) {
	h := newHarness(t)
	h.write(`
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_s3_access_point" "ap" {
  bucket = "example-bucket"
  name   = "ap"
}
`)
	h.apply(h.plan(false))
	st, _ := h.store.Load()
	account := planner.AssumedAccount(st.Lineage)
	var attrs string
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			var b bytes.Buffer
			if err := json.Compact(&b, inst.Attributes); err != nil {
				t.Fatal(err)
			}
			attrs += b.String()
		}
	}
	for _, want := range []string{
		`"arn":"arn:aws:ec2:eu-west-1:` + account + `:vpc/vpc-`,
		`"arn":"arn:aws:s3:eu-west-1:` + account + `:accesspoint/ap"`,
		`"id":"` + account + `:ap"`,
	} {
		if !strings.Contains(attrs, want) {
			t.Errorf("state has no %s:\n%s", want, attrs)
		}
	}
	if strings.Contains(attrs, "::vpc/") || strings.Contains(attrs, `"id":":`) {
		t.Errorf("state holds an id or ARN without an account:\n%s", attrs)
	}
	if p := h.plan(false); p.HasChanges() {
		t.Errorf("the plan after apply has changes")
	}
}
