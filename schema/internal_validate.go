package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// InternalValidate checks the schema for mistakes of the people who wrote
// it, not of users: an attribute that is required and optional or computed,
// or none of them; ForceNew on a computed-only attribute; a default on a
// required attribute or of the wrong type; a RefersTo naming a type outside
// the catalog or an attribute the target lacks; a RecomputedOn on an
// attribute that is not computed or naming no argument; a missing
// description; a nested block with MinItems above MaxItems; a regional
// type without the provider's region argument, or a global one with it; a
// removed argument that is still an argument; a deprecated attribute that
// is no argument. known resolves the types that RefersTo may name. Every
// problem is reported, joined in one error.
func (r *Resource) InternalValidate(known func(TypeName) *Resource) error {
	var errs *multierror.Error
	if r.Type == "" {
		errs = multierror.Append(errs, fmt.Errorf("resource without a type name"))
	}
	if r.Description == "" {
		errs = multierror.Append(errs, fmt.Errorf("%s: no description", r.Type))
	}
	if r.Mode == ManagedMode {
		if a := r.Attributes["id"]; a == nil || !a.Computed {
			errs = multierror.Append(errs, fmt.Errorf("%s: no computed id", r.Type))
		}
	}
	if r.AccountAttr != "" && r.Attributes[r.AccountAttr] == nil {
		errs = multierror.Append(errs, fmt.Errorf("%s: AccountAttr %q is not an attribute", r.Type, r.AccountAttr))
	}
	for _, name := range r.AccountIDArgs {
		if a := nestedAttribute(r, name); a == nil || a.Type != cty.String || !(a.Optional || a.Required) {
			errs = multierror.Append(errs, fmt.Errorf("%s: AccountIDArgs %q is not a string argument", r.Type, name))
		}
	}
	region := r.Attributes[RegionAttr]
	switch {
	case r.Global && region != nil:
		errs = multierror.Append(errs, fmt.Errorf("%s: global, with a region argument", r.Type))
	case !r.Global && (region == nil || !region.Optional || !region.Computed || region.Type != cty.String || region.ForceNew != (r.Mode == ManagedMode)):
		errs = multierror.Append(errs, fmt.Errorf("%s: regional, without the provider's region argument", r.Type))
	}
	validateBlock(string(r.Type), &r.Block, known, &errs)
	return errs.ErrorOrNil()
}

func validateBlock(path string, b *Block, known func(TypeName) *Resource, errs **multierror.Error) {
	add := func(format string, args ...any) {
		*errs = multierror.Append(*errs, fmt.Errorf(format, args...))
	}
	for _, name := range b.AttributeNames() {
		a := b.Attributes[name]
		p := path + "." + name
		if _, clash := b.Blocks[name]; clash {
			add("%s: both an attribute and a block", p)
		}
		switch {
		case a.Required && (a.Optional || a.Computed):
			add("%s: Required with Optional or Computed", p)
		case !a.Required && !a.Optional && !a.Computed:
			add("%s: none of Required, Optional, Computed", p)
		}
		if a.Type == cty.NilType {
			add("%s: no type", p)
		}
		if a.Description == "" {
			add("%s: no description", p)
		}
		if a.ForceNew && a.Computed && !a.Optional {
			add("%s: ForceNew on a computed-only attribute", p)
		}
		if a.Default != cty.NilVal {
			if a.Required {
				add("%s: default on a required attribute", p)
			}
			if _, err := convert.Convert(a.Default, a.Type); err != nil {
				add("%s: default does not conform to the type: %s", p, err)
			}
		}
		if a.Deprecated != "" && !a.Optional && !a.Required {
			add("%s: Deprecated on an attribute that is no argument", p)
		}
		if len(a.RecomputedOn) > 0 && !a.Computed {
			add("%s: RecomputedOn on an attribute that is not computed", p)
		}
		for _, arg := range a.RecomputedOn {
			if x := b.Attributes[arg]; x == nil || (!x.Optional && !x.Required) {
				add("%s: RecomputedOn names %q, which is no argument of the block", p, arg)
			}
		}
		for _, ref := range a.RefersTo {
			t := known(ref.Type)
			if t == nil {
				add("%s: RefersTo names unknown type %s", p, ref.Type)
				continue
			}
			if t.Attributes[ref.Attr] == nil {
				add("%s: RefersTo names %s.%s, which does not exist", p, ref.Type, ref.Attr)
			}
		}
	}
	for _, name := range sortedKeys(b.Removed) {
		rm, p := b.Removed[name], path+"."+name
		if a := b.Attributes[name]; (a != nil && (a.Optional || a.Required)) || b.Blocks[name] != nil {
			add("%s: removed, yet an argument or block", p)
		}
		if rm.Version < 1 || (rm.Use == "") == (rm.Why == "") {
			add("%s: a removal needs a version and either a replacement or a reason", p)
		}
	}
	for _, name := range b.BlockNames() {
		nb := b.Blocks[name]
		p := path + "." + name
		if nb.MaxItems > 0 && nb.MinItems > nb.MaxItems {
			add("%s: MinItems %d above MaxItems %d", p, nb.MinItems, nb.MaxItems)
		}
		if nb.AttrMode && nb.Nesting == NestingSingle {
			add("%s: attributes-as-blocks mode on a single block", p)
		}
		if nb.Description == "" {
			add("%s: no description", p)
		}
		validateBlock(p, &nb.Block, known, errs)
	}
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// nestedAttribute returns the attribute a dotted name of AccountIDArgs
// names ("details.region.bucket_account_id"), or nil.
func nestedAttribute(r *Resource, name string) *Attribute {
	attrs, blocks := r.Attributes, r.Blocks
	segs := strings.Split(name, ".")
	for _, seg := range segs[:len(segs)-1] {
		nb := blocks[seg]
		if nb == nil {
			return nil
		}
		attrs, blocks = nb.Block.Attributes, nb.Block.Blocks
	}
	return attrs[segs[len(segs)-1]]
}
