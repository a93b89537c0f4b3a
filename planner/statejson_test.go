package planner

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

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
		`{"n":1.2.3}`:          "is not a number",
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
