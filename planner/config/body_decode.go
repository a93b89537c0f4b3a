package config

import (
	"fmt"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/planner/funcs"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// blockDecoder decodes bodies of one schema block straight into whole
// values of the block's implied type, in one pass: configured arguments,
// defaults for omitted ones, unknown (or prior) values for computed ones.
// It gives the same values and diagnostics as decoding with the block's
// hcldec spec (schema.Block.DecoderSpec) and completing afterwards, but
// computes the body schema and the types once per block type instead of
// once per instance, which is what makes large configurations fast.
type blockDecoder struct {
	// res is the resource schema when the decoder decodes a whole
	// resource body (nil for nested blocks); eval then also returns the
	// top-level fields in res's TopLevelNames order.
	res    *schema.Resource
	block  *schema.Block
	schema *hcl.BodySchema
	ty     cty.Type
	attrs  []string // sorted
	blocks []string // sorted
	// removed lists the names of Block.Removed, sorted: the body schema
	// accepts them so that content can say what replaced them.
	removed []string
	nested  map[string]*blockDecoder
	// computed is set when the block or a block nested in it has computed
	// attributes: only then does a prior value matter to its elements.
	computed bool
	pool     sync.Pool // of map[string]cty.Value; see attrMap
	// limits bound what evaluating the block's expressions builds
	// (exprbound.Scope).
	limits bounds.Limits
}

func newBlockDecoder(b *schema.Block, lim bounds.Limits) *blockDecoder {
	d := &blockDecoder{
		limits: lim,
		block:  b,
		schema: &hcl.BodySchema{},
		ty:     b.ImpliedType(),
		attrs:  b.AttributeNames(),
		blocks: b.BlockNames(),
		nested: map[string]*blockDecoder{},
	}
	for _, name := range d.attrs {
		a := b.Attributes[name]
		d.computed = d.computed || a.Computed
		if a.Computed && !a.Optional && !a.Required {
			continue
		}
		d.schema.Attributes = append(d.schema.Attributes, hcl.AttributeSchema{Name: name, Required: a.Required})
	}
	for _, name := range d.blocks {
		d.schema.Blocks = append(d.schema.Blocks, hcl.BlockHeaderSchema{Type: name})
		if b.Blocks[name].AttrMode {
			// The argument form of an attributes-as-blocks type.
			d.schema.Attributes = append(d.schema.Attributes, hcl.AttributeSchema{Name: name})
		}
		d.nested[name] = newBlockDecoder(&b.Blocks[name].Block, lim)
		d.computed = d.computed || d.nested[name].computed
	}
	for name := range b.Removed {
		if a := b.Attributes[name]; a == nil || (a.Computed && !a.Optional && !a.Required) {
			d.removed = append(d.removed, name)
		}
	}
	sort.Strings(d.removed)
	for _, name := range d.removed {
		d.schema.Attributes = append(d.schema.Attributes, hcl.AttributeSchema{Name: name})
	}
	return d
}

// decoded is the result of decoding one body: the value without marks,
// and where the marks were (those of the expressions, such as sensitivity
// and owners, and those topMark adds), with paths from the instance's
// root. value.MarkWithPaths(marks) is the marked value.
type decoded struct {
	value cty.Value
	marks []cty.PathValueMarks
	// top holds value's fields in the order of the resource's
	// TopLevelNames, for a decoder of a whole resource body.
	top []cty.Value
	// keptBlocks names the top-level computed blocks the configuration
	// writes none of, whose value is the prior one.
	keptBlocks []string
}

// bodyContent is a body split along its schema: the attributes set and
// the nested blocks of each type, recursively. It depends only on the
// source, so it is computed once per resource block and shared by every
// instance (unless dynamic blocks make each instance's body its own), and
// schema problems are reported once, not once per instance.
type bodyContent struct {
	attrs  map[string]*hcl.Attribute
	blocks map[string][]*bodyContent
	// unknown names the nested block types whose set of blocks is not
	// known: a dynamic block of the type has an unknown for_each, so it
	// may generate any number of blocks (as hcldec decodes such a type,
	// its value is unknown and its block count unchecked). blocks holds
	// the template of each such dynamic block, for the schema checks.
	unknown map[string]bool
	// missing is where a missing nested block would go.
	missing hcl.Range
	// typeRange and defRange are those of the block whose body this is
	// (a dynamic block's for a block it generates); empty for a
	// resource's own body and the argument form of attributes as blocks.
	typeRange, defRange hcl.Range
}

// content splits body along the decoder's schema and checks the number of
// nested blocks. An attributes-as-blocks type written as an argument stays
// in attrs, under its name, and is evaluated per instance (eval).
func (d *blockDecoder) content(body hcl.Body) (*bodyContent, hcl.Diagnostics) {
	return d.contentOpen(body, nil)
}

// contentOpen is content, with the number of the top-level blocks named in
// open taken as unknown (see evaluator.openBlocks).
func (d *blockDecoder) contentOpen(body hcl.Body, open map[string]bool) (*bodyContent, hcl.Diagnostics) {
	c, diags := body.Content(d.schema)
	missing := c.MissingItemRange
	if missing == (hcl.Range{}) {
		// dynblock's content of a dynamic block with an unknown for_each
		// leaves it out; the body itself knows it.
		missing = body.MissingItemRange()
	}
	out := &bodyContent{attrs: c.Attributes, missing: missing}
	for _, name := range d.removed {
		attr, ok := out.attrs[name]
		if !ok {
			continue
		}
		delete(out.attrs, name)
		rm := d.block.Removed[name]
		detail := fmt.Sprintf("An argument named %q is not expected here: it was removed in version %d of the AWS provider", name, rm.Version)
		if rm.Use != "" {
			detail += fmt.Sprintf("; use %s instead.", rm.Use)
		} else {
			detail += " " + rm.Why + "; remove it."
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unsupported argument",
			Detail:   detail,
			Subject:  attr.NameRange.Ptr(),
		})
	}
	for _, name := range d.blocks {
		nb := d.block.Blocks[name]
		var elems []*hcl.Block
		for _, blk := range c.Blocks {
			if blk.Type == name {
				elems = append(elems, blk)
			}
		}
		if attr, ok := out.attrs[name]; ok && nb.AttrMode {
			if len(elems) > 0 {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Argument and blocks of one type",
					Detail:   fmt.Sprintf("%q is written both as an argument and as blocks (the first at %s). Use one form: blocks, or one argument holding a list of objects.", name, elems[0].DefRange),
					Subject:  attr.NameRange.Ptr(),
				})
			}
			// The number of elements is the value's, known per instance.
			continue
		}
		unknown := open[name]
		for _, blk := range elems {
			if u, ok := blk.Body.(hcldec.UnknownBody); ok && u.Unknown() {
				unknown = true
			}
		}
		if unknown {
			if out.unknown == nil {
				out.unknown = map[string]bool{}
			}
			out.unknown[name] = true
		}
		switch {
		case unknown:
			// Any number of blocks, checked when the number is known.
		case nb.CountRule != "":
			// A rule reports the count (schema.NestedBlock.CountRule).
		case len(elems) < nb.MinItems:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Insufficient %s blocks", name),
				Detail:   fmt.Sprintf("At least %d %q blocks are required.", nb.MinItems, name),
				Subject:  missing.Ptr(),
			})
		case nb.MaxItems > 0 && len(elems) > nb.MaxItems:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Too many %s blocks", name),
				Detail:   fmt.Sprintf("No more than %d %q blocks are allowed; remove the extra ones.", nb.MaxItems, name),
				Subject:  elems[nb.MaxItems].DefRange.Ptr(),
			})
		}
		if len(elems) == 0 {
			continue
		}
		if out.blocks == nil {
			out.blocks = map[string][]*bodyContent{}
		}
		for _, blk := range elems {
			nc, moreDiags := d.nested[name].content(blk.Body)
			diags = append(diags, moreDiags...)
			nc.typeRange, nc.defRange = blk.TypeRange, blk.DefRange
			out.blocks[name] = append(out.blocks[name], nc)
		}
	}
	return out, diags
}

// eval evaluates a body's content into a whole value. prior, when not
// cty.NilVal, supplies values for computed attributes the configuration
// leaves null; mark adds marks to top-level attributes; path is where the
// body sits in the instance, for the recorded marks. region is the Region
// of the instance's provider, "" when unknown: a resource's region
// argument takes it at plan time, as the provider plans it, when neither
// the configuration nor the prior state gives one.
func (d *blockDecoder) eval(c *bodyContent, ctx *hcl.EvalContext, prior priorValue, mark topMark, path cty.Path, region string) (decoded, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	prior = prior.usable(d.res)
	b := d.block
	un := d.attrMap()
	defer d.release(un)
	var marks []cty.PathValueMarks
	var kept []string
	for _, name := range d.attrs {
		a := b.Attributes[name]
		v := cty.NullVal(a.Type)
		if attr, ok := c.attrs[name]; ok {
			val, moreDiags := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, d.limits))
			diags = append(diags, moreDiags...)
			if moreDiags.HasErrors() {
				val = cty.UnknownVal(a.Type)
			}
			conv, err := convertTo(val, a.Type)
			if err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity:    hcl.DiagError,
					Summary:     "Incorrect attribute value type",
					Detail:      fmt.Sprintf("Inappropriate value for attribute %q: %s.", name, err.Error()),
					Subject:     attr.Expr.Range().Ptr(),
					Context:     hcl.RangeBetween(attr.NameRange, attr.Expr.Range()).Ptr(),
					Expression:  attr.Expr,
					EvalContext: ctx,
				})
				conv = cty.UnknownVal(a.Type)
			}
			v = conv
			if a.Deprecated != "" && v.IsKnown() && !v.IsNull() {
				// As the provider warns (terraform-plugin-framework's
				// wording): a deprecated argument set to a value.
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Attribute Deprecated",
					Detail:   a.Deprecated,
					Subject:  attr.Expr.Range().Ptr(),
				})
			}
		}
		// clean is set for KnownTop's fields: unmarked, of the schema's
		// types.
		clean := false
		if v.IsNull() {
			switch {
			case a.Default != cty.NilVal:
				if dv, err := convertTo(a.Default, a.Type); err == nil {
					v = dv
				}
			case a.Computed:
				v = cty.UnknownVal(a.Type)
				pv, ok := prior.attr(d.res, name)
				switch {
				case !ok || !pv.IsKnown():
					if name == schema.RegionAttr && region != "" && d.res != nil && len(path) == 0 {
						v = cty.StringVal(region)
					}
				case prior.top != nil:
					v, clean = pv, true
				default:
					if cv, err := convertTo(pv, a.Type); err == nil {
						v = cv
					}
				}
			case a.Optional && prior.obj != cty.NilVal:
				// The AWS provider (SDKv2) records "", false, 0 or an
				// empty collection for an optional argument left unset, and
				// plans no change for it: the recorded zero value stands.
				if pv, ok := prior.attr(d.res, name); ok && zeroValue(pv) {
					v, clean = pv, prior.top != nil
				}
			}
		}
		var extra []any
		if mark != nil {
			extra = mark(name, a)
		}
		if clean {
			un[name], marks = v, appendTopMarks(marks, path, name, nil, extra)
		} else {
			un[name], marks = unmarkInto(v, path, name, extra, marks)
		}
	}
	if len(path) == 0 {
		setTagsAll(un)
	}
	for _, name := range d.blocks {
		nb := b.Blocks[name]
		nd := d.nested[name]
		elems := c.blocks[name]
		ety := nd.ty
		explicit := false // an argument form holding no element
		if attr, ok := c.attrs[name]; ok && nb.AttrMode {
			var whole cty.Value // set when the elements cannot be split
			var moreDiags hcl.Diagnostics
			elems, whole, moreDiags = nd.argumentElements(nb, name, attr, ctx)
			diags = append(diags, moreDiags...)
			if whole != cty.NilVal {
				un[name] = whole
				continue
			}
			explicit = elems != nil
		}
		if c.unknown[name] {
			// A dynamic block with an unknown for_each: the blocks, and so
			// the value of the whole type, are known only later.
			un[name] = cty.UnknownVal(d.ty.AttributeType(name))
			continue
		}
		if len(elems) == 0 && nb.Computed && !explicit {
			// Left to AWS: what it reported last time stands.
			if pv, ok := prior.attr(d.res, name); ok && pv.IsWhollyKnown() && !pv.IsNull() {
				un[name] = pv // of the block's type: the state decodes with the schema
				if len(path) == 0 {
					kept = append(kept, name)
				}
				continue
			}
		}
		if nb.Nesting == schema.NestingSingle {
			if len(elems) == 0 {
				un[name] = cty.NullVal(ety)
				continue
			}
			r, moreDiags := nd.eval(elems[0], ctx, prior.nested(d.res, name, nd, 0), nil, appendPath(path, cty.GetAttrStep{Name: name}), "")
			diags = append(diags, moreDiags...)
			marks = append(marks, r.marks...)
			un[name] = r.value
			continue
		}
		if len(elems) == 0 {
			if nb.Nesting == schema.NestingSet {
				un[name] = cty.SetValEmpty(ety)
			} else {
				un[name] = cty.ListValEmpty(ety)
			}
			continue
		}
		vals := make([]cty.Value, len(elems))
		var setMarks cty.ValueMarks
		var used []bool // prior set elements already matched
		for i, ec := range elems {
			epath := appendPath(path, cty.GetAttrStep{Name: name}, cty.IndexStep{Key: cty.NumberIntVal(int64(i))})
			var ep priorValue
			if nb.Nesting == schema.NestingList {
				ep = prior.nested(d.res, name, nd, i)
			}
			r, moreDiags := nd.eval(ec, ctx, ep, nil, epath, "")
			if nb.Nesting == schema.NestingSet && nd.computed {
				// A set element has no index: its prior element is the one
				// that agrees with it on every argument it sets (Terraform's
				// ProposedNew). Evaluating it again with that prior costs
				// little: such sets are small.
				if pe, ok := prior.matchSetElement(d.res, name, nd, r.value, &used); ok {
					r, moreDiags = nd.eval(ec, ctx, pe, nil, epath, "")
				}
			}
			diags = append(diags, moreDiags...)
			vals[i] = r.value
			if nb.Nesting == schema.NestingSet {
				// cty keeps no marks on set elements: like cty.SetVal, hoist
				// them onto the set.
				for _, pm := range r.marks {
					setMarks = mergeMarks(setMarks, pm.Marks)
				}
				continue
			}
			marks = append(marks, r.marks...)
		}
		if nb.Nesting == schema.NestingSet {
			un[name] = cty.SetVal(vals)
			if len(setMarks) > 0 {
				marks = append(marks, cty.PathValueMarks{Path: appendPath(path, cty.GetAttrStep{Name: name}), Marks: setMarks})
			}
		} else {
			un[name] = cty.ListVal(vals)
		}
	}
	out := decoded{value: cty.ObjectVal(un), marks: marks, keptBlocks: kept}
	if d.res != nil && len(path) == 0 {
		out.top = make([]cty.Value, len(un))
		for name, v := range un {
			if i, ok := d.res.TopLevelIndex(name); ok {
				out.top[i] = v
			}
		}
	}
	return out, diags
}

// zeroValue reports whether v is a known, non-null zero value: "", false,
// 0 or an empty collection.
func zeroValue(v cty.Value) bool {
	if v.IsNull() || !v.IsKnown() || v.IsMarked() {
		return false
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString() == ""
	case ty == cty.Bool:
		return v.False()
	case ty == cty.Number:
		return v.AsBigFloat().Sign() == 0
	case ty.IsCollectionType():
		return v.LengthInt() == 0
	}
	return false
}

// priorValue is an instance's recorded value (Options.Known): the object,
// and, when the caller has them, its top-level fields in the order of the
// resource's TopLevelNames (Options.KnownTop), which are read without
// looking each field up in the object.
type priorValue struct {
	obj cty.Value
	top []cty.Value
}

// usable returns p when it holds a known object (and top fields of the
// right count for res), and the zero priorValue otherwise.
func (p priorValue) usable(res *schema.Resource) priorValue {
	if p.obj == cty.NilVal || p.obj.IsNull() || !p.obj.IsKnown() || !p.obj.Type().IsObjectType() {
		return priorValue{}
	}
	if res == nil || len(p.top) != len(res.TopLevelNames()) {
		p.top = nil
	}
	return p
}

// nested returns the prior value of the i-th element of the nested block
// type name (the block itself for a single block), or the zero priorValue
// when there is none or the block has nothing computed. List elements pair
// by index, as Terraform's ProposedNew pairs them.
func (p priorValue) nested(res *schema.Resource, name string, nd *blockDecoder, i int) priorValue {
	if !nd.computed {
		return priorValue{}
	}
	v, ok := p.attr(res, name)
	if !ok || v.IsNull() || !v.IsKnown() {
		return priorValue{}
	}
	if v.Type().IsObjectType() {
		return priorValue{obj: v}
	}
	if !v.Type().IsListType() || i >= v.LengthInt() {
		return priorValue{}
	}
	return priorValue{obj: v.Index(cty.NumberIntVal(int64(i)))}
}

// matchSetElement finds the prior element of the set-nested block type
// name that the configured element cfg corresponds to: the first one not
// used yet that agrees with it on every argument cfg sets (see
// sameConfigured). It marks the element used.
func (p priorValue) matchSetElement(res *schema.Resource, name string, nd *blockDecoder, cfg cty.Value, used *[]bool) (priorValue, bool) {
	v, ok := p.attr(res, name)
	if !ok || v.IsNull() || !v.IsKnown() || !v.Type().IsSetType() {
		return priorValue{}, false
	}
	if *used == nil {
		*used = make([]bool, v.LengthInt())
	}
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, pe := it.Element()
		if (*used)[i] || !sameConfigured(nd.block, cfg, pe) {
			continue
		}
		(*used)[i] = true
		return priorValue{obj: pe}, true
	}
	return priorValue{}, false
}

// sameConfigured reports whether a configured block value and a prior one
// agree on what the configuration decides: every argument that is not
// computed is equal, an optional+computed one is equal unless the
// configuration leaves it to AWS (unknown in cfg), computed-only ones are
// not compared, and nested blocks compare alike.
func sameConfigured(b *schema.Block, cfg, prior cty.Value) bool {
	if cfg.IsNull() || prior.IsNull() || !cfg.IsKnown() || !prior.IsKnown() {
		return cfg.IsNull() && prior.IsNull()
	}
	for name, a := range b.Attributes {
		c := cfg.GetAttr(name)
		switch {
		case a.Computed && !a.Optional && !a.Required:
			continue
		case a.Computed && !c.IsKnown():
			continue
		}
		if !c.IsWhollyKnown() {
			return false
		}
		if eq := c.Equals(prior.GetAttr(name)); !eq.IsKnown() || eq.False() {
			return false
		}
	}
	for name, nb := range b.Blocks {
		c, pv := cfg.GetAttr(name), prior.GetAttr(name)
		if nb.Nesting == schema.NestingSingle {
			if !sameConfigured(&nb.Block, c, pv) {
				return false
			}
			continue
		}
		if !c.IsKnown() || !pv.IsKnown() || c.IsNull() != pv.IsNull() {
			return false
		}
		if c.IsNull() {
			continue
		}
		if c.LengthInt() != pv.LengthInt() {
			return false
		}
		// Elements of nested collections compare in order; sets of sets
		// iterate in cty's canonical order, which is the same for equal
		// elements.
		ic, ip := c.ElementIterator(), pv.ElementIterator()
		for ic.Next() && ip.Next() {
			_, ce := ic.Element()
			_, pe := ip.Element()
			if !sameConfigured(&nb.Block, ce, pe) {
				return false
			}
		}
	}
	return true
}

// attr returns the recorded value of a top-level field.
func (p priorValue) attr(res *schema.Resource, name string) (cty.Value, bool) {
	if p.top != nil {
		if i, ok := res.TopLevelIndex(name); ok {
			return p.top[i], true
		}
		return cty.NilVal, false
	}
	if p.obj == cty.NilVal || !p.obj.Type().HasAttribute(name) {
		return cty.NilVal, false
	}
	return p.obj.GetAttr(name), true
}

// setTagsAll computes a resource's tags_all as the AWS provider does at
// plan time: its provider's default_tags merged with tags. vpcplan models
// no default_tags, so tags_all is tags (empty when tags is null), known as
// soon as tags is; it replaces any prior value, which is stale when tags
// changed.
func setTagsAll(un map[string]cty.Value) {
	tags, ok := un["tags"]
	if _, has := un["tags_all"]; !ok || !has || !tags.IsWhollyKnown() {
		return
	}
	if tags.IsNull() {
		un["tags_all"] = cty.MapValEmpty(cty.String)
		return
	}
	un["tags_all"] = tags
}

// attrMap returns an empty map for building one object's attributes.
// cty.ObjectVal copies what it is given, so the map is reused (release).
func (d *blockDecoder) attrMap() map[string]cty.Value {
	if m, ok := d.pool.Get().(map[string]cty.Value); ok {
		return m
	}
	return make(map[string]cty.Value, len(d.attrs)+len(d.blocks))
}

func (d *blockDecoder) release(m map[string]cty.Value) {
	clear(m)
	d.pool.Put(m)
}

// appendPath returns a new path: base followed by steps. It never shares
// base's backing array, so sibling paths stay independent.
func appendPath(base cty.Path, steps ...cty.PathStep) cty.Path {
	p := make(cty.Path, 0, len(base)+len(steps))
	return append(append(p, base...), steps...)
}

// unmarkInto removes the marks of the attribute value v, recording where
// they were (under base.name) in marks, together with the extra marks the
// attribute gets as a whole. Values without marks, the common case, cost
// no allocation.
func unmarkInto(v cty.Value, base cty.Path, name string, extra []any, marks []cty.PathValueMarks) (cty.Value, []cty.PathValueMarks) {
	top := func(ms cty.ValueMarks) { marks = appendTopMarks(marks, base, name, ms, extra) }
	if !v.IsMarked() && (v.Type().IsPrimitiveType() || !v.IsKnown() || v.IsNull() || !v.ContainsMarked()) {
		top(nil)
		return v, marks
	}
	if v.Type().IsPrimitiveType() || !v.IsKnown() || v.IsNull() {
		u, ms := v.Unmark()
		top(ms)
		return u, marks
	}
	u, pvm := v.UnmarkDeepWithPaths()
	top(nil)
	for _, pm := range pvm {
		p := appendPath(base, cty.GetAttrStep{Name: name})
		marks = append(marks, cty.PathValueMarks{Path: append(p, pm.Path...), Marks: pm.Marks})
	}
	return u, marks
}

// appendTopMarks records the marks ms, plus extra, of the top-level
// attribute name under base.
func appendTopMarks(marks []cty.PathValueMarks, base cty.Path, name string, ms cty.ValueMarks, extra []any) []cty.PathValueMarks {
	for _, m := range extra {
		if ms == nil {
			ms = cty.ValueMarks{}
		}
		ms[m] = struct{}{}
	}
	if len(ms) > 0 {
		marks = append(marks, cty.PathValueMarks{Path: appendPath(base, cty.GetAttrStep{Name: name}), Marks: ms})
	}
	return marks
}

// sensitivePaths returns the paths whose marks include the sensitive mark.
func sensitivePaths(marks []cty.PathValueMarks) []cty.Path {
	var out []cty.Path
	for _, pm := range marks {
		if pm.Marks.Has(funcs.SensitiveMark) {
			out = append(out, pm.Path)
		}
	}
	return out
}

// argumentElements evaluates the argument form of an attributes-as-blocks
// type (schema.NestedBlock.AttrMode) of the decoder's block: a list or set
// of objects, each of which must give every attribute of the block, null
// for none, as Terraform requires of the argument form. It returns each
// element as the content of one block, so that both forms decode alike
// (defaults, prior values, marks). elems is nil for a null value, which is
// as if the argument were omitted, and empty but not nil for an empty one.
// whole is set instead when the elements cannot be told apart: an unknown
// value, or an invalid one (reported).
func (d *blockDecoder) argumentElements(nb *schema.NestedBlock, name string, attr *hcl.Attribute, ctx *hcl.EvalContext) (elems []*bodyContent, whole cty.Value, diags hcl.Diagnostics) {
	collTy := cty.List(d.ty)
	if nb.Nesting == schema.NestingSet {
		collTy = cty.Set(d.ty)
	}
	v, diags := attr.Expr.Value(exprbound.Scope(ctx, attr.Expr, d.limits))
	if diags.HasErrors() {
		return nil, cty.UnknownVal(collTy), diags
	}
	invalid := func(detail string) (elems []*bodyContent, whole cty.Value, diags2 hcl.Diagnostics) {
		return nil, cty.UnknownVal(collTy), append(diags, &hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     "Incorrect attribute value type",
			Detail:      fmt.Sprintf("Inappropriate value for attribute %q: %s.", name, detail),
			Subject:     attr.Expr.Range().Ptr(),
			Context:     hcl.RangeBetween(attr.NameRange, attr.Expr.Range()).Ptr(),
			Expression:  attr.Expr,
			EvalContext: ctx,
		})
	}
	v, marks := v.Unmark()
	if v.IsNull() {
		return nil, cty.NilVal, diags
	}
	if plain, _ := v.UnmarkDeep(); !plain.Type().Equals(collTy) {
		if _, err := convert.Convert(plain, collTy); err != nil {
			return invalid(err.Error())
		}
	}
	if !v.IsKnown() {
		return nil, cty.UnknownVal(collTy), diags
	}
	rng := attr.Expr.Range()
	elems = make([]*bodyContent, 0, v.LengthInt())
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, ev := it.Element()
		ev, em := ev.Unmark()
		switch {
		case !ev.IsKnown():
			return nil, cty.UnknownVal(collTy), diags
		case ev.IsNull():
			return invalid(fmt.Sprintf("element %d: a null value is not allowed", i))
		}
		ev, err := convertTo(ev, d.ty)
		if err != nil {
			return invalid(fmt.Sprintf("element %d: %s", i, err.Error()))
		}
		elems = append(elems, d.objectContent(ev, mergeMarks(marks, em), rng))
	}
	return elems, cty.NilVal, diags
}

// objectContent is the content of a block written as the object v in the
// argument form: a static expression for each argument, with marks (those
// of the values containing v) added to its own, and the elements of its
// nested blocks alike. rng is the argument's expression, where problems
// with its values are reported.
func (d *blockDecoder) objectContent(v cty.Value, marks cty.ValueMarks, rng hcl.Range) *bodyContent {
	c := &bodyContent{attrs: make(map[string]*hcl.Attribute, len(d.attrs)), missing: rng}
	for _, name := range d.attrs {
		a := d.block.Attributes[name]
		if a.Computed && !a.Optional && !a.Required {
			continue
		}
		av := v.GetAttr(name)
		if len(marks) > 0 {
			av = av.WithMarks(marks)
		}
		c.attrs[name] = &hcl.Attribute{Name: name, Expr: hcl.StaticExpr(av, rng), Range: rng, NameRange: rng}
	}
	for _, name := range d.blocks {
		bv, bm := v.GetAttr(name).Unmark()
		if bv.IsNull() || !bv.IsKnown() {
			continue
		}
		nd, ms := d.nested[name], mergeMarks(marks, bm)
		if c.blocks == nil {
			c.blocks = map[string][]*bodyContent{}
		}
		if bv.Type().IsObjectType() {
			c.blocks[name] = append(c.blocks[name], nd.objectContent(bv, ms, rng))
			continue
		}
		for it := bv.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			ev, em := ev.Unmark()
			if ev.IsNull() || !ev.IsKnown() {
				continue
			}
			c.blocks[name] = append(c.blocks[name], nd.objectContent(ev, mergeMarks(ms, em), rng))
		}
	}
	return c
}
