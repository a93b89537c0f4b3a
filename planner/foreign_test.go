package planner

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

func TestForeignValues(t *testing.T) {
	inst := func(key, attrs string) *state.Instance {
		return &state.Instance{IndexKey: json.RawMessage(key), Attributes: json.RawMessage(attrs)}
	}
	res := func(mode, typ, name string, insts ...*state.Instance) *state.Resource {
		return &state.Resource{Mode: mode, Type: typ, Name: name, Instances: insts}
	}
	st := state.New("test")
	tainted := inst(`1`, `{"id": "b"}`)
	tainted.Status = "tainted"
	deposed := inst(``, `{"id": "old"}`)
	deposed.Deposed = "00000001"
	secret := inst(``, `{"id": "s", "result": "hunter2"}`)
	secret.SensitiveAttributes = json.RawMessage(`[[{"type": "get_attr", "value": "result"}]]`)
	st.Resources = []*state.Resource{
		res("managed", "terraform_data", "one", inst(``, `{
			"id": "d1",
			"input": {"value": {"env": "prod", "n": 2}, "type": ["object", {"env": "string", "n": "number"}]},
			"output": {"value": ["a"], "type": ["list", "string"]},
			"triggers_replace": null
		}`)),
		res("data", "aws_availability_zones", "azs", inst(``, `{"id": "eu-west-1", "names": ["eu-west-1a"], "filter": [], "timeouts": null}`)),
		res("managed", "random_pet", "counted", inst(`0`, `{"id": "a"}`), tainted, inst(`3`, `{"id": "d"}`)),
		res("managed", "random_pet", "keyed", inst(`"x"`, `{"id": "px"}`), inst(`"y"`, `{"id": 5, "t": {"type": "kind", "value": 1}}`)),
		res("managed", "random_pet", "mixed", inst(`0`, `{"id": "a"}`), inst(`"y"`, `{"id": "b"}`)),
		res("managed", "random_pet", "replaced", deposed, inst(``, `{"id": "new"}`)),
		res("managed", "random_password", "secret", secret),
		res("managed", "random_pet", "broken", inst(``, `{"id": `)),
		{Module: "module.vpc", Mode: "managed", Type: "random_pet", Name: "inner", Instances: []*state.Instance{inst(``, `{"id": "m"}`)}},
	}
	obj := func(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }
	id := func(s string) cty.Value { return obj(map[string]cty.Value{"id": cty.StringVal(s)}) }
	tests := map[string]struct {
		addr schema.Addr
		want cty.Value
		ok   bool
	}{
		"dynamic attributes unwrapped": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "terraform_data", Name: "one"},
			want: obj(map[string]cty.Value{
				"id":               cty.StringVal("d1"),
				"input":            obj(map[string]cty.Value{"env": cty.StringVal("prod"), "n": cty.NumberIntVal(2)}),
				"output":           cty.ListVal([]cty.Value{cty.StringVal("a")}),
				"triggers_replace": cty.NullVal(cty.DynamicPseudoType),
			}),
			ok: true,
		},
		"data source by its JSON shape": {
			addr: schema.Addr{Mode: schema.DataMode, Type: "aws_availability_zones", Name: "azs"},
			want: obj(map[string]cty.Value{
				"id":       cty.StringVal("eu-west-1"),
				"names":    cty.TupleVal([]cty.Value{cty.StringVal("eu-west-1a")}),
				"filter":   cty.EmptyTupleVal,
				"timeouts": cty.NullVal(cty.DynamicPseudoType),
			}),
			ok: true,
		},
		"count: tainted and missing indexes unknown": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "counted"},
			want: cty.TupleVal([]cty.Value{id("a"), cty.DynamicVal, cty.DynamicVal, id("d")}),
			ok:   true,
		},
		"for_each; an object with more than value and type is no dynamic value": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "keyed"},
			want: obj(map[string]cty.Value{
				"x": id("px"),
				"y": obj(map[string]cty.Value{"id": cty.NumberIntVal(5), "t": obj(map[string]cty.Value{"type": cty.StringVal("kind"), "value": cty.NumberIntVal(1)})}),
			}),
			ok: true,
		},
		"mixed keys": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "mixed"},
		},
		"deposed object left out": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "replaced"},
			want: id("new"),
			ok:   true,
		},
		"sensitive attribute marked": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_password", Name: "secret"},
			want: obj(map[string]cty.Value{"id": cty.StringVal("s"), "result": cty.StringVal("hunter2").Mark(funcs.SensitiveMark)}),
			ok:   true,
		},
		"attributes that do not decode": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "broken"},
			want: cty.DynamicVal,
			ok:   true,
		},
		"module instances are not the root module's": {
			addr: schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "inner"},
		},
		"not in the state": {
			addr: schema.Addr{Mode: schema.DataMode, Type: "terraform_data", Name: "one"},
		},
	}
	foreign := ForeignValues(st)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := foreign(tc.addr)
			if ok != tc.ok {
				t.Fatalf("got ok %v, want %v", ok, tc.ok)
			}
			if ok && !got.RawEquals(tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
	if _, ok := ForeignValues(nil)(schema.Addr{Mode: schema.ManagedMode, Type: "random_pet", Name: "x"}); ok {
		t.Error("a nil state records a value")
	}
}

func TestUnwrapDynamic(t *testing.T) {
	tests := map[string]struct {
		raw      string
		want     string
		wantType cty.Type
	}{
		"string":           {`{"value": "x", "type": "string"}`, `"x"`, cty.String},
		"object":           {`{"type": ["object", {"a": "bool"}], "value": {"a": true}}`, `{"a": true}`, cty.Object(map[string]cty.Type{"a": cty.Bool})},
		"typed null":       {`{"value": null, "type": "string"}`, `null`, cty.String},
		"wrapped wrapper":  {`{"value": {"value": 1, "type": "number"}, "type": ["object", {"type": "string", "value": "number"}]}`, `{"value": 1, "type": "number"}`, cty.Object(map[string]cty.Type{"type": cty.String, "value": cty.Number})},
		"null":             {`null`, `null`, cty.NilType},
		"plain object":     {`{"a": 1}`, `{"a": 1}`, cty.NilType},
		"type is no type":  {`{"value": 1, "type": "kind"}`, `{"value": 1, "type": "kind"}`, cty.NilType},
		"a third field":    {`{"value": 1, "type": "number", "x": 1}`, `{"value": 1, "type": "number", "x": 1}`, cty.NilType},
		"list of wrappers": {`[{"value": 1, "type": "number"}]`, `[{"value": 1, "type": "number"}]`, cty.NilType},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ty := UnwrapDynamic(json.RawMessage(tc.raw))
			if string(got) != tc.want || !ty.Equals(tc.wantType) {
				t.Errorf("got %s, %#v; want %s, %#v", got, ty, tc.want, tc.wantType)
			}
		})
	}
}

func TestForeignAttributesImpliedTypes(t *testing.T) {
	got, err := foreignAttributes(json.RawMessage(`{"n": 1.5, "b": false, "m": {"k": "v"}, "l": [1, "a"]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := cty.ObjectVal(map[string]cty.Value{
		"n": cty.NumberFloatVal(1.5),
		"b": cty.False,
		"m": cty.ObjectVal(map[string]cty.Value{"k": cty.StringVal("v")}),
		"l": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.StringVal("a")}),
	})
	if diff := cmp.Diff(want.GoString(), got.GoString()); diff != "" {
		t.Errorf("foreignAttributes mismatch (-want +got):\n%s", diff)
	}
}
