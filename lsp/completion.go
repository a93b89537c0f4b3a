package lsp

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/creachadair/jrpc2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// topLevelBlocks are the block types of a configuration file, with what
// they declare.
var topLevelBlocks = []struct{ name, doc string }{
	{"resource", "A managed resource: `resource \"TYPE\" \"NAME\" { ... }`."},
	{"data", "A data source: `data \"TYPE\" \"NAME\" { ... }`."},
	{"variable", "An input variable: `variable \"NAME\" { type = ..., default = ... }`."},
	{"locals", "Local values: `locals { name = expression }`."},
	{"output", "An output value: `output \"NAME\" { value = ... }`."},
	{"provider", "A provider configuration: `provider \"aws\" { region = ... }`."},
	{"module", "A module call: `module \"NAME\" { source = ... }`."},
	{"terraform", "Settings: `required_version`, `required_providers`, `backend`."},
	{"moved", "A refactoring: `moved { from = ..., to = ... }`."},
	{"check", "Assertions checked at plan time: `check \"NAME\" { assert { ... } }`."},
}

// metaArguments are the arguments every resource and data block takes.
var metaArguments = []struct{ name, doc string }{
	{"count", "The number of instances to create."},
	{"for_each", "A map or set of strings: one instance per element."},
	{"provider", "The provider configuration to use, such as `aws.west`."},
	{"depends_on", "Dependencies that references do not express."},
}

// docAt returns an open document and the latest analysis of its directory.
func (s *Server) docAt(uri string) (*document, *analysis, error) {
	path, err := uriToPath(uri)
	if err != nil {
		return nil, nil, &jrpc2.Error{Code: jrpc2.InvalidParams, Message: err.Error()}
	}
	d := s.docs.get(path)
	if d == nil {
		return nil, nil, &jrpc2.Error{Code: jrpc2.InvalidParams, Message: fmt.Sprintf("document %s is not open", uri)}
	}
	return d, s.current(filepath.Dir(path)), nil
}

func (s *Server) completion(_ context.Context, p *CompletionParams) (*CompletionList, error) {
	d, a, err := s.docAt(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := d.text.offset(p.Position)
	c := cursorAt(d.text.src, off)
	items := s.complete(c, a, d.text, off)
	sort.SliceStable(items, func(i, j int) bool { return items[i].SortText < items[j].SortText })
	if items == nil {
		items = []CompletionItem{}
	}
	return &CompletionList{Items: items}, nil
}

// complete returns the completions for the cursor; a is the directory's
// latest analysis (its configuration may be partial).
func (s *Server) complete(c cursor, a *analysis, t *text, off int) []CompletionItem {
	sc := scopeOf(c, s.catalog)
	switch {
	case c.inString && c.attr == "":
		return s.completeLabel(c, t, off)
	case c.attr != "":
		return s.completeValue(c, sc, a, t, off)
	case len(c.line) > 1:
		return nil // a header or statement past its first word
	case len(c.blocks) == 0:
		var items []CompletionItem
		for _, b := range topLevelBlocks {
			items = append(items, CompletionItem{Label: b.name, Kind: KindKeyword, Documentation: markdown(b.doc)})
		}
		return items
	}
	return s.completeNames(sc)
}

// completeLabel completes a block's first label: resource and data source
// types.
func (s *Server) completeLabel(c cursor, t *text, off int) []CompletionItem {
	if len(c.blocks) > 0 || len(c.line) == 0 {
		return nil
	}
	labels := 0
	for _, tok := range c.line {
		if tok.Type == hclsyntax.TokenCQuote {
			labels++
		}
	}
	if labels != 0 {
		return nil
	}
	var rs []*schema.Resource
	switch string(c.line[0].Bytes) {
	case "resource":
		rs = schema.Resources()
	case "data":
		rs = schema.DataSources()
	default:
		return nil
	}
	edit := Range{Start: t.position(c.stringStart), End: t.position(off)}
	var items []CompletionItem
	for _, r := range rs {
		items = append(items, CompletionItem{
			Label: string(r.Type), Kind: KindClass, Detail: r.Mode.String(),
			Documentation: markdown(r.Description),
			TextEdit:      &TextEdit{Range: edit, NewText: string(r.Type)},
		})
	}
	return items
}

// completeNames completes the attribute and nested block names of a
// block: required ones first, then optional ones, then blocks, each group
// by name.
func (s *Server) completeNames(sc scope) []CompletionItem {
	if sc.block == nil {
		return nil
	}
	var items []CompletionItem
	for _, name := range sc.block.AttributeNames() {
		at := sc.block.Attributes[name]
		if !at.Required && !at.Optional {
			continue // computed only
		}
		rank := "1"
		if at.Required {
			rank = "0"
		}
		items = append(items, CompletionItem{
			Label: name, Kind: KindProperty, Detail: attrDetail(at),
			Documentation: markdown(at.Description), SortText: rank + name,
		})
	}
	for _, name := range sc.block.BlockNames() {
		nb := sc.block.Blocks[name]
		rank := "3"
		if nb.MinItems > 0 {
			rank = "0"
		}
		items = append(items, CompletionItem{
			Label: name, Kind: KindStruct, Detail: "block", Documentation: markdown(blockDoc(nb)), SortText: rank + name,
		})
	}
	if sc.top {
		for _, m := range metaArguments {
			items = append(items, CompletionItem{Label: m.name, Kind: KindKeyword, Detail: "meta-argument", Documentation: markdown(m.doc), SortText: "4" + m.name})
		}
		items = append(items, CompletionItem{Label: "lifecycle", Kind: KindKeyword, Detail: "meta-argument block", SortText: "4lifecycle"})
	}
	return items
}

func blockDoc(nb *schema.NestedBlock) string {
	// Nested blocks carry their description on the builders' Block; the
	// schema has none for most, so say how it repeats.
	switch nb.Nesting {
	case schema.NestingSingle:
		return "A nested block (at most one)."
	case schema.NestingSet:
		return "A nested block (a set)."
	}
	return "A nested block (a list)."
}

// attrDetail is an attribute's type and kind: "string, required".
func attrDetail(at *schema.Attribute) string {
	kind := "optional"
	switch {
	case at.Required:
		kind = "required"
	case !at.Optional:
		kind = "computed"
	}
	if at.ForceNew {
		kind += ", forces replacement"
	}
	return at.Type.FriendlyName() + ", " + kind
}

// completeValue completes an attribute's value: enum values and service
// names as strings, and references.
func (s *Server) completeValue(c cursor, sc scope, a *analysis, t *text, off int) []CompletionItem {
	var at *schema.Attribute
	if sc.block != nil {
		at = sc.block.Attributes[c.attr]
	}
	values := s.valuesFor(c.attr, at, sc, a)
	var items []CompletionItem
	if c.inString {
		edit := Range{Start: t.position(c.stringStart), End: t.position(off)}
		for i, v := range values {
			items = append(items, CompletionItem{
				Label: v.label, Kind: KindEnum, Detail: v.detail, SortText: fmt.Sprintf("%04d", i),
				TextEdit: &TextEdit{Range: edit, NewText: v.label},
			})
		}
		return items
	}
	word := c.word
	if !strings.Contains(word, ".") {
		for i, v := range values {
			items = append(items, CompletionItem{
				Label: `"` + v.label + `"`, Kind: KindEnum, Detail: v.detail, SortText: fmt.Sprintf("0%04d", i),
				FilterText: `"` + v.label + `"`,
			})
		}
	}
	return append(items, s.completeReference(word, a)...)
}

type value struct{ label, detail string }

// quoted matches the quoted literals of a description: the values of an
// enumeration written as `"Gateway", "Interface" or "GatewayLoadBalancer"`.
var quoted = regexp.MustCompile(`"([A-Za-z0-9][A-Za-z0-9_.:*-]*)"`)

// enumeration matches an enumeration of capitalised words in prose, such
// as "Enabled, Suspended or Disabled".
var enumeration = regexp.MustCompile(`\b((?:[A-Z][A-Za-z0-9-]*, )*[A-Z][A-Za-z0-9-]*) (?:or|and) ([A-Z][A-Za-z0-9-]*)\b`)

// onlyValue matches "only Destination is valid".
var onlyValue = regexp.MustCompile(`\bonly ([A-Z][A-Za-z0-9-]*) is valid\b`)

// valuesFor returns the values an attribute takes, in the order the
// schema gives them: vpc_endpoint_type's from the endpoint types, an
// endpoint's service_name from the service catalog for the endpoint's
// Region, and otherwise the values its description enumerates.
func (s *Server) valuesFor(name string, at *schema.Attribute, sc scope, a *analysis) []value {
	if at == nil || !(at.Type == cty.String || at.Type.IsSetType() || at.Type.IsListType()) {
		return nil
	}
	if sc.resource != nil && sc.resource.Type == schema.TypeVPCEndpoint && sc.top {
		switch name {
		case "vpc_endpoint_type":
			var out []value
			for _, et := range schema.EndpointTypes() {
				out = append(out, value{label: string(et), detail: "endpoint type"})
			}
			return out
		case "service_name":
			return s.serviceNames(sc, a)
		}
	}
	var out []value
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, value{label: v})
		}
	}
	for _, m := range quoted.FindAllStringSubmatch(at.Description, -1) {
		add(m[1])
	}
	if len(out) == 0 {
		for _, m := range enumeration.FindAllStringSubmatch(at.Description, -1) {
			for _, v := range strings.Split(m[1], ", ") {
				add(v)
			}
			add(m[2])
		}
		for _, m := range onlyValue.FindAllStringSubmatch(at.Description, -1) {
			add(m[1])
		}
	}
	return out
}

// serviceNames returns the catalog's service names for the Region of the
// endpoint at the cursor: its instance's in the latest model, else the
// default provider's; none when the Region is not known.
func (s *Server) serviceNames(sc scope, a *analysis) []value {
	region, partition := "", "aws"
	if m := a.modelOrGood(); m != nil {
		for _, inst := range m.OfType(schema.TypeVPCEndpoint) {
			if inst.Addr.Resource.Module == "" && inst.Addr.Resource.Name == sc.addr.Name && inst.Region != "" {
				region = inst.Region
				if inst.Provider != nil && inst.Provider.Partition != "" {
					partition = inst.Provider.Partition
				}
				break
			}
		}
		if region == "" {
			if pc := m.Providers[""]; pc != nil && pc.Region != "" {
				region = pc.Region
				if pc.Partition != "" {
					partition = pc.Partition
				}
			}
		}
	}
	if region == "" {
		return nil
	}
	var out []value
	for _, svc := range schema.Services() {
		types := strings.Join(svc.TypeNames(), ", ")
		out = append(out, value{label: svc.FullName(partition, region), detail: svc.Title + " (" + types + ")"})
	}
	return out
}

// completeReference completes a reference being typed: the first step
// (resource types, var, local, data, module), then names, then
// attributes.
func (s *Server) completeReference(word string, a *analysis) []CompletionItem {
	cfgs := a.configs()
	if len(cfgs) == 0 {
		return nil
	}
	var items []CompletionItem
	seenItem := map[string]bool{}
	add := func(label string, kind int, detail, doc string) {
		if seenItem[label] {
			return
		}
		seenItem[label] = true
		it := CompletionItem{Label: label, Kind: kind, Detail: detail, SortText: "1" + label}
		if doc != "" {
			it.Documentation = markdown(doc)
		}
		items = append(items, it)
	}
	for _, cfg := range cfgs {
		completeReferenceIn(cfg, word, add, s.attributesOf)
	}
	return items
}

// completeReferenceIn adds the completions of a reference from one
// configuration's declarations.
func completeReferenceIn(cfg *config.Config, word string, add func(string, int, string, string), attributesOf func(schema.Mode, string, func(string, int, string, string))) {
	parts := strings.Split(word, ".")
	switch len(parts) {
	case 1:
		seen := map[string]bool{}
		for _, r := range cfg.Resources {
			if r.Addr.Mode == schema.ManagedMode && !seen[string(r.Addr.Type)] {
				seen[string(r.Addr.Type)] = true
				add(string(r.Addr.Type), KindClass, "resource type", "")
			}
		}
		for _, k := range []string{"var", "local", "data", "module", "count", "each", "path"} {
			add(k, KindKeyword, "", "")
		}
		return
	}
	root, rest := parts[0], parts[1:]
	switch root {
	case "var":
		if len(rest) == 1 {
			for _, v := range cfg.Variables {
				add(v.Name, KindVariable, "variable", v.Description)
			}
		}
	case "local":
		if len(rest) == 1 {
			for _, l := range cfg.Locals {
				add(l.Name, KindVariable, "local value", "")
			}
		}
	case "module":
		if len(rest) == 1 {
			for _, m := range cfg.Modules {
				add(m.Name, KindModule, "module", "")
			}
		}
	case "data":
		switch len(rest) {
		case 1:
			seen := map[string]bool{}
			for _, r := range cfg.Resources {
				if r.Addr.Mode == schema.DataMode && !seen[string(r.Addr.Type)] {
					seen[string(r.Addr.Type)] = true
					add(string(r.Addr.Type), KindClass, "data source", "")
				}
			}
		case 2:
			resourceNames(cfg.Resources, schema.DataMode, rest[0], add)
		case 3:
			attributesOf(schema.DataMode, rest[0], add)
		}
	default:
		switch len(rest) {
		case 1:
			resourceNames(cfg.Resources, schema.ManagedMode, root, add)
		case 2:
			attributesOf(schema.ManagedMode, root, add)
		}
	}
}

func resourceNames(rs []*config.Resource, mode schema.Mode, typ string, add func(string, int, string, string)) {
	for _, r := range rs {
		if r.Addr.Mode == mode && string(r.Addr.Type) == typ {
			add(r.Addr.Name, KindVariable, r.Addr.String(), "")
		}
	}
}

// attributesOf adds every attribute and block of a type, computed ones
// included: what a reference can read.
func (s *Server) attributesOf(mode schema.Mode, typ string, add func(string, int, string, string)) {
	r := s.catalog.Lookup(mode, schema.TypeName(typ))
	if r == nil {
		return
	}
	names := append(append([]string(nil), r.AttributeNames()...), r.BlockNames()...)
	sort.Strings(names)
	for _, n := range names {
		if at := r.Attributes[n]; at != nil {
			add(n, KindField, attrDetail(at), at.Description)
		} else {
			add(n, KindField, "block", "")
		}
	}
}
