package state

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vpcplan/vpcplan/schema"
)

// Addr returns the address of the resource block r records, with its
// module instance path. A mode other than "data" is managed, as
// Terraform reads it.
func (r *Resource) Addr() schema.Addr {
	mode := schema.ManagedMode
	if r.Mode == "data" {
		mode = schema.DataMode
	}
	return schema.Addr{Module: r.Module, Mode: mode, Type: schema.TypeName(r.Type), Name: r.Name}
}

// InstanceAddr returns the address of inst, one of r's instances:
// module.vpc.aws_subnet.private["a"]. It fails when the instance's index
// key is neither null, a count index nor a for_each key.
func (r *Resource) InstanceAddr(inst *Instance) (schema.InstanceAddr, error) {
	k, err := DecodeKey(inst.IndexKey)
	if err != nil {
		return schema.InstanceAddr{}, fmt.Errorf("the instance key of %s in the state is invalid: %w", r.Addr(), err)
	}
	return r.Addr().Instance(k), nil
}

// DecodeKey reads an index_key of the state: absent or null (no key), a
// whole number not below zero (count) or a string (for_each).
func DecodeKey(raw json.RawMessage) (schema.InstanceKey, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return schema.NoKey, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return schema.StringKey(s), nil
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 {
		return schema.NoKey, fmt.Errorf("%s is neither a string nor a count index", raw)
	}
	return schema.IntKey(n), nil
}

// EncodeKey writes an instance key as the state's index_key holds it (nil
// for no key, so that the field is left out).
func EncodeKey(k schema.InstanceKey) json.RawMessage {
	switch k.Kind {
	case schema.IntKeyKind:
		return json.RawMessage(strconv.Itoa(k.Int))
	case schema.StringKeyKind:
		b, _ := json.Marshal(k.Str)
		return b
	}
	return nil
}
