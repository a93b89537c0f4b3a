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

// deprecated sets the provider's deprecation message (Attribute.Deprecated).
func (a *Attribute) deprecated(msg string) *Attribute {
	a.Deprecated = msg
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

// attrMode marks a block the provider declares in "attributes as blocks"
// mode (NestedBlock.AttrMode).
func (nb *NestedBlock) attrMode() *NestedBlock {
	nb.AttrMode = true
	return nb
}

// withRemoved records arguments the provider removed (Block.Removed).
func (b Block) withRemoved(rs map[string]*Removal) Block {
	b.Removed = rs
	return b
}

// withRemoved records top-level arguments the provider removed
// (Block.Removed).
func (r *Resource) withRemoved(rs map[string]*Removal) *Resource {
	r.Removed = rs
	return r
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

// RegionAttr is the name of the argument every regional type has since
// version 6 of the AWS provider ("Enhanced Region Support"): the Region the
// resource is managed in, its provider's when omitted.
const RegionAttr = "region"

// regionArgument is the provider's top-level region argument: optional
// and computed (the provider's Region when omitted, or the Region the
// prior state records), and for a managed resource a change replaces it.
func regionArgument(mode Mode) *Attribute {
	a := optionalComputed(cty.String, "Region where this resource will be managed. Defaults to the Region set in the provider configuration.")
	if mode == ManagedMode {
		a.forceNew()
	}
	return a
}

// managed builds a managed resource schema, adding the attributes every
// managed type has: "id" (computed), "region" (see global) and, unless
// noTags, "tags" and "tags_all".
func managed(t TypeName, desc string, attrs map[string]*Attribute, blocks map[string]*NestedBlock, noTags bool) *Resource {
	if attrs == nil {
		attrs = map[string]*Attribute{}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = computed(cty.String, "The identifier AWS assigns.")
	}
	attrs[RegionAttr] = regionArgument(ManagedMode)
	if !noTags {
		attrs["tags"] = optional(cty.Map(cty.String), "Tags to assign to the resource.")
		attrs["tags_all"] = computed(cty.Map(cty.String), "Tags of the resource, including the provider's default_tags.")
	}
	return &Resource{Type: t, Mode: ManagedMode, Description: desc, Block: Block{Attributes: attrs, Blocks: blocks}}
}

// dataSource builds a data source schema with a computed "id" and the
// "region" argument (see global).
func dataSource(t TypeName, desc string, attrs map[string]*Attribute, blocks map[string]*NestedBlock) *Resource {
	if attrs == nil {
		attrs = map[string]*Attribute{}
	}
	if _, ok := attrs["id"]; !ok {
		attrs["id"] = computed(cty.String, "An identifier of the data source's result.")
	}
	attrs[RegionAttr] = regionArgument(DataMode)
	return &Resource{Type: t, Mode: DataMode, Description: desc, Block: Block{Attributes: attrs, Blocks: blocks}}
}

// global marks a type the provider manages in no Region of its own
// (Resource.Global): it drops the region argument managed and dataSource
// add.
func (r *Resource) global() *Resource {
	delete(r.Attributes, RegionAttr)
	r.Global = true
	return r
}

// withTimeouts adds the timeouts block of a type whose provider
// implementation declares configurable timeouts, with one argument per
// operation ("create", "read", "update", "delete"), in the shape Terraform
// gives it: a single nested block of optional strings such as "30m", null
// when not written, kept in the state as written. A change is an update
// that calls no API, never a replacement.
func (r *Resource) withTimeouts(ops ...string) *Resource {
	attrs := make(map[string]*Attribute, len(ops))
	for _, op := range ops {
		attrs[op] = optional(cty.String, "How long the "+op+" operation may take, such as \"30m\" or \"2h\"; the provider's default when omitted.")
	}
	if r.Blocks == nil {
		r.Blocks = map[string]*NestedBlock{}
	}
	r.Blocks[TimeoutsBlock] = &NestedBlock{
		Nesting:     NestingSingle,
		Block:       Block{Attributes: attrs},
		Description: "How long the provider waits for each operation before it fails.",
	}
	return r
}

// TimeoutsBlock is the name of the block of configurable timeouts.
const TimeoutsBlock = "timeouts"
