package schema

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Addr is the address of a resource or data block: aws_vpc.main,
// data.aws_region.current, module.vpc.aws_vpc.this. It is comparable and
// immutable. Inside the configuration of a module, addresses are relative
// (Module is ""); the evaluated instances of a module instance carry its
// path.
type Addr struct {
	// Module is the path of the module instance that holds the block, ""
	// for the root module.
	Module ModulePath
	Mode   Mode
	Type   TypeName
	Name   string
}

// String returns the address as Terraform writes it.
func (a Addr) String() string {
	s := string(a.Type) + "." + a.Name
	if a.Mode == DataMode {
		s = "data." + s
	}
	if a.Module != "" {
		return a.Module + "." + s
	}
	return s
}

// Local returns the address without its module path: the block's address
// inside its module's configuration.
func (a Addr) Local() Addr {
	a.Module = ""
	return a
}

// Less orders addresses as Terraform does: by module path (the root
// first), then data sources before managed resources, then by type, then
// by name.
func (a Addr) Less(b Addr) bool {
	if a.Module != b.Module {
		return CompareModules(a.Module, b.Module) < 0
	}
	if a.Mode != b.Mode {
		return a.Mode == DataMode
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.Name < b.Name
}

// Instance returns the address of one instance of the block.
func (a Addr) Instance(k InstanceKey) InstanceAddr {
	return InstanceAddr{Resource: a, Key: k}
}

// KeyKind tells the forms of InstanceKey apart.
type KeyKind byte

const (
	// NoKeyKind is the key of a block without count or for_each.
	NoKeyKind KeyKind = iota
	// IntKeyKind is a count index.
	IntKeyKind
	// StringKeyKind is a for_each key.
	StringKeyKind
)

// InstanceKey identifies one instance of a block with count (an int) or
// for_each (a string). The zero value is NoKey.
type InstanceKey struct {
	Kind KeyKind
	Int  int
	Str  string
}

// NoKey is the key of a single-instance block.
var NoKey = InstanceKey{}

// IntKey returns a count key.
func IntKey(i int) InstanceKey { return InstanceKey{Kind: IntKeyKind, Int: i} }

// StringKey returns a for_each key.
func StringKey(s string) InstanceKey { return InstanceKey{Kind: StringKeyKind, Str: s} }

// String returns the key as Terraform writes it in addresses: "", "[0]",
// or `["a"]`.
func (k InstanceKey) String() string {
	switch k.Kind {
	case IntKeyKind:
		return "[" + strconv.Itoa(k.Int) + "]"
	case StringKeyKind:
		return "[" + strconv.Quote(k.Str) + "]"
	}
	return ""
}

// Less orders keys: no key, then ints ascending, then strings ascending.
func (k InstanceKey) Less(o InstanceKey) bool {
	if k.Kind != o.Kind {
		return k.Kind < o.Kind
	}
	if k.Kind == IntKeyKind {
		return k.Int < o.Int
	}
	return k.Str < o.Str
}

// InstanceAddr is the address of one resource instance:
// aws_subnet.private["a"], aws_vpc.main. Comparable and immutable.
type InstanceAddr struct {
	Resource Addr
	Key      InstanceKey
}

// String returns the address as Terraform writes it.
func (a InstanceAddr) String() string { return a.Resource.String() + a.Key.String() }

// Less orders by resource address, then by key.
func (a InstanceAddr) Less(b InstanceAddr) bool {
	if a.Resource != b.Resource {
		return a.Resource.Less(b.Resource)
	}
	return a.Key.Less(b.Key)
}

// ParseInstanceAddr parses an instance address such as aws_subnet.a["x"],
// data.aws_region.current or aws_subnet.b[2], as the state commands take it.
func ParseInstanceAddr(s string) (InstanceAddr, hcl.Diagnostics) {
	trav, diags := parseTraversalString(s)
	if diags.HasErrors() {
		return InstanceAddr{}, diags
	}
	steps, trav, diags := moduleSteps(trav)
	if diags.HasErrors() {
		return InstanceAddr{}, diags
	}
	if len(trav) == 0 {
		return InstanceAddr{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid resource instance address",
			Detail:   fmt.Sprintf("%q is the address of a module instance, not of a resource instance; one looks like module.vpc.aws_vpc.this[0].", s),
		}}
	}
	ref, diags := ParseRef(trav)
	if diags.HasErrors() {
		return InstanceAddr{}, diags
	}
	if ref.Kind != RefResource {
		return InstanceAddr{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid resource instance address",
			Detail:   fmt.Sprintf("%q is not the address of a resource instance; one looks like aws_vpc.main or aws_subnet.private[\"a\"].", s),
		}}
	}
	addr := InstanceAddr{Resource: ref.Resource}
	addr.Resource.Module = ModuleString(steps)
	rest := ref.Remaining
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			k, err := keyFromValue(idx)
			if err != nil {
				return InstanceAddr{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid resource instance key", Detail: err.Error()}}
			}
			addr.Key = k
			rest = rest[1:]
		}
	}
	if len(rest) > 0 {
		return InstanceAddr{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid resource instance address",
			Detail:   fmt.Sprintf("%q has extra parts after the instance key; an instance address ends with its key.", s),
		}}
	}
	return addr, nil
}

func keyFromValue(idx hcl.TraverseIndex) (InstanceKey, error) {
	v := idx.Key
	if !v.IsKnown() || v.IsNull() {
		return NoKey, fmt.Errorf("an instance key must be a known number or string")
	}
	switch {
	case v.Type() == cty.String:
		return StringKey(v.AsString()), nil
	case v.Type() == cty.Number:
		bf := v.AsBigFloat()
		i, acc := bf.Int64()
		if acc != 0 || i < 0 {
			return NoKey, fmt.Errorf("a count index must be a whole number not below zero")
		}
		return IntKey(int(i)), nil
	}
	return NoKey, fmt.Errorf("an instance key must be a number or a string")
}
