package jsonscan

import (
	"strings"
	"testing"
)

func TestRawAndStructure(t *testing.T) {
	r := &Reader{B: []byte(` {"a": [1, {"b": null}, "x\"y"], "c": true, "d": -1.5e2} `)}
	var keys []string
	raws := map[string]string{}
	err := r.Members(func(key string) error {
		keys = append(keys, key)
		raw, err := r.Raw()
		raws[key] = string(raw)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.End(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(keys, ",") != "a,c,d" {
		t.Errorf("keys = %v", keys)
	}
	want := map[string]string{"a": `[1, {"b": null}, "x\"y"]`, "c": "true", "d": "-1.5e2"}
	for k, v := range want {
		if raws[k] != v {
			t.Errorf("raw %s = %q, want %q", k, raws[k], v)
		}
	}
}

func TestStringsAndScalars(t *testing.T) {
	r := &Reader{B: []byte(`["plain", "\u00e9\n\ud83d\ude00", "\ud83d", 42, false, null]`)}
	var got []string
	err := r.Elements(func() error {
		switch r.Peek() {
		case '"':
			s, err := r.String()
			got = append(got, s)
			return err
		case 'f':
			b, err := r.Bool()
			if b {
				t.Error("false read as true")
			}
			return err
		case 'n':
			null, err := r.Null()
			if !null {
				t.Error("null not read")
			}
			return err
		}
		n, err := r.Uint()
		if n != 42 {
			t.Errorf("number = %d", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"plain", "é\n😀", "\uFFFD"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("strings = %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	tests := map[string]string{
		`{"a" 1}`:   "expected ':'",
		`{"a": 1,}`: "expected an object key",
		`[1 2]`:     `expected ',' or ']'`,
		`"abc`:      "unterminated string",
		`"\x"`:      `invalid escape \x`,
		"\"\x01\"":  "control character",
		`nul`:       "expected null",
		`[] x`:      "after the value",
	}
	for src, want := range tests {
		r := &Reader{B: []byte(src)}
		err := r.Skip()
		if err == nil {
			err = r.End()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", src, err, want)
		}
	}
}
