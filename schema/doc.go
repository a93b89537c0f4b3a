// Package schema describes, as data, every resource type and data source
// vpcplan understands: their attributes with cty types, which are required,
// optional or computed, defaults, ForceNew, sensitivity, the resource types a
// reference argument may name, and nested blocks. It also owns addresses
// (Addr, InstanceAddr, ParseRef) and the endpoint service catalog.
//
// Everything in this package is treated as immutable once built: callers
// must not modify a *Resource, *Block or *Attribute they are handed. No
// function here performs IO, prints, or reads the environment.
package schema
