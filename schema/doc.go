// Package schema describes, as data, every resource type and data source
// vpcplan understands: their attributes with cty types, which are required,
// optional or computed, defaults, ForceNew, sensitivity, the resource types a
// reference argument may name, and nested blocks. It also owns addresses
// (Addr, InstanceAddr, ParseRef) and the endpoint service catalog.
//
// The schemas are those of the AWS provider (hashicorp/aws) v6.47.0, the
// newest 6.x release when they were last compared with the provider's
// source (internal/service/...): every regional type and data source has
// the region argument of Enhanced Region Support (RegionAttr; Global types
// have none), types whose implementation declares configurable timeouts
// have a timeouts block, blocks in "attributes as blocks" mode say so
// (NestedBlock.AttrMode), and arguments earlier major versions removed are
// listed with their replacements (Block.Removed).
//
// Everything in this package is treated as immutable once built: callers
// must not modify a *Resource, *Block or *Attribute they are handed. No
// function here performs IO, prints, or reads the environment.
package schema
