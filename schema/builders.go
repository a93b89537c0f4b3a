package schema

import "github.com/zclconf/go-cty/cty"

// The constructors below keep the per-type files short and uniform. They
// return fresh values; the chained modifiers mutate the attribute they are
// called on and are only used while a schema is being built.

func required(ty cty.Type, desc string) *Attribute {
	return &Attribute{Type: ty, Required: true, Description: desc}
}

func optional(ty cty.Type, desc string) *Attribute {
	return &Attribute{Type: ty, Optional: true, Description: desc}
}

func computed(ty cty.Type, desc string) *Attribute {
	return &Attribute{Type: ty, Computed: true, Description: desc}
}

// optionalComputed is an argument that AWS fills in when it is omitted.
func optionalComputed(ty cty.Type, desc string) *Attribute {
	return &Attribute{Type: ty, Optional: true, Computed: true, Description: desc}
}

func (a *Attribute) forceNew() *Attribute {
	a.ForceNew = true
	return a
}

func (a *Attribute) sensitive() *Attribute {
	a.Sensitive = true
	return a
}

func (a *Attribute) withDefault(v cty.Value) *Attribute {
	a.Default = v
	return a
}

// recomputedOn sets RecomputedOn.
func (a *Attribute) recomputedOn(args ...string) *Attribute {
	a.RecomputedOn = args
	return a
}

func (a *Attribute) refersTo(refs ...Ref) *Attribute {
	a.RefersTo = append(a.RefersTo, refs...)
	return a
}

// idOf, arnOf and nameOf build the usual Ref forms.
func idOf(t TypeName) Ref  { return Ref{Type: t, Attr: "id"} }
func arnOf(t TypeName) Ref { return Ref{Type: t, Attr: "arn"} }

func listBlock(min, max int, desc string, b Block) *NestedBlock {
	return &NestedBlock{Nesting: NestingList, MinItems: min, MaxItems: max, Block: b, Description: desc}
}

func setBlock(min, max int, desc string, b Block) *NestedBlock {
	return &NestedBlock{Nesting: NestingSet, MinItems: min, MaxItems: max, Block: b, Description: desc}
}

// singleBlock is a block that appears at most once. The provider models most
// of these as lists with MaxItems 1; we keep that shape so that values and
// state match the provider's, and only use NestingSingle where the provider
// does.
func singleBlock(desc string, b Block) *NestedBlock {
	return &NestedBlock{Nesting: NestingList, MaxItems: 1, Block: b, Description: desc}
}

// computed marks a block the provider declares Optional and Computed: left
// out of the configuration, it keeps what AWS reports.
func (nb *NestedBlock) computed() *NestedBlock {
	nb.Computed = true
	return nb
}

func (nb *NestedBlock) forceNew() *NestedBlock {
	nb.ForceNew = true
	return nb
}

// countedBy leaves the block's count to a rule (NestedBlock.CountRule).
func (nb *NestedBlock) countedBy(rule string) *NestedBlock {
	nb.CountRule = rule
	return nb
}

func (nb *NestedBlock) required() *NestedBlock {
	if nb.MinItems == 0 {
		nb.MinItems = 1
	}
	return nb
}

// managed builds a managed resource schema, adding the attributes every
// managed type has: "id" (computed) and, unless noTags, "tags" and
// "tags_all".
func managed(t TypeName, desc string, attrs map[string]*Attribute, blocks map[string]*NestedBlock, noTags bool) *Resource {
	if attrs == nil {
		attrs = map[string]*Attribute{}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = computed(cty.String, "The identifier AWS assigns.")
	}
	if !noTags {
		attrs["tags"] = optional(cty.Map(cty.String), "Tags to assign to the resource.")
		attrs["tags_all"] = computed(cty.Map(cty.String), "Tags of the resource, including the provider's default_tags.")
	}
	return &Resource{Type: t, Mode: ManagedMode, Description: desc, Block: Block{Attributes: attrs, Blocks: blocks}}
}

// dataSource builds a data source schema with a computed "id".
func dataSource(t TypeName, desc string, attrs map[string]*Attribute, blocks map[string]*NestedBlock) *Resource {
	if attrs == nil {
		attrs = map[string]*Attribute{}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = computed(cty.String, "An identifier of the data source's result.")
	}
	return &Resource{Type: t, Mode: DataMode, Description: desc, Block: Block{Attributes: attrs, Blocks: blocks}}
}
