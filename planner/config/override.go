package config

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// This file merges override files into the other configuration files as
// Terraform does (configs.Module.mergeFile and module_merge.go, and the
// "Override Files" page of its documentation), before anything is decoded:
//
//   - Override files apply in the order of their names, each block in
//     source order, to what the files and earlier overrides made.
//   - A top-level block merges into the block with the same header (type
//     and labels; a provider by its name and alias): its arguments replace
//     the block's arguments of the same name, and its nested blocks of a
//     type (or dynamic blocks generating that type) replace all the
//     block's nested blocks of that type. Other nested blocks stay.
//   - In a resource or data block, the lifecycle block merges argument by
//     argument (create_before_destroy, prevent_destroy, ignore_changes);
//     depends_on cannot be overridden, here or in an output or a module.
//     A variable keeps its validation blocks and an output its
//     preconditions.
//   - Each argument of a locals block replaces the local value of that
//     name, whichever block defines it.
//   - A terraform block's backend (or cloud) block replaces the
//     configuration's; its required_providers entries replace those of
//     the same name (see requiredProviders).
//   - A block with nothing to merge into is an error, except the default
//     configuration of a provider, which is added; moved and import
//     blocks cannot be overridden.
//
// Merging builds new blocks and bodies; the parsed files are not changed.

// sourceFile is a configuration file ready to decode: its name and its
// top-level body in the native syntax (converted from JSON where needed).
type sourceFile struct {
	name string
	body *hclsyntax.Body
}

// blockRef locates a top-level block among the files being merged into.
type blockRef struct {
	file  int
	block int
}

// merger holds the files being merged into and the index of their blocks.
type merger struct {
	files  []*sourceFile
	blocks map[string]blockRef // by blockKey
	locals map[string]blockRef // the locals block defining each local value
	// added are the blocks that did not merge into anything (the default
	// configuration of a provider, a backend), with their files.
	added []*sourceFile
	diags hcl.Diagnostics
}

// mergeOverrides returns the primary files with the override files merged
// into them, followed by what the overrides add.
func mergeOverrides(primaries, overrides []*sourceFile) ([]*sourceFile, hcl.Diagnostics) {
	if len(overrides) == 0 {
		return primaries, nil
	}
	m := &merger{blocks: map[string]blockRef{}, locals: map[string]blockRef{}}
	for i, f := range primaries {
		// A shallow copy: merged blocks replace entries of its own list.
		body := *f.body
		body.Blocks = append(hclsyntax.Blocks(nil), f.body.Blocks...)
		m.files = append(m.files, &sourceFile{name: f.name, body: &body})
		for j, b := range body.Blocks {
			ref := blockRef{file: i, block: j}
			if b.Type == "locals" {
				for name := range b.Body.Attributes {
					if _, dup := m.locals[name]; !dup {
						m.locals[name] = ref
					}
				}
				continue
			}
			if key := blockKey(b); key != "" {
				if _, dup := m.blocks[key]; !dup {
					m.blocks[key] = ref
				}
			}
		}
	}
	for _, o := range overrides {
		// The override file is not decoded as a whole, so its own top-level
		// problems (an unknown block type, a missing label) are found here.
		_, diags := o.body.Content(fileSchema)
		m.diags = append(m.diags, diags...)
		for _, b := range o.body.Blocks {
			m.apply(o.name, b)
		}
	}
	return append(m.files, m.added...), m.diags
}

func (m *merger) block(ref blockRef) *hclsyntax.Block {
	return m.files[ref.file].body.Blocks[ref.block]
}

func (m *merger) setBlock(ref blockRef, b *hclsyntax.Block) {
	m.files[ref.file].body.Blocks[ref.block] = b
}

// apply merges one top-level block of an override file.
func (m *merger) apply(file string, ov *hclsyntax.Block) {
	switch ov.Type {
	case "locals":
		m.applyLocals(ov)
		return
	case "terraform":
		m.applyTerraform(file, ov)
		return
	case "moved":
		m.diags = append(m.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot override 'moved' blocks",
			Detail:   "Records of moved objects can appear only in normal files, not in override files.",
			Subject:  ov.DefRange().Ptr(),
		})
		return
	case "import":
		m.diags = append(m.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot override 'import' blocks",
			Detail:   "Import blocks can appear only in normal files, not in override files.",
			Subject:  ov.DefRange().Ptr(),
		})
		return
	}
	key := blockKey(ov)
	if key == "" {
		// removed, check and anything Content already reported.
		return
	}
	ref, ok := m.blocks[key]
	if !ok {
		if ov.Type == "provider" && providerAlias(ov) == "" {
			// An absent default provider configuration is an empty one,
			// which the override then sets.
			m.added = append(m.added, &sourceFile{name: file, body: &hclsyntax.Body{Blocks: hclsyntax.Blocks{ov}, SrcRange: ov.Range(), EndRange: ov.CloseBraceRange}})
			m.blocks[key] = blockRef{file: -1}
			return
		}
		m.diags = append(m.diags, missingBase(ov))
		return
	}
	if ref.file < 0 {
		// The default provider configuration an earlier override added.
		for _, f := range m.added {
			for i, b := range f.body.Blocks {
				if blockKey(b) == key {
					f.body.Blocks[i] = m.mergeBlock(b, ov)
				}
			}
		}
		return
	}
	m.setBlock(ref, m.mergeBlock(m.block(ref), ov))
}

// missingBase is the error for an override block with nothing to merge
// into, in Terraform's words.
func missingBase(ov *hclsyntax.Block) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Subject: ov.DefRange().Ptr()}
	switch ov.Type {
	case "resource":
		d.Summary = "Missing resource to override"
		d.Detail = fmt.Sprintf("There is no %s resource named %q. An override file can only override a resource block defined in a primary configuration file.", ov.Labels[0], ov.Labels[1])
	case "data":
		d.Summary = "Missing data resource to override"
		d.Detail = fmt.Sprintf("There is no %s data resource named %q. An override file can only override a data block defined in a primary configuration file.", ov.Labels[0], ov.Labels[1])
	case "variable":
		d.Summary = "Missing base variable declaration to override"
		d.Detail = fmt.Sprintf("There is no variable named %q. An override file can only override a variable that was already declared in a primary configuration file.", ov.Labels[0])
	case "output":
		d.Summary = "Missing base output definition to override"
		d.Detail = fmt.Sprintf("There is no output named %q. An override file can only override an output that was already defined in a primary configuration file.", ov.Labels[0])
	case "module":
		d.Summary = "Missing module call to override"
		d.Detail = fmt.Sprintf("There is no module call named %q. An override file can only override a module call that was defined in a primary configuration file.", ov.Labels[0])
	case "provider":
		d.Summary = "Missing base provider configuration for override"
		d.Detail = fmt.Sprintf("There is no %s provider configuration with the alias %q. An override file can only override an aliased provider configuration that was already defined in a primary configuration file.", ov.Labels[0], providerAlias(ov))
	}
	return d
}

// blockKey identifies the top-level blocks that overrides merge into by
// their header, or is "" for the others.
func blockKey(b *hclsyntax.Block) string {
	switch b.Type {
	case "resource", "data":
		if len(b.Labels) == 2 {
			return b.Type + "\x00" + b.Labels[0] + "\x00" + b.Labels[1]
		}
	case "variable", "output", "module":
		if len(b.Labels) == 1 {
			return b.Type + "\x00" + b.Labels[0]
		}
	case "provider":
		if len(b.Labels) == 1 {
			return "provider\x00" + b.Labels[0] + "\x00" + providerAlias(b)
		}
	}
	return ""
}

// providerAlias is a provider block's alias when it is a literal, else "".
func providerAlias(b *hclsyntax.Block) string {
	a := b.Body.Attributes["alias"]
	if a == nil {
		return ""
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return ""
	}
	return v.AsString()
}

// applyLocals replaces each local value the override block defines.
func (m *merger) applyLocals(ov *hclsyntax.Block) {
	for _, name := range sortedSyntaxAttrNames(ov.Body.Attributes) {
		a := ov.Body.Attributes[name]
		ref, ok := m.locals[name]
		if !ok {
			m.diags = append(m.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Missing base local value definition to override",
				Detail:   fmt.Sprintf("There is no local value named %q. An override file can only override a local value that was already defined in a primary configuration file.", name),
				Subject:  a.SrcRange.Ptr(),
			})
			continue
		}
		base := m.block(ref)
		m.setBlock(ref, withBody(base, mergeAttrs(base.Body, map[string]*hclsyntax.Attribute{name: a}, base.Body.Blocks)))
	}
}

// applyTerraform replaces the backend (or cloud) configuration when the
// override block has one. Its required_providers entries are merged by
// requiredProviders; its other settings do not concern vpcplan.
func (m *merger) applyTerraform(file string, ov *hclsyntax.Block) {
	var backends hclsyntax.Blocks
	for _, b := range ov.Body.Blocks {
		if b.Type == "backend" || b.Type == "cloud" {
			backends = append(backends, b)
		}
	}
	if len(backends) == 0 {
		return
	}
	if len(backends) > 1 {
		m.diags = append(m.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate backend configuration",
			Detail:   fmt.Sprintf("Each override file may have only one backend configuration. A backend was previously configured at %s.", backends[0].DefRange()),
			Subject:  backends[1].DefRange().Ptr(),
		})
		return
	}
	strip := func(f *sourceFile) {
		for i, b := range f.body.Blocks {
			if b.Type != "terraform" {
				continue
			}
			var kept hclsyntax.Blocks
			for _, inner := range b.Body.Blocks {
				if inner.Type != "backend" && inner.Type != "cloud" {
					kept = append(kept, inner)
				}
			}
			f.body.Blocks[i] = withBody(b, mergeAttrs(b.Body, nil, kept))
		}
	}
	for _, f := range m.files {
		strip(f)
	}
	for _, f := range m.added {
		strip(f)
	}
	tb := withBody(ov, mergeAttrs(&hclsyntax.Body{SrcRange: ov.Body.SrcRange, EndRange: ov.Body.EndRange}, nil, backends))
	m.added = append(m.added, &sourceFile{name: file, body: &hclsyntax.Body{Blocks: hclsyntax.Blocks{tb}, SrcRange: ov.Range(), EndRange: ov.CloseBraceRange}})
}

// mergeBlock merges the override block ov into base, by the rules of
// base's type.
func (m *merger) mergeBlock(base, ov *hclsyntax.Block) *hclsyntax.Block {
	attrs := map[string]*hclsyntax.Attribute{}
	for name, a := range ov.Body.Attributes {
		attrs[name] = a
	}
	if a, ok := attrs["depends_on"]; ok && base.Type != "provider" && base.Type != "variable" {
		delete(attrs, "depends_on")
		if elems, _ := hcl.ExprList(a.Expr); len(elems) > 0 {
			m.diags = append(m.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unsupported override",
				Detail:   "The depends_on argument may not be overridden.",
				Subject:  elems[0].Range().Ptr(),
			})
		}
	}
	var blocks hclsyntax.Blocks
	switch base.Type {
	case "variable", "output":
		// Validations and preconditions are not overridden.
		blocks = base.Body.Blocks
	case "resource", "data":
		blocks = mergeBlocks(base.Body.Blocks, ov.Body.Blocks, "lifecycle")
		if lc := mergeLifecycle(base.Body.Blocks, ov.Body.Blocks); lc != nil {
			blocks = append(blocks, lc)
		}
	default:
		blocks = mergeBlocks(base.Body.Blocks, ov.Body.Blocks)
	}
	return withBody(base, mergeAttrs(base.Body, attrs, blocks))
}

// mergeBlocks returns base's nested blocks of the types ov does not have
// (a dynamic block counting as its type), then ov's, leaving out the types
// named in except.
func mergeBlocks(base, ov hclsyntax.Blocks, except ...string) hclsyntax.Blocks {
	skip := map[string]bool{}
	for _, t := range except {
		skip[t] = true
	}
	overridden := map[string]bool{}
	for _, b := range ov {
		overridden[generatedType(b)] = true
	}
	var out hclsyntax.Blocks
	for _, b := range base {
		if !skip[b.Type] && !overridden[generatedType(b)] {
			out = append(out, b)
		}
	}
	for _, b := range ov {
		if !skip[b.Type] {
			out = append(out, b)
		}
	}
	return out
}

// generatedType is the type of the blocks a block makes: a dynamic block's
// label, else its type.
func generatedType(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

// lifecycleMerged are the lifecycle arguments an override sets one by one;
// Terraform ignores the rest of an override's lifecycle block.
var lifecycleMerged = []string{"create_before_destroy", "prevent_destroy", "ignore_changes"}

// mergeLifecycle returns the resource's lifecycle block after the
// override's, or nil when neither has one.
func mergeLifecycle(base, ov hclsyntax.Blocks) *hclsyntax.Block {
	var b, o *hclsyntax.Block
	for _, x := range base {
		if x.Type == "lifecycle" && b == nil {
			b = x
		}
	}
	for _, x := range ov {
		if x.Type == "lifecycle" {
			o = x
		}
	}
	switch {
	case o == nil:
		return b
	case b == nil:
		b = withBody(o, &hclsyntax.Body{SrcRange: o.Body.SrcRange, EndRange: o.Body.EndRange})
	}
	attrs := map[string]*hclsyntax.Attribute{}
	for _, name := range lifecycleMerged {
		if a, ok := o.Body.Attributes[name]; ok {
			attrs[name] = a
		}
	}
	return withBody(b, mergeAttrs(b.Body, attrs, b.Body.Blocks))
}

// mergeAttrs returns a copy of body with the attributes replaced or added
// and the given nested blocks.
func mergeAttrs(body *hclsyntax.Body, attrs map[string]*hclsyntax.Attribute, blocks hclsyntax.Blocks) *hclsyntax.Body {
	out := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, Blocks: blocks, SrcRange: body.SrcRange, EndRange: body.EndRange}
	for name, a := range body.Attributes {
		out.Attributes[name] = a
	}
	for name, a := range attrs {
		out.Attributes[name] = a
	}
	return out
}

// withBody returns a copy of the block with another body.
func withBody(b *hclsyntax.Block, body *hclsyntax.Body) *hclsyntax.Block {
	c := *b
	c.Body = body
	return &c
}

func sortedSyntaxAttrNames(attrs hclsyntax.Attributes) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
