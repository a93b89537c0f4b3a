package main

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func TestJSONTextTyped(t *testing.T) {
	raw := json.RawMessage(`{"env": "prod", "tags": {"Name": "x", "not-ident": "y"}, "list": [{"a": 1}]}`)
	ty := cty.Object(map[string]cty.Type{
		"env":  cty.String,
		"tags": cty.Map(cty.String),
		"list": cty.List(cty.Object(map[string]cty.Type{"a": cty.Number})),
	})
	want := `{
    env  = "prod"
    list = [
        {
            a = 1
        },
    ]
    tags = {
        "Name"      = "x"
        "not-ident" = "y"
    }
}`
	if diff := cmp.Diff(want, jsonText(raw, ty)); diff != "" {
		t.Errorf("typed (-want +got):\n%s", diff)
	}
	wantUntyped := `{
    "env"  = "prod"
    "list" = [
        {
            "a" = 1
        },
    ]
    "tags" = {
        "Name"      = "x"
        "not-ident" = "y"
    }
}`
	if diff := cmp.Diff(wantUntyped, jsonText(raw, cty.NilType)); diff != "" {
		t.Errorf("untyped (-want +got):\n%s", diff)
	}
}
