package planner

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Foreign values are what the prior state records for blocks vpcplan
// cannot compute: resources of types outside its catalog (terraform_data,
// random_pet, aws_eip) and data sources it cannot read (aws_vpc,
// aws_availability_zones). Without their provider's schema the attributes
// are decoded by their JSON shape (ctyjson.ImpliedType): objects become
// objects, arrays tuples. A value of a DynamicPseudoType attribute
// (terraform_data's input, output and triggers_replace) is stored as
// {"value": ..., "type": ...}, and is decoded to the value it wraps, which
// is what Terraform's references see.

// ForeignValues returns the hook config.Options.Foreign takes: for the
// address of a root module block, the value the prior state records for
// it, shaped as a reference to the block sees it. A block with an instance
// whose key does not fit the others, or without instances, is not
// recorded. An instance that does not decode, or is tainted (apply would
// replace it), is unknown within the block's value. Sensitive attributes
// carry funcs.SensitiveMark. prior may be nil.
//
// Values are decoded on first use, once; the hook is safe for concurrent
// use.
func ForeignValues(prior *state.State) func(addr schema.Addr) (cty.Value, bool) {
	byAddr := map[schema.Addr]*foreignBlock{}
	if prior != nil {
		for _, r := range prior.Resources {
			mode := schema.ManagedMode
			if r.Mode == "data" {
				mode = schema.DataMode
			}
			byAddr[schema.Addr{Module: r.Module, Mode: mode, Type: schema.TypeName(r.Type), Name: r.Name}] = &foreignBlock{res: r}
		}
	}
	return func(addr schema.Addr) (cty.Value, bool) {
		b := byAddr[addr]
		if b == nil {
			return cty.NilVal, false
		}
		b.once.Do(b.decode)
		return b.val, b.ok
	}
}

// foreignBlock is one resource of the prior state and, once decoded, its
// value.
type foreignBlock struct {
	res  *state.Resource
	once sync.Once
	val  cty.Value
	ok   bool
}

// decode builds the block's value from its current (not deposed)
// instances: one object without keys, a tuple for count (a missing index
// unknown), an object by key for for_each.
func (b *foreignBlock) decode() {
	kind := schema.NoKeyKind
	vals := map[schema.InstanceKey]cty.Value{}
	for i, inst := range b.res.Instances {
		if inst.Deposed != "" {
			continue
		}
		key, err := state.DecodeKey(inst.IndexKey)
		if err != nil || (i > 0 && key.Kind != kind) {
			return
		}
		kind = key.Kind
		if _, dup := vals[key]; dup {
			return
		}
		vals[key] = foreignInstanceValue(inst)
	}
	switch {
	case len(vals) == 0:
		return
	case kind == schema.NoKeyKind:
		b.val = vals[schema.NoKey]
	case kind == schema.IntKeyKind:
		n := 0
		for k := range vals {
			n = max(n, k.Int+1)
		}
		elems := make([]cty.Value, n)
		for i := range elems {
			v, ok := vals[schema.IntKey(i)]
			if !ok {
				v = cty.DynamicVal
			}
			elems[i] = v
		}
		b.val = cty.TupleVal(elems)
	default:
		obj := make(map[string]cty.Value, len(vals))
		for k, v := range vals {
			obj[k.Str] = v
		}
		b.val = cty.ObjectVal(obj)
	}
	b.ok = true
}

// foreignInstanceValue is one instance's recorded value, or unknown when
// it cannot stand for the instance.
func foreignInstanceValue(inst *state.Instance) cty.Value {
	if inst.Status == "tainted" {
		return cty.DynamicVal
	}
	v, err := foreignAttributes(inst.Attributes)
	if err != nil || v.IsNull() {
		return cty.DynamicVal
	}
	if len(inst.SensitiveAttributes) > 0 {
		if paths, err := decodePaths(inst.SensitiveAttributes); err == nil && len(paths) > 0 {
			pvm := make([]cty.PathValueMarks, len(paths))
			for i, p := range paths {
				pvm[i] = cty.PathValueMarks{Path: p, Marks: cty.NewValueMarks(funcs.SensitiveMark)}
			}
			v = v.MarkWithPaths(pvm)
		}
	}
	return v
}

// foreignAttributes decodes an instance's attributes object without a
// schema. Attributes that hold no dynamic value decode in one go through
// ctyjson; otherwise each top-level attribute decodes on its own, a
// dynamic one as the value it wraps.
func foreignAttributes(raw json.RawMessage) (cty.Value, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return cty.NullVal(cty.DynamicPseudoType), nil
	}
	if raw[0] != '{' || !bytes.Contains(raw, []byte(`"type"`)) {
		return impliedValue(raw)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return cty.NilVal, err
	}
	obj := make(map[string]cty.Value, len(fields))
	for name, f := range fields {
		var v cty.Value
		var err error
		if isDynamicValue(f) {
			v, err = ctyjson.Unmarshal(f, cty.DynamicPseudoType)
		} else {
			v, err = impliedValue(f)
		}
		if err != nil {
			return cty.NilVal, err
		}
		obj[name] = v
	}
	return cty.ObjectVal(obj), nil
}

// impliedValue decodes JSON as the type its shape implies.
func impliedValue(raw json.RawMessage) (cty.Value, error) {
	ty, err := ctyjson.ImpliedType(raw)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(raw, ty)
}

// isDynamicValue reports whether an attribute's JSON is a value Terraform
// stores for a DynamicPseudoType attribute: an object of exactly "value"
// and a "type" that is a type (a string such as "string", or an array
// such as ["list","string"]). Without the provider's schema this is a
// guess, made for top-level attributes only, where such attributes are
// (terraform_data's input, output and triggers_replace); nested blocks are
// lists and sets, never a lone object.
func isDynamicValue(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return false
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil || len(fields) != 2 || fields["value"] == nil || fields["type"] == nil {
		return false
	}
	var ty cty.Type
	return json.Unmarshal(fields["type"], &ty) == nil && ty != cty.NilType
}

// UnwrapDynamic returns the value a top-level attribute's JSON holds and,
// for a DynamicPseudoType attribute ({"value": ..., "type": ...}, see
// isDynamicValue), its type, as terraform state show prints it. Other JSON
// is returned as it is, with cty.NilType.
func UnwrapDynamic(raw json.RawMessage) (json.RawMessage, cty.Type) {
	if !isDynamicValue(raw) {
		return raw, cty.NilType
	}
	var w struct {
		Value json.RawMessage `json:"value"`
		Type  cty.Type        `json:"type"`
	}
	if json.Unmarshal(raw, &w) != nil {
		return raw, cty.NilType
	}
	return w.Value, w.Type
}
