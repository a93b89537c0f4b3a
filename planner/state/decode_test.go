package state

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fullState uses every field of the layout, with escapes, nulls inside
// raw values, and numbers and strings as index keys.
const fullState = `{
  "version": 4,
  "terraform_version": "1.9.0",
  "serial": 7,
  "lineage": "3f1c2a9e-0000-4000-8000-000000000001",
  "outputs": {
    "vpc_id": {"value": "vpc-1", "type": "string"},
    "secret": {"value": {"a": [1, 2]}, "type": ["object", {"a": ["list", "number"]}], "sensitive": true}
  },
  "resources": [
    {
      "module": "module.net",
      "mode": "managed",
      "type": "aws_vpc",
      "name": "main",
      "each": "map",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [
        {
          "index_key": "a\u00e9",
          "status": "tainted",
          "schema_version": 1,
          "attributes": {"id": "vpc-1", "tags": null, "cidr": "10.0.0.0/16", "n": 1.5e3},
          "sensitive_attributes": [[{"type": "get_attr", "value": "tags"}]],
          "identity_schema_version": 0,
          "identity": {"id": "vpc-1"},
          "private": "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==",
          "dependencies": ["aws_s3_bucket.b", "data.aws_region.here"],
          "create_before_destroy": true
        },
        {
          "index_key": 3,
          "deposed": "00000001",
          "schema_version": 0,
          "attributes_flat": {"id": "x", "tags.%": "0"}
        }
      ]
    },
    {"mode": "data", "type": "aws_region", "name": "here", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": []}
  ],
  "check_results": [{"object_kind": "resource"}]
}`

func TestDecodeFastMatchesEncodingJSON(t *testing.T) {
	got, err := decodeFast([]byte(fullState))
	if err != nil {
		t.Fatal(err)
	}
	var want State
	if err := json.Unmarshal([]byte(fullState), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&want, got); diff != "" {
		t.Errorf("decodeFast differs from encoding/json (-want +got):\n%s", diff)
	}
}

// TestDecodeFastDefers checks that layouts the fast decoder does not
// expect go to encoding/json rather than being misread, and that Decode
// still reads them.
func TestDecodeFastDefers(t *testing.T) {
	tests := map[string]string{
		"cased key":   `{"Version": 4, "lineage": "l", "resources": []}`,
		"unknown key": `{"version": 4, "lineage": "l", "resources": [], "extra": {"x": 1}}`,
		"null field":  `{"version": 4, "terraform_version": null, "lineage": "l", "resources": []}`,
		"bad outputs": `{"version": 4, "lineage": "l", "outputs": {"o": {"sensitive": "yes"}}, "resources": []}`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			_, fastErr := decodeFast([]byte(src))
			if fastErr == nil {
				t.Fatal("decodeFast accepted it")
			}
			var want State
			jsonErr := json.Unmarshal([]byte(src), &want)
			s, err := Decode([]byte(src))
			switch {
			case jsonErr != nil && err == nil:
				t.Errorf("Decode accepted what encoding/json rejects (%v)", jsonErr)
			case jsonErr == nil && err != nil:
				t.Errorf("Decode: %v", err)
			case err == nil && s.Lineage != "l":
				t.Errorf("lineage = %q", s.Lineage)
			}
		})
	}
	if _, err := decodeFast([]byte(`{"version": 4, "x": 1}`)); !errors.Is(err, errUnusual) {
		t.Errorf("unknown key: got %v, want errUnusual", err)
	}
}

// TestDecodeFastNulls checks that nulls the fast decoder cannot place
// defer to encoding/json instead of being misread.
func TestDecodeFastNulls(t *testing.T) {
	for _, src := range []string{
		`{"version": 4, "lineage": "l", "resources": null}`,
		`{"version": 4, "lineage": "l", "resources": [{"mode": "managed", "instances": null}]}`,
	} {
		if _, err := decodeFast([]byte(src)); err == nil {
			t.Errorf("decodeFast accepted %s", src)
		}
		if _, err := Decode([]byte(src)); err != nil {
			t.Errorf("Decode(%s): %v", src, err)
		}
	}
}
