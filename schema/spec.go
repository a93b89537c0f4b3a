package schema

import (
	"sort"

	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/zclconf/go-cty/cty"
)

// DecoderSpec returns the hcldec specification of the configurable part of
// the block: every attribute that is not computed-only, and every nested
// block. It is the only bridge between schemas and hcldec.
func (b *Block) DecoderSpec() hcldec.ObjectSpec {
	spec := hcldec.ObjectSpec{}
	for name, a := range b.Attributes {
		if a.Computed && !a.Optional && !a.Required {
			continue
		}
		spec[name] = &hcldec.AttrSpec{Name: name, Type: a.Type, Required: a.Required}
	}
	for name, nb := range b.Blocks {
		nested := nb.Block.DecoderSpec()
		switch nb.Nesting {
		case NestingSet:
			spec[name] = &hcldec.BlockSetSpec{TypeName: name, Nested: nested, MinItems: nb.MinItems, MaxItems: nb.MaxItems}
		case NestingSingle:
			spec[name] = &hcldec.BlockSpec{TypeName: name, Nested: nested, Required: nb.MinItems > 0}
		default:
			spec[name] = &hcldec.BlockListSpec{TypeName: name, Nested: nested, MinItems: nb.MinItems, MaxItems: nb.MaxItems}
		}
	}
	return spec
}

// ImpliedType is the object type of a whole value of the block: every
// attribute, computed ones included, and every nested block (a list, set or
// object of its own implied type).
func (b *Block) ImpliedType() cty.Type {
	atys := make(map[string]cty.Type, len(b.Attributes)+len(b.Blocks))
	for name, a := range b.Attributes {
		atys[name] = a.Type
	}
	for name, nb := range b.Blocks {
		ety := nb.Block.ImpliedType()
		switch nb.Nesting {
		case NestingSet:
			atys[name] = cty.Set(ety)
		case NestingSingle:
			atys[name] = ety
		default:
			atys[name] = cty.List(ety)
		}
	}
	return cty.Object(atys)
}

// AttributeNames returns the names of the block's attributes, sorted.
func (b *Block) AttributeNames() []string {
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// BlockNames returns the names of the block's nested block types, sorted.
func (b *Block) BlockNames() []string {
	names := make([]string, 0, len(b.Blocks))
	for n := range b.Blocks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
