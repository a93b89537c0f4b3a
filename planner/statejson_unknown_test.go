package planner

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// TestDecodeResourceAttributesOtherProviderVersions checks that an
// instance written by another version of the provider decodes: attributes
// the schema does not know are skipped, and missing ones are null.
func TestDecodeResourceAttributesOtherProviderVersions(t *testing.T) {
	sch := schema.NewCatalog().Lookup(schema.ManagedMode, schema.TypeVPC)
	ty := sch.Block.ImpliedType()
	v, top, err := decodeResourceAttributes([]byte(`{"id": "vpc-1", "cidr_block": "10.0.0.0/16", "future_flag": true, "future_block": [{"a": 1}]}`), sch, ty)
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	if got := v.GetAttr("id"); !got.RawEquals(cty.StringVal("vpc-1")) {
		t.Errorf("id = %#v, want \"vpc-1\"", got)
	}
	if got := v.GetAttr("owner_id"); !got.RawEquals(cty.NullVal(cty.String)) {
		t.Errorf("owner_id (missing) = %#v, want null", got)
	}
	if len(top) != len(sch.TopLevelNames()) {
		t.Errorf("got %d top-level fields, want %d", len(top), len(sch.TopLevelNames()))
	}
}

func TestUnknownAttributes(t *testing.T) {
	ty := cty.Object(map[string]cty.Type{
		"id":   cty.String,
		"tags": cty.Map(cty.String),
		"rule": cty.List(cty.Object(map[string]cty.Type{"port": cty.Number})),
		"one":  cty.Object(map[string]cty.Type{"a": cty.String}),
	})
	tests := map[string]struct {
		raw  string
		want []string
	}{
		"none":              {`{"id": "x", "tags": {"any": "key"}, "rule": [{"port": 1}], "one": {"a": "b"}}`, nil},
		"top level, sorted": {`{"zeta": 1, "id": "x", "alpha": {"nested": true}}`, []string{"alpha", "zeta"}},
		"in blocks, once":   {`{"rule": [{"port": 1, "proto": "tcp"}, {"proto": "udp"}], "one": {"b": null}}`, []string{"one.b", "rule.proto"}},
		"null and empty":    {`null`, nil},
		"mismatch stops":    {`{"new": 1, "rule": "oops", "later": 2}`, []string{"new"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, unknownAttributes(json.RawMessage(tc.raw), ty)); diff != "" {
				t.Errorf("unknownAttributes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnknownAttributeWarnings(t *testing.T) {
	inst := func(key, attrs string) *state.Instance {
		return &state.Instance{IndexKey: json.RawMessage(key), Attributes: json.RawMessage(attrs)}
	}
	st := state.New("test")
	st.Resources = []*state.Resource{
		{Mode: "managed", Type: "aws_subnet", Name: "a", Instances: []*state.Instance{
			inst(`0`, `{"id": "subnet-0", "new_attr": 1}`),
			inst(`1`, `{"id": "subnet-1", "new_attr": 1}`),
			inst(`2`, `{"id": "subnet-2", "new_attr": 1, "other": 2}`),
			inst(`3`, `{"id": "subnet-3", "new_attr": 1}`),
			inst(`4`, `{"id": "subnet-4", "new_attr": 1}`),
			inst(`5`, `{"id": "subnet-5"}`),
		}},
		{Mode: "managed", Type: "aws_subnet", Name: "b", Instances: []*state.Instance{inst(``, `{"id": "subnet-b", "new_attr": 1}`)}},
		{Mode: "data", Type: "aws_region", Name: "current", Instances: []*state.Instance{inst(``, `{"id": "eu-west-1", "new_attr": 1}`)}},
		// Types outside the catalog are not decoded; module instances are.
		{Mode: "managed", Type: "terraform_data", Name: "x", Instances: []*state.Instance{inst(``, `{"id": "d", "input": null}`)}},
		{Module: "module.vpc", Mode: "managed", Type: "aws_vpc", Name: "this", Instances: []*state.Instance{inst(``, `{"id": "vpc-1", "new_attr": 1}`)}},
	}
	diags := UnknownAttributeWarnings(st, schema.NewCatalog())
	var got []string
	for _, d := range diags {
		if d.Severity != hcl.DiagWarning || d.Summary != "Unknown attributes in state" || d.Subject != nil {
			t.Errorf("got %s %q with subject %v, want a warning \"Unknown attributes in state\" without one", map[bool]string{true: "warning", false: "error"}[d.Severity == hcl.DiagWarning], d.Summary, d.Subject)
		}
		got = append(got, d.Detail)
	}
	want := []string{
		`The state records attribute "new_attr" for aws_subnet.a[0], aws_subnet.a[1], aws_subnet.a[3] and 2 other instances, which vpcplan's schema of aws_subnet does not have; another version of the provider wrote it. vpcplan ignores it when planning and keeps it in the state: apply writes an instance back as it is unless it changes that instance.`,
		`The state records attributes "new_attr" and "other" for aws_subnet.a[2], which vpcplan's schema of aws_subnet does not have; another version of the provider wrote them. vpcplan ignores them when planning and keeps them in the state: apply writes an instance back as it is unless it changes that instance.`,
		`The state records attribute "new_attr" for data.aws_region.current, which vpcplan's schema of data source aws_region does not have; another version of the provider wrote it. vpcplan ignores it when planning and keeps it in the state: apply writes an instance back as it is unless it changes that instance.`,
		`The state records attribute "new_attr" for module.vpc.aws_vpc.this, which vpcplan's schema of aws_vpc does not have; another version of the provider wrote it. vpcplan ignores it when planning and keeps it in the state: apply writes an instance back as it is unless it changes that instance.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
	if diags := UnknownAttributeWarnings(nil, schema.NewCatalog()); diags != nil {
		t.Errorf("got %v for no state, want nothing", diags)
	}
}
