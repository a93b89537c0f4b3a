package schema

import (
	"sort"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// TypeName is a resource or data source type as written in configuration,
// for example "aws_vpc_endpoint". Managed resources and data sources share the
// namespace of names but not of schemas: see Mode.
type TypeName string

// Mode tells a managed resource from a data source.
type Mode int

const (
	// ManagedMode is a `resource` block.
	ManagedMode Mode = iota
	// DataMode is a `data` block.
	DataMode
)

// String returns "managed" or "data", the words Terraform's JSON formats use.
func (m Mode) String() string {
	if m == DataMode {
		return "data"
	}
	return "managed"
}

// Resource is the schema of one resource type or data source.
type Resource struct {
	Type        TypeName
	Mode        Mode
	Description string // one sentence

	// Block holds the top-level attributes and nested blocks. Every managed
	// type has "id" (computed) and, unless NoTags, "tags" and "tags_all".
	Block

	// AccountAttr names the argument that gives the resource's account
	// explicitly (such as "account_id"), or is empty when the type has none.
	AccountAttr string

	// AccountIDArgs names the arguments the provider validates as AWS
	// account IDs, exactly 12 digits (verify.ValidAccountID), such as the
	// S3 Control types' account_id: a value of another form fails at
	// validation, before any request. A name with dots is an argument of
	// nested blocks ("details.region.bucket_account_id": the argument of
	// every region block of the details block).
	AccountIDArgs []string

	// Global is set for a type the AWS provider manages in no Region of
	// its own (IAM, aws_caller_identity, aws_partition): it has no
	// "region" argument, and its instances' Region is their provider's.
	// Every other type has the region argument of RegionAttr.
	Global bool

	topOnce  sync.Once
	topNames []string
	topIndex map[string]int
}

// TopLevelNames returns the names of the top-level attributes and nested
// blocks, sorted: the fields of the resource's object value. The slice must
// not be modified.
func (r *Resource) TopLevelNames() []string {
	r.indexTopLevel()
	return r.topNames
}

// TopLevelIndex returns the position of a top-level attribute or block in
// TopLevelNames. Callers that read many instances of one type use it to
// keep their per-instance lookups to a slice index.
func (r *Resource) TopLevelIndex(name string) (int, bool) {
	r.indexTopLevel()
	i, ok := r.topIndex[name]
	return i, ok
}

// indexTopLevel builds the index on first use, after the schema is
// complete; it is safe for concurrent use.
func (r *Resource) indexTopLevel() {
	r.topOnce.Do(func() {
		names := make([]string, 0, len(r.Attributes)+len(r.Blocks))
		for n := range r.Attributes {
			names = append(names, n)
		}
		for n := range r.Blocks {
			names = append(names, n)
		}
		sort.Strings(names)
		r.topIndex = make(map[string]int, len(names))
		for i, n := range names {
			r.topIndex[n] = i
		}
		r.topNames = names
	})
}

// Block is a set of attributes and nested blocks, at the top level of a
// resource or inside a nested block.
type Block struct {
	Attributes map[string]*Attribute
	Blocks     map[string]*NestedBlock

	// Removed lists arguments an earlier major version of the AWS
	// provider accepted and the current one does not: setting one is an
	// "Unsupported argument" error that says what replaced it.
	Removed map[string]*Removal
}

// Removal tells what became of an argument the provider removed.
type Removal struct {
	// Version is the provider's major version that removed it.
	Version int
	// Use names the replacement ("network_interface_id"), or is empty
	// when there is none.
	Use string
	// Why completes the sentence when there is no replacement: "with
	// EC2-Classic".
	Why string
}

// Attribute describes one argument or computed attribute.
//
// Exactly one of Required, Optional and Computed-only holds, except that
// Optional and Computed may both be set (an optional argument that AWS fills
// in when it is omitted).
type Attribute struct {
	Type      cty.Type
	Required  bool
	Optional  bool
	Computed  bool
	ForceNew  bool // a change replaces the resource
	Sensitive bool

	// Default is the value the provider assumes when the argument is
	// omitted, or cty.NilVal when it has none.
	Default cty.Value

	// RefersTo lists what a reference argument may name: the value (or, for
	// a list or set, each element) equals the attribute Attr of an instance of
	// one of these types. Empty for plain arguments.
	RefersTo []Ref

	// Deprecated, when not empty, is the provider's deprecation message
	// for the argument ("name is deprecated. Use region instead."):
	// setting it is a warning, as the provider warns.
	Deprecated string

	// RecomputedOn lists, for a computed attribute, the arguments of the
	// same block whose change in an in-place update makes AWS give it a new
	// value: the plan shows it "(known after apply)" then. Other computed
	// attributes keep their values in an update (ids and ARNs do).
	RecomputedOn []string

	Description string // one or two sentences
}

// Ref is one thing a reference argument may name: the attribute Attr of a
// resource of type Type. For example a subnet's vpc_id names aws_vpc.id, a
// replication destination names aws_s3_bucket.arn.
type Ref struct {
	Type TypeName
	Attr string
}

// Nesting is how a nested block repeats.
type Nesting int

const (
	// NestingList is an ordered sequence of blocks.
	NestingList Nesting = iota
	// NestingSet is an unordered collection of blocks.
	NestingSet
	// NestingSingle is at most one block, its value an object or null.
	NestingSingle
)

// NestedBlock describes a nested block type such as aws_vpc_endpoint's
// dns_options.
type NestedBlock struct {
	Nesting  Nesting
	MinItems int
	MaxItems int // 0 means no limit
	// CountRule, when set, names the rule that checks MinItems and
	// MaxItems with the AWS fact behind them; the decoder then leaves the
	// count to it, so a violation is reported once, by the rule, which
	// also runs where the count comes out of dynamic blocks.
	CountRule string
	ForceNew  bool
	// Computed is set for a block the provider declares Optional and
	// Computed: when the configuration writes none, AWS's blocks are kept
	// (the prior value at plan time, what apply fills otherwise), and no
	// change is planned for them.
	Computed bool
	// AttrMode is set for a block the provider declares in Terraform's
	// "attributes as blocks" mode (SDKv2 ConfigMode SchemaConfigModeAttr):
	// it is written either as blocks or as an argument holding a list or
	// set of objects, which must then give every attribute of the block
	// (null for none). Both forms decode to the same value. Only the
	// argument form can say "none": `ingress = []` removes every element,
	// where writing no block leaves a Computed block to AWS.
	AttrMode bool
	Block
	Description string
}

// Attr returns the attribute called name, or nil.
func (b *Block) Attr(name string) *Attribute {
	return b.Attributes[name]
}
