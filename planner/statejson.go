package planner

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"

	"github.com/vpcplan/vpcplan/internal/jsonscan"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// The state's attributes are read once, guided by the schema's types (the
// primitives, lists, sets, maps and objects schemas use): much faster than
// cty/json.Unmarshal or decoding through encoding/json, which matters when
// a state holds 100,000 instances. Object attributes missing from the JSON
// are null; extra ones are skipped (a newer provider wrote them). Anything
// else that is not valid JSON of the type is an error that names the byte
// offset.

// readWhole reads raw as one JSON text with read. An empty text or a null
// is nothing (empty true, read not called); anything after the value is
// an error.
func readWhole(raw []byte, read func(r *jsonscan.Reader) error) (empty bool, err error) {
	r := &jsonscan.Reader{B: raw}
	if r.Peek() == 0 {
		return true, nil
	}
	if null, err := r.Null(); null || err != nil {
		if err == nil {
			err = r.End()
		}
		return true, err
	}
	if err := read(r); err != nil {
		return false, err
	}
	return false, r.End()
}

// readValue reads a value of type ty.
func readValue(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	if null, err := r.Null(); null {
		return cty.NullVal(ty), err
	}
	switch {
	case ty == cty.String:
		s, err := r.String()
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s), nil
	case ty == cty.Bool:
		b, err := r.Bool()
		if err != nil {
			return cty.NilVal, err
		}
		return cty.BoolVal(b), nil
	case ty == cty.Number:
		return readNumber(r)
	case ty.IsListType() || ty.IsSetType():
		return readCollection(r, ty)
	case ty.IsMapType():
		return readMap(r, ty)
	case ty.IsObjectType():
		return readObject(r, ty)
	}
	return cty.NilVal, fmt.Errorf("unsupported type %s", ty.FriendlyName())
}

func readCollection(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	ety := ty.ElementType()
	var vals []cty.Value
	err := r.Elements(func() error {
		v, err := readValue(r, ety)
		vals = append(vals, v)
		return err
	})
	switch {
	case err != nil:
		return cty.NilVal, err
	case len(vals) == 0 && ty.IsSetType():
		return cty.SetValEmpty(ety), nil
	case len(vals) == 0:
		return cty.ListValEmpty(ety), nil
	case ty.IsSetType():
		return cty.SetVal(vals), nil
	}
	return cty.ListVal(vals), nil
}

func readMap(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	vals := map[string]cty.Value{}
	err := r.Members(func(key string) error {
		v, err := readValue(r, ty.ElementType())
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

func readObject(r *jsonscan.Reader, ty cty.Type) (cty.Value, error) {
	vals, err := readObjectFields(r, ty)
	if err != nil {
		return cty.NilVal, err
	}
	return cty.ObjectVal(vals), nil
}

// decodeResourceAttributes decodes an instance's state attributes as a
// value of the schema's implied type ty, and also returns its top-level
// fields in the order of sch.TopLevelNames (config.Instance.TopLevel's
// order), so that diffs compare fields without looking each up.
func decodeResourceAttributes(raw json.RawMessage, sch *schema.Resource, ty cty.Type) (cty.Value, []cty.Value, error) {
	var vals map[string]cty.Value
	empty, err := readWhole(raw, func(r *jsonscan.Reader) (err error) {
		vals, err = readObjectFields(r, ty)
		return err
	})
	switch {
	case err != nil:
		return cty.NilVal, nil, err
	case empty:
		return cty.NullVal(ty), nil, nil
	}
	top := make([]cty.Value, len(sch.TopLevelNames()))
	for name, v := range vals {
		if i, ok := sch.TopLevelIndex(name); ok {
			top[i] = v
		}
	}
	return cty.ObjectVal(vals), top, nil
}

// readObjectFields reads an object of type ty into its fields: every
// attribute of the type, null where the JSON has none.
func readObjectFields(r *jsonscan.Reader, ty cty.Type) (map[string]cty.Value, error) {
	atys := ty.AttributeTypes()
	vals := make(map[string]cty.Value, len(atys))
	err := r.Members(func(key string) error {
		aty, ok := atys[key]
		if !ok {
			return r.Skip()
		}
		v, err := readValue(r, aty)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		vals[key] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, aty := range atys {
		if _, ok := vals[name]; !ok {
			vals[name] = cty.NullVal(aty)
		}
	}
	return vals, nil
}

// readNumber reads a JSON number as cty's arbitrary-precision number.
func readNumber(r *jsonscan.Reader) (cty.Value, error) {
	start := r.I
	lit, err := r.Number()
	if err != nil {
		return cty.NilVal, err
	}
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return cty.NumberIntVal(n), nil
	}
	f, _, err := big.ParseFloat(lit, 10, 512, big.ToNearestEven)
	if err != nil {
		r.I = start
		return cty.NilVal, r.Errorf("%s is not a number", lit)
	}
	return cty.NumberVal(f), nil
}
