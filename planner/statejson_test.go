package planner

import (
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/internal/jsonscan"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// decodeJSONValue reads raw as a whole value of type ty, with the reader
// state attributes are decoded with; null when raw is empty or null.
func decodeJSONValue(raw []byte, ty cty.Type) (cty.Value, error) {
	v := cty.NullVal(ty)
	_, err := readWhole(raw, func(r *jsonscan.Reader) (err error) {
		v, err = readValue(r, ty)
		return err
	})
	if err != nil {
		return cty.NilVal, err
	}
	return v, nil
}

// TestDecodeJSONValue compares the state decoder with cty's own JSON
// unmarshalling on the shapes state attributes take.
func TestDecodeJSONValue(t *testing.T) {
	obj := cty.Object(map[string]cty.Type{
		"id":    cty.String,
		"count": cty.Number,
		"on":    cty.Bool,
		"ids":   cty.Set(cty.String),
		"list":  cty.List(cty.Number),
		"tags":  cty.Map(cty.String),
		"block": cty.List(cty.Object(map[string]cty.Type{"name": cty.String, "port": cty.Number})),
	})
	tests := map[string]struct {
		json string
		ty   cty.Type
	}{
		"full object": {`{"id":"vpc-1","count":3,"on":true,"ids":["b","a"],"list":[1,2.5,-3e2],"tags":{"Name":"x","Env":"p"},"block":[{"name":"n","port":443}]}`, obj},
		"white space": {" {\n  \"id\" : \"a\" ,\t\"on\" : false , \"ids\" : [ ] , \"tags\" : { } \n} ", obj},
		"nulls":       {`{"id":null,"count":null,"on":null,"ids":null,"list":null,"tags":null,"block":null}`, obj},
		"escapes":     {`"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"`, cty.String},
		"big number":  {`123456789012345678901234567890.5`, cty.Number},
		"exponent":    {`1E3`, cty.Number},
		"empty list":  {`[]`, cty.List(cty.String)},
		"empty set":   {`[]`, cty.Set(cty.Number)},
		"nested null": {`[null,"x"]`, cty.List(cty.String)},
		"null":        {`null`, obj},
		"nfc":         {`"e\u0301"`, cty.String},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			want, err := ctyjson.Unmarshal([]byte(tt.json), tt.ty)
			if err != nil {
				t.Fatalf("cty: %v", err)
			}
			got, err := decodeJSONValue([]byte(tt.json), tt.ty)
			if err != nil {
				t.Fatalf("decodeJSONValue: %v", err)
			}
			if !got.RawEquals(want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func TestDecodeJSONValueObjects(t *testing.T) {
	ty := cty.Object(map[string]cty.Type{"id": cty.String, "arn": cty.String})
	got, err := decodeJSONValue([]byte(`{"id":"a","extra":{"deep":[1,{"x":null}],"s":"\u0041"},"more":true}`), ty)
	if err != nil {
		t.Fatal(err)
	}
	want := cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("a"), "arn": cty.NullVal(cty.String)})
	if !got.RawEquals(want) {
		t.Errorf("extra keys skipped, missing ones null: got %#v, want %#v", got, want)
	}
	if got, err := decodeJSONValue(nil, ty); err != nil || !got.RawEquals(cty.NullVal(ty)) {
		t.Errorf("empty input: got %#v, %v; want null", got, err)
	}
	if got, err := decodeJSONValue([]byte(`"\ud83d"`), cty.String); err != nil || got.AsString() != "\uFFFD" {
		t.Errorf("lone surrogate: got %#v, %v; want U+FFFD", got, err)
	}
}

func TestDecodeJSONValueErrors(t *testing.T) {
	ty := cty.Object(map[string]cty.Type{"id": cty.String, "n": cty.Number, "ok": cty.Bool, "l": cty.List(cty.String)})
	tests := map[string]string{
		`{"id":1}`:             "expected a string",
		`{"n":"1"}`:            "expected a number",
		`{"ok":"yes"}`:         "expected a bool",
		`{"l":"x"}`:            "expected an array",
		`{"id":"a"`:            "expected ',' or '}'",
		`{"id":"a"} x`:         "after the value",
		`{"id":"a\q"}`:         `invalid escape \q`,
		`{"id":"a`:             "unterminated string",
		"{\"id\":\"a\x01\"}":   "control character",
		"{\"id\":\"\xff\"}":    "not valid UTF-8",
		`{id:"a"}`:             "expected an object key",
		`{"id" "a"}`:           "expected ':'",
		`{"n":1.2.3}`:          "expected ',' or '}'",
		`{"n":01}`:             "expected ',' or '}'",
		`{"n":+1}`:             "expected a number",
		`{"n":1.}`:             "digit after the decimal point",
		`{"n":1e+}`:            "digit in the exponent",
		`{"l":["a" "b"]}`:      "expected ',' or ']'",
		`{"x":[1,}`:            "expected a number",
		`{"ok":tru}`:           "expected true",
		`{"id":"\u12"}`:        `invalid \u escape`,
		`[1]`:                  "expected an object",
		`{"l":[nul]}`:          "expected null",
		`{"n":}`:               "expected a number",
		`{"extra":{"a":1,}}`:   "expected an object key",
		`{"extra":[true,fal]}`: "expected false",
	}
	for src, want := range tests {
		t.Run(src, func(t *testing.T) {
			_, err := decodeJSONValue([]byte(src), ty)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v, want one containing %q", err, want)
			}
		})
	}
}

// TestDecodeResourceAttributes checks the whole-instance decoder: the value
// and its top-level fields in schema order agree, and null, empty and
// trailing input are handled as for any value.
func TestDecodeResourceAttributes(t *testing.T) {
	sch := schema.VPC
	ty := sch.Block.ImpliedType()
	v, top, err := decodeResourceAttributes([]byte(`{"id": "vpc-1", "cidr_block": "10.0.0.0/16"}`), sch, ty)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range sch.TopLevelNames() {
		if !top[i].RawEquals(v.GetAttr(name)) {
			t.Errorf("top[%d] (%s) = %#v, value has %#v", i, name, top[i], v.GetAttr(name))
		}
	}
	for _, raw := range []string{``, ` null `} {
		if v, top, err := decodeResourceAttributes([]byte(raw), sch, ty); err != nil || !v.RawEquals(cty.NullVal(ty)) || top != nil {
			t.Errorf("%q: got %#v, %v, %v; want a null object", raw, v, top, err)
		}
	}
	if _, _, err := decodeResourceAttributes([]byte(`null x`), sch, ty); err == nil || !strings.Contains(err.Error(), "after the value") {
		t.Errorf("trailing input after null: error %v", err)
	}
}
