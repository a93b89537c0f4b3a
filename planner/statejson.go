package planner

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// decodeJSONValue converts JSON, as state stores attributes, to a value of
// type ty. It reads the JSON once, guided by the type, for the types
// schemas use (primitives, lists, sets, maps and objects of them): much
// faster than cty/json.Unmarshal or decoding through encoding/json, which
// matters when a state holds 100,000 instances. Object attributes missing
// from the JSON are null; extra ones are skipped (a newer provider wrote
// them). Anything else that is not valid JSON of the type is an error that
// names the byte offset.
func decodeJSONValue(raw json.RawMessage, ty cty.Type) (cty.Value, error) {
	r := &jsonReader{b: raw}
	r.skipSpace()
	if r.i == len(r.b) {
		return cty.NullVal(ty), nil
	}
	v, err := r.value(ty)
	if err != nil {
		return cty.NilVal, err
	}
	if r.skipSpace(); r.i != len(r.b) {
		return cty.NilVal, r.errorf("unexpected %q after the value", r.b[r.i])
	}
	return v, nil
}

// jsonReader reads one JSON text from b, starting at i.
type jsonReader struct {
	b []byte
	i int
}

func (r *jsonReader) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid JSON at byte %d: %s", r.i, fmt.Sprintf(format, args...))
}

func (r *jsonReader) skipSpace() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (r *jsonReader) peek() byte {
	r.skipSpace()
	if r.i == len(r.b) {
		return 0
	}
	return r.b[r.i]
}

// literal consumes the word (true, false, null) or fails.
func (r *jsonReader) literal(word string) error {
	if len(r.b)-r.i < len(word) || string(r.b[r.i:r.i+len(word)]) != word {
		return r.errorf("expected %s", word)
	}
	r.i += len(word)
	return nil
}

// value reads a value of type ty.
func (r *jsonReader) value(ty cty.Type) (cty.Value, error) {
	c := r.peek()
	if c == 'n' {
		if err := r.literal("null"); err != nil {
			return cty.NilVal, err
		}
		return cty.NullVal(ty), nil
	}
	switch {
	case ty == cty.String:
		if c != '"' {
			return cty.NilVal, r.errorf("expected a string")
		}
		s, err := r.str()
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s), nil
	case ty == cty.Bool:
		switch c {
		case 't':
			return cty.True, r.literal("true")
		case 'f':
			return cty.False, r.literal("false")
		}
		return cty.NilVal, r.errorf("expected a bool")
	case ty == cty.Number:
		return r.number()
	case ty.IsListType() || ty.IsSetType():
		return r.collection(ty)
	case ty.IsMapType():
		return r.mapValue(ty)
	case ty.IsObjectType():
		return r.object(ty)
	}
	return cty.NilVal, fmt.Errorf("unsupported type %s", ty.FriendlyName())
}

func (r *jsonReader) collection(ty cty.Type) (cty.Value, error) {
	if r.peek() != '[' {
		return cty.NilVal, r.errorf("expected an array")
	}
	r.i++
	ety := ty.ElementType()
	var vals []cty.Value
	for first := true; ; first = false {
		if r.peek() == ']' && first {
			r.i++
			break
		}
		v, err := r.value(ety)
		if err != nil {
			return cty.NilVal, err
		}
		vals = append(vals, v)
		if done, err := r.endOrComma(']'); err != nil || done {
			if err != nil {
				return cty.NilVal, err
			}
			break
		}
	}
	switch {
	case len(vals) == 0 && ty.IsSetType():
		return cty.SetValEmpty(ety), nil
	case len(vals) == 0:
		return cty.ListValEmpty(ety), nil
	case ty.IsSetType():
		return cty.SetVal(vals), nil
	}
	return cty.ListVal(vals), nil
}

func (r *jsonReader) mapValue(ty cty.Type) (cty.Value, error) {
	vals := map[string]cty.Value{}
	err := r.members(func(key string) error {
		v, err := r.value(ty.ElementType())
		vals[key] = v
		return err
	})
	if err != nil {
		return cty.NilVal, err
	}
	if len(vals) == 0 {
		return cty.MapValEmpty(ty.ElementType()), nil
	}
	return cty.MapVal(vals), nil
}

func (r *jsonReader) object(ty cty.Type) (cty.Value, error) {
	atys := ty.AttributeTypes()
	vals := make(map[string]cty.Value, len(atys))
	err := r.members(func(key string) error {
		aty, ok := atys[key]
		if !ok {
			return r.skip()
		}
		v, err := r.value(aty)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		vals[key] = v
		return nil
	})
	if err != nil {
		return cty.NilVal, err
	}
	for name, aty := range atys {
		if _, ok := vals[name]; !ok {
			vals[name] = cty.NullVal(aty)
		}
	}
	return cty.ObjectVal(vals), nil
}

// members reads an object, calling member for each key with the reader at
// its value.
func (r *jsonReader) members(member func(key string) error) error {
	if r.peek() != '{' {
		return r.errorf("expected an object")
	}
	r.i++
	for first := true; ; first = false {
		c := r.peek()
		if c == '}' && first {
			r.i++
			return nil
		}
		if c != '"' {
			return r.errorf("expected an object key")
		}
		key, err := r.str()
		if err != nil {
			return err
		}
		if r.peek() != ':' {
			return r.errorf("expected ':'")
		}
		r.i++
		if err := member(key); err != nil {
			return err
		}
		if done, err := r.endOrComma('}'); err != nil || done {
			return err
		}
	}
}

// endOrComma consumes a ',' (done false) or the closing byte (done true).
func (r *jsonReader) endOrComma(end byte) (done bool, err error) {
	switch r.peek() {
	case ',':
		r.i++
		return false, nil
	case end:
		r.i++
		return true, nil
	}
	return false, r.errorf("expected ',' or %q", end)
}

// skip reads and discards any value.
func (r *jsonReader) skip() error {
	switch c := r.peek(); c {
	case '"':
		_, err := r.str()
		return err
	case '{':
		return r.members(func(string) error { return r.skip() })
	case '[':
		r.i++
		if r.peek() == ']' {
			r.i++
			return nil
		}
		for {
			if err := r.skip(); err != nil {
				return err
			}
			if done, err := r.endOrComma(']'); err != nil || done {
				return err
			}
		}
	case 't':
		return r.literal("true")
	case 'f':
		return r.literal("false")
	case 'n':
		return r.literal("null")
	}
	_, err := r.number()
	return err
}

// number reads a JSON number as cty's arbitrary-precision number.
func (r *jsonReader) number() (cty.Value, error) {
	r.skipSpace()
	start := r.i
	for r.i < len(r.b) {
		c := r.b[r.i]
		if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			r.i++
			continue
		}
		break
	}
	lit := string(r.b[start:r.i])
	if lit == "" {
		return cty.NilVal, r.errorf("expected a number")
	}
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return cty.NumberIntVal(n), nil
	}
	f, _, err := big.ParseFloat(lit, 10, 512, big.ToNearestEven)
	if err != nil {
		r.i = start
		return cty.NilVal, r.errorf("%s is not a number", lit)
	}
	return cty.NumberVal(f), nil
}

// str reads a JSON string, the reader at its opening quote.
func (r *jsonReader) str() (string, error) {
	r.i++ // the opening quote
	start := r.i
	// The common case: no escapes, valid UTF-8.
	for r.i < len(r.b) {
		c := r.b[r.i]
		if c == '"' {
			s := r.b[start:r.i]
			r.i++
			if !utf8.Valid(s) {
				return "", r.errorf("string is not valid UTF-8")
			}
			return string(s), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		r.i++
	}
	buf := append([]byte(nil), r.b[start:r.i]...)
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			r.i++
			if !utf8.Valid(buf) {
				return "", r.errorf("string is not valid UTF-8")
			}
			return string(buf), nil
		case c < 0x20:
			return "", r.errorf("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			r.i++
			continue
		}
		if r.i+1 >= len(r.b) {
			break
		}
		esc := r.b[r.i+1]
		r.i += 2
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			ru, ok := r.hex4()
			if !ok {
				return "", r.errorf("invalid \\u escape")
			}
			if utf16.IsSurrogate(ru) {
				// A surrogate pair is two escapes; a lone half is U+FFFD,
				// as encoding/json decodes it.
				save := r.i
				if r.i+1 < len(r.b) && r.b[r.i] == '\\' && r.b[r.i+1] == 'u' {
					r.i += 2
					if lo, ok := r.hex4(); ok {
						if dec := utf16.DecodeRune(ru, lo); dec != utf8.RuneError {
							buf = utf8.AppendRune(buf, dec)
							continue
						}
					}
				}
				r.i = save
				ru = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, ru)
		default:
			r.i -= 2
			return "", r.errorf("invalid escape \\%c", esc)
		}
	}
	return "", r.errorf("unterminated string")
}

// hex4 reads four hex digits.
func (r *jsonReader) hex4() (rune, bool) {
	if len(r.b)-r.i < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(r.b[r.i:r.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	r.i += 4
	return rune(n), true
}
