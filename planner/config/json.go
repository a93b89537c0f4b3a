package config

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/exprbound"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// This file reads Terraform's JSON syntax (*.tf.json, *.hcl.json) by
// converting each file's body, once parsed by hcl/v2/json, into a native
// syntax body (*hclsyntax.Body) whose expressions and ranges point into the
// JSON source. Everything after loading (decoding, references, dynamic
// blocks, source ranges for rules, overrides) then handles one kind of body.
//
// A JSON object does not say whether a property is an argument or a
// block, so the conversion follows the schema of each block, as
// hcl/v2/json does when a body is decoded: the block types of the file,
// the meta-argument blocks of resources, and the nested blocks of each
// resource type in the catalog. Every other property is an argument.
// Values convert as hcl/v2/json evaluates them: a string is a template
// (the attributes Terraform reads as references or type constraints, such
// as depends_on, provider and type, are parsed as native expressions
// instead, as Terraform does), a number, bool or null a literal, an array
// a tuple and an object an object whose keys are templates.

// jsonShape is what a JSON body holds at one level: its block types, the
// arguments whose strings are native expressions rather than templates,
// and whether dynamic blocks may generate its nested blocks.
type jsonShape struct {
	blocks  map[string]jsonBlockShape
	native  map[string]bool
	dynamic bool
	// closed bodies take nothing but their blocks and the arguments in
	// attrs: another property is reported as hcl/v2/json reports it
	// ("Extraneous JSON object property") and left out, rather than
	// converted to an argument that decoding would reject with other
	// words. Resource bodies are open: decoding knows their arguments
	// and what became of removed ones.
	closed bool
	attrs  map[string]bool
}

// jsonBlockShape is one block type: the names of its labels (for
// hcl/v2/json's messages) and the shape of its body, which may depend on
// the labels (a resource's type).
type jsonBlockShape struct {
	labels []string
	body   func(labels []string) *jsonShape
}

func fixed(s *jsonShape) func([]string) *jsonShape { return func([]string) *jsonShape { return s } }

// closedShape is a closed body with the blocks and the named arguments.
func closedShape(blocks map[string]jsonBlockShape, native map[string]bool, attrs ...string) *jsonShape {
	s := &jsonShape{blocks: blocks, native: native, closed: true, attrs: map[string]bool{}}
	for _, a := range attrs {
		s.attrs[a] = true
	}
	return s
}

var (
	// attrsOnly is a body of arguments only.
	attrsOnly = &jsonShape{}

	conditionShape = jsonBlockShape{body: fixed(closedShape(nil, nil, "condition", "error_message"))}

	lifecycleShape = closedShape(
		map[string]jsonBlockShape{"precondition": conditionShape, "postcondition": conditionShape},
		map[string]bool{"ignore_changes": true, "replace_triggered_by": true},
		"create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by",
	)

	connectionShape = jsonBlockShape{body: fixed(attrsOnly)}

	provisionerShape = jsonBlockShape{labels: []string{"type"}, body: fixed(&jsonShape{
		blocks: map[string]jsonBlockShape{"connection": connectionShape},
		native: map[string]bool{"when": true, "on_failure": true},
	})}
)

// jsonFileShape returns the shape of a configuration file's top level.
func (l *Loader) jsonFileShape() *jsonShape {
	resource := func(mode schema.Mode) jsonBlockShape {
		return jsonBlockShape{labels: []string{"type", "name"}, body: func(labels []string) *jsonShape {
			return l.jsonResourceShape(mode, schema.TypeName(labels[0]))
		}}
	}
	name := []string{"name"}
	return &jsonShape{closed: true, blocks: map[string]jsonBlockShape{
		"terraform": {body: fixed(&jsonShape{blocks: map[string]jsonBlockShape{
			"required_providers": {body: fixed(attrsOnly)},
			"backend":            {labels: []string{"type"}, body: fixed(attrsOnly)},
			"cloud":              {body: fixed(&jsonShape{blocks: map[string]jsonBlockShape{"workspaces": {body: fixed(attrsOnly)}}})},
			"provider_meta":      {labels: []string{"provider"}, body: fixed(attrsOnly)},
		}})},
		"provider": {labels: name, body: func(labels []string) *jsonShape {
			if labels[0] != "aws" {
				return attrsOnly
			}
			s := &jsonShape{blocks: map[string]jsonBlockShape{}}
			for _, b := range providerSchema.Blocks {
				s.blocks[b.Type] = jsonBlockShape{body: fixed(attrsOnly)}
			}
			return s
		}},
		"variable": {labels: name, body: fixed(closedShape(
			map[string]jsonBlockShape{"validation": conditionShape},
			map[string]bool{"type": true},
			variableAttrs()...,
		))},
		"locals": {body: fixed(attrsOnly)},
		"output": {labels: name, body: fixed(closedShape(
			map[string]jsonBlockShape{"precondition": conditionShape},
			map[string]bool{"depends_on": true},
			outputAttrs()...,
		))},
		"resource": resource(schema.ManagedMode),
		"data":     resource(schema.DataMode),
		"module": {labels: name, body: fixed(&jsonShape{
			native: map[string]bool{"providers": true, "depends_on": true},
		})},
		"moved":  {body: fixed(&jsonShape{native: map[string]bool{"from": true, "to": true}})},
		"import": {body: fixed(&jsonShape{native: map[string]bool{"to": true, "provider": true}})},
		"removed": {body: fixed(&jsonShape{
			blocks: map[string]jsonBlockShape{"lifecycle": {body: fixed(attrsOnly)}, "provisioner": provisionerShape},
			native: map[string]bool{"from": true},
		})},
		"check": {labels: name, body: fixed(&jsonShape{blocks: map[string]jsonBlockShape{
			"data":   resource(schema.DataMode),
			"assert": conditionShape,
		}})},
	}}
}

// jsonResourceShape is the shape of a resource or data block: its
// meta-arguments, and the nested blocks of its type when the catalog
// knows it (a type it does not know holds arguments only).
func (l *Loader) jsonResourceShape(mode schema.Mode, typ schema.TypeName) *jsonShape {
	s := &jsonShape{
		blocks: map[string]jsonBlockShape{"lifecycle": {body: fixed(lifecycleShape)}},
		native: map[string]bool{"provider": true, "depends_on": true},
	}
	if mode == schema.ManagedMode {
		s.blocks["provisioner"] = provisionerShape
		s.blocks["connection"] = connectionShape
	}
	if sch := l.catalog.Lookup(mode, typ); sch != nil {
		addBlockShapes(s, &sch.Block)
	}
	return s
}

// addBlockShapes adds the nested blocks of a schema block to s, and
// allows dynamic blocks to generate them.
func addBlockShapes(s *jsonShape, b *schema.Block) {
	s.dynamic = true
	for name, nb := range b.Blocks {
		nested := &nb.Block
		s.blocks[name] = jsonBlockShape{body: func([]string) *jsonShape {
			inner := &jsonShape{blocks: map[string]jsonBlockShape{}}
			addBlockShapes(inner, nested)
			return inner
		}}
	}
}

// jsonConverter converts the bodies of one JSON file.
type jsonConverter struct {
	src   []byte
	diags hcl.Diagnostics
}

// jsonToSyntax converts the top-level body of a parsed JSON file.
func (l *Loader) jsonToSyntax(f *hcl.File) (*hclsyntax.Body, hcl.Diagnostics) {
	c := &jsonConverter{src: f.Bytes}
	end := f.Body.MissingItemRange()
	whole := hcl.Range{Filename: end.Filename, Start: hcl.InitialPos, End: end.End}
	b := c.body(f.Body, l.jsonFileShape(), whole, end)
	return b, c.diags
}

// body converts one JSON body of the shape; rng covers it and end is its
// closing brace.
func (c *jsonConverter) body(jb hcl.Body, shape *jsonShape, rng, end hcl.Range) *hclsyntax.Body {
	hs := &hcl.BodySchema{}
	for typ, bs := range shape.blocks {
		hs.Blocks = append(hs.Blocks, hcl.BlockHeaderSchema{Type: typ, LabelNames: bs.labels})
	}
	if shape.dynamic {
		hs.Blocks = append(hs.Blocks, hcl.BlockHeaderSchema{Type: "dynamic", LabelNames: []string{"type"}})
	}
	content, remain, diags := jb.PartialContent(hs)
	c.diags = append(c.diags, diags...)
	attrs, moreDiags := remain.JustAttributes()
	if !diags.HasErrors() {
		// A body that is not an object fails both ways; once is enough.
		c.diags = append(c.diags, moreDiags...)
	}
	if shape.closed {
		attrs = c.extraneous(attrs, shape, hs)
	}

	out := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: rng, EndRange: end}
	for name, a := range attrs {
		out.Attributes[name] = &hclsyntax.Attribute{
			Name:      name,
			Expr:      c.expr(a.Expr, shape.native[name]),
			SrcRange:  a.Range,
			NameRange: a.NameRange,
		}
	}
	for _, jb := range content.Blocks {
		var inner *jsonShape
		if jb.Type == "dynamic" {
			inner = dynamicShape(shape.blocks[jb.Labels[0]])
		} else {
			inner = shape.blocks[jb.Type].body(jb.Labels)
		}
		close := jb.Body.MissingItemRange()
		typeRange := jb.TypeRange
		if len(jb.LabelRanges) > 0 {
			// hclsyntax.Block.DefRange runs from the type to the last
			// label, which in JSON are keys on different lines; the last
			// label alone is the block's header.
			typeRange = jb.LabelRanges[len(jb.LabelRanges)-1]
		}
		out.Blocks = append(out.Blocks, &hclsyntax.Block{
			Type:            jb.Type,
			Labels:          jb.Labels,
			Body:            c.body(jb.Body, inner, hcl.RangeBetween(jb.DefRange, close), close),
			TypeRange:       typeRange,
			LabelRanges:     jb.LabelRanges,
			OpenBraceRange:  jb.DefRange,
			CloseBraceRange: close,
		})
	}
	sortBlocksBySource(out.Blocks)
	return out
}

// dynamicShape is the shape of a dynamic block generating blocks of the
// given shape (arguments only when the type is unknown).
func dynamicShape(target jsonBlockShape) *jsonShape {
	content := attrsOnly
	if target.body != nil {
		content = target.body(nil)
	}
	return closedShape(
		map[string]jsonBlockShape{"content": {body: fixed(content)}},
		map[string]bool{"iterator": true},
		"for_each", "iterator", "labels",
	)
}

// extraneous reports the properties of a closed body that are not its
// arguments, as hcl/v2/json's Content does, in source order, and returns
// the arguments.
func (c *jsonConverter) extraneous(attrs hcl.Attributes, shape *jsonShape, hs *hcl.BodySchema) hcl.Attributes {
	names := make([]string, 0, len(shape.attrs)+len(hs.Blocks))
	for a := range shape.attrs {
		names = append(names, a)
	}
	for _, b := range hs.Blocks {
		names = append(names, b.Type)
	}
	sort.Strings(names)
	var bad []*hcl.Attribute
	kept := hcl.Attributes{}
	for name, a := range attrs {
		if shape.attrs[name] {
			kept[name] = a
		} else {
			bad = append(bad, a)
		}
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].NameRange.Start.Byte < bad[j].NameRange.Start.Byte })
	for _, a := range bad {
		detail := fmt.Sprintf("No argument or block type is named %q.", a.Name)
		if s := suggest.Closest(a.Name, names); s != "" {
			detail = fmt.Sprintf("No argument or block type is named %q. Did you mean %q?", a.Name, s)
		}
		c.diags = append(c.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Extraneous JSON object property",
			Detail:   detail,
			Subject:  a.NameRange.Ptr(),
			Context:  a.Range.Ptr(),
		})
	}
	return kept
}

// variableAttrs and outputAttrs are the arguments of variable and output
// blocks, from the schemas decoding uses.
func variableAttrs() []string { return schemaAttrNames(variableSchema) }
func outputAttrs() []string   { return schemaAttrNames(outputSchema) }

func schemaAttrNames(s *hcl.BodySchema) []string {
	names := make([]string, len(s.Attributes))
	for i, a := range s.Attributes {
		names[i] = a.Name
	}
	return names
}

// sortBlocksBySource orders blocks as they appear in the file, as the
// native syntax lists them.
func sortBlocksBySource(blocks []*hclsyntax.Block) {
	for i := 1; i < len(blocks); i++ {
		for j := i; j > 0 && blocks[j].OpenBraceRange.Start.Byte < blocks[j-1].OpenBraceRange.Start.Byte; j-- {
			blocks[j], blocks[j-1] = blocks[j-1], blocks[j]
		}
	}
}

// expr converts a JSON value: a string to a template (or, native, to the
// expression it holds), an array to a tuple, an object to an object, and
// anything else to a literal.
func (c *jsonConverter) expr(e hcl.Expression, native bool) hclsyntax.Expression {
	rng := e.Range()
	open := hcl.Range{Filename: rng.Filename, Start: rng.Start, End: hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + 1, Byte: rng.Start.Byte + 1}}
	var first byte
	if rng.Start.Byte < len(c.src) {
		first = c.src[rng.Start.Byte]
	}
	switch first {
	case '"':
		v, _ := e.Value(nil) // verbatim without an EvalContext
		return c.parseString(v.AsString(), rng, native)
	case '[':
		elems, diags := hcl.ExprList(e)
		c.diags = append(c.diags, diags...)
		out := &hclsyntax.TupleConsExpr{SrcRange: rng, OpenRange: open}
		for _, el := range elems {
			out.Exprs = append(out.Exprs, c.expr(el, native))
		}
		return out
	case '{':
		pairs, diags := hcl.ExprMap(e)
		c.diags = append(c.diags, diags...)
		out := &hclsyntax.ObjectConsExpr{SrcRange: rng, OpenRange: open}
		seen := map[string]hcl.Range{}
		for _, p := range pairs {
			kv, _ := p.Key.Value(nil)
			key := kv.AsString()
			krng := p.Key.Range()
			if prev, dup := seen[key]; dup {
				c.diags = append(c.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Duplicate object attribute",
					Detail:   fmt.Sprintf("An attribute named %q was already defined at %s.", key, prev),
					Subject:  krng.Ptr(),
				})
				continue
			}
			seen[key] = krng
			out.Items = append(out.Items, hclsyntax.ObjectConsItem{
				KeyExpr:   &hclsyntax.ObjectConsKeyExpr{Wrapped: c.parseString(key, krng, native)},
				ValueExpr: c.expr(p.Value, native),
			})
		}
		return out
	}
	v, diags := e.Value(nil)
	c.diags = append(c.diags, diags...)
	return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}
}

// parseString parses the contents of the JSON string at rng as a template
// or, native, as an expression, as hcl/v2/json does: positions start after
// the opening quote and do not account for escapes.
func (c *jsonConverter) parseString(s string, rng hcl.Range, native bool) hclsyntax.Expression {
	start := hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + 1, Byte: rng.Start.Byte + 1}
	var expr hclsyntax.Expression
	var diags hcl.Diagnostics
	if native {
		expr, diags = hclsyntax.ParseExpression([]byte(s), rng.Filename, start)
	} else {
		expr, diags = hclsyntax.ParseTemplate([]byte(s), rng.Filename, start)
	}
	c.diags = append(c.diags, diags...)
	if diags.HasErrors() {
		return &hclsyntax.LiteralValueExpr{Val: cty.DynamicVal, SrcRange: rng}
	}
	exprbound.PrepareExpr(expr)
	return expr
}
