package config

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/internal/suggest"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// nodeKind orders the kinds of graph nodes.
type nodeKind uint8

const (
	nodeVariable nodeKind = iota
	nodeLocal
	nodeProvider
	nodeResource
	nodeOutput
	nodeModule
)

// node is a vertex of the evaluation graph: one variable, local, provider
// configuration, resource block or output.
type node struct {
	kind nodeKind
	addr schema.Addr // nodeResource
	name string      // variable, local, output name, provider alias
}

func (n node) less(o node) bool {
	if n.kind != o.kind {
		return n.kind < o.kind
	}
	if n.kind == nodeResource {
		return n.addr.Less(o.addr)
	}
	return n.name < o.name
}

// String returns the node as Terraform names it: var.x, local.y,
// provider["aws"].west, aws_vpc.main, output.z.
func (n node) String() string {
	switch n.kind {
	case nodeVariable:
		return "var." + n.name
	case nodeLocal:
		return "local." + n.name
	case nodeProvider:
		if n.name == "" {
			return "provider.aws"
		}
		return "provider.aws." + n.name
	case nodeOutput:
		return "output." + n.name
	case nodeModule:
		return "module." + n.name
	}
	return n.addr.String()
}

// refCollector gathers the references of expressions and reports the ones
// that name nothing declared.
type refCollector struct {
	cfg   *Config
	diags hcl.Diagnostics
}

// exprRefs returns the references of the expressions, in source order,
// leaving out traversals whose roots are in locals (dynamic block
// iterators).
func (rc *refCollector) traversalRefs(travs []hcl.Traversal, locals map[string]bool) []schema.Reference {
	var refs []schema.Reference
	for _, t := range travs {
		if locals[t.RootName()] {
			continue
		}
		ref, diags := schema.ParseRef(t)
		if diags.HasErrors() {
			rc.diags = append(rc.diags, diags...)
			continue
		}
		refs = append(refs, ref)
	}
	return refs
}

// bodyTraversals returns every traversal of every expression of a native
// syntax body, nested blocks included, skipping the attributes and blocks
// in skip (meta-arguments that are not references). Traversals rooted at a
// dynamic block's iterator are left out, inside that block's content.
func bodyTraversals(body *hclsyntax.Body, skipAttrs, skipBlocks map[string]bool) []hcl.Traversal {
	var out []hcl.Traversal
	var walk func(b *hclsyntax.Body, iterators map[string]bool, top bool)
	walk = func(b *hclsyntax.Body, iterators map[string]bool, top bool) {
		names := make([]string, 0, len(b.Attributes))
		for n := range b.Attributes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if top && skipAttrs[n] {
				continue
			}
			for _, t := range b.Attributes[n].Expr.Variables() {
				if !iterators[t.RootName()] {
					out = append(out, t)
				}
			}
		}
		for _, blk := range b.Blocks {
			if top && skipBlocks[blk.Type] {
				continue
			}
			if blk.Type == "dynamic" && len(blk.Labels) == 1 {
				iter := blk.Labels[0]
				if a := blk.Body.Attributes["iterator"]; a != nil {
					if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
						iter = kw
					}
				}
				if a := blk.Body.Attributes["for_each"]; a != nil {
					for _, t := range a.Expr.Variables() {
						if !iterators[t.RootName()] {
							out = append(out, t)
						}
					}
				}
				if a := blk.Body.Attributes["labels"]; a != nil {
					out = append(out, a.Expr.Variables()...)
				}
				inner := make(map[string]bool, len(iterators)+1)
				for k := range iterators {
					inner[k] = true
				}
				inner[iter] = true
				for _, cb := range blk.Body.Blocks {
					if cb.Type == "content" {
						walk(cb.Body, inner, false)
					}
				}
				continue
			}
			walk(blk.Body, iterators, false)
		}
	}
	walk(body, nil, true)
	return out
}

var (
	resourceSkipAttrs  = map[string]bool{"provider": true, "depends_on": true}
	resourceSkipBlocks = map[string]bool{"lifecycle": true, "provisioner": true, "connection": true}
)

// check reports a reference to something the configuration does not
// declare, with a suggestion. It returns the graph node the reference
// depends on, if any. inCount and inForEach say whether count.* and each.*
// are available.
func (rc *refCollector) check(ref schema.Reference, inCount, inForEach bool) (node, bool) {
	cfg := rc.cfg
	add := func(summary, detail string) {
		rc.diags = append(rc.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: ref.Range.Ptr()})
	}
	switch ref.Kind {
	case schema.RefVariable:
		if cfg.byVariable[ref.Name] == nil {
			detail := fmt.Sprintf("An input variable with the name %q has not been declared.", ref.Name)
			if s := suggest.Closest(ref.Name, variableNames(cfg)); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				detail += fmt.Sprintf(" This variable can be declared with a variable %q {} block.", ref.Name)
			}
			add("Reference to undeclared input variable", detail)
			return node{}, false
		}
		return node{kind: nodeVariable, name: ref.Name}, true
	case schema.RefLocal:
		if cfg.byLocal[ref.Name] == nil {
			detail := fmt.Sprintf("A local value with the name %q has not been declared.", ref.Name)
			if s := suggest.Closest(ref.Name, localNames(cfg)); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			}
			add("Reference to undeclared local value", detail)
			return node{}, false
		}
		return node{kind: nodeLocal, name: ref.Name}, true
	case schema.RefResource:
		if cfg.byAddr[ref.Resource] == nil {
			kind := "managed resource"
			if ref.Resource.Mode == schema.DataMode {
				kind = "data resource"
			}
			detail := fmt.Sprintf("A %s %q %q has not been declared in %s.", kind, ref.Resource.Type, ref.Resource.Name, cfg.moduleName())
			// As Terraform: the one hint is for a data source written
			// without its data. prefix.
			if ref.Resource.Mode == schema.ManagedMode {
				dataAddr := ref.Resource
				dataAddr.Mode = schema.DataMode
				if cfg.byAddr[dataAddr] != nil {
					detail += fmt.Sprintf("\n\nDid you mean the data resource %s?", dataAddr)
				}
			}
			add("Reference to undeclared resource", detail)
			return node{}, false
		}
		rc.checkInstanceKey(ref, cfg.byAddr[ref.Resource])
		return node{kind: nodeResource, addr: ref.Resource}, true
	case schema.RefCount:
		if ref.Name != "index" {
			add(`Invalid "count" attribute`, fmt.Sprintf(`The "count" object does not have an attribute named %q. The only supported attribute is count.index, which is the index of each instance of a resource block that has the "count" argument set.`, ref.Name))
		} else if !inCount {
			add(`Reference to "count" in non-counted context`, `The "count" object can only be used in "module", "resource", and "data" blocks, and only when the "count" argument is set.`)
		}
	case schema.RefEach:
		if ref.Name != "key" && ref.Name != "value" {
			add(`Invalid "each" attribute`, fmt.Sprintf(`The "each" object does not have an attribute named %q. The supported attributes are each.key and each.value, the current key and value pair of the "for_each" attribute set.`, ref.Name))
		} else if !inForEach {
			add(`Reference to "each" in context without for_each`, `The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.`)
		}
	case schema.RefPath:
		if ref.Name != "module" && ref.Name != "root" && ref.Name != "cwd" {
			detail := fmt.Sprintf(`The "path" object does not have an attribute named %q.`, ref.Name)
			if s := suggest.Closest(ref.Name, []string{"cwd", "module", "root"}); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			}
			add(`Invalid "path" attribute`, detail)
		}
	case schema.RefTerraform:
		switch ref.Name {
		case "workspace", "applying":
		case "env":
			add(`Invalid "terraform" attribute`, `The terraform.env attribute was deprecated in v0.10 and removed in v0.12. The "state environment" concept was renamed to "workspace" in v0.12, and so the workspace name can now be accessed using the terraform.workspace attribute.`)
		default:
			add(`Invalid "terraform" attribute`, fmt.Sprintf(`The "terraform" object does not have an attribute named %q. The only supported attributes are terraform.workspace, the name of the currently-selected workspace, and terraform.applying, a boolean which is true only during apply.`, ref.Name))
		}
	case schema.RefModule:
		if cfg.byModule[ref.Name] == nil {
			names := make([]string, len(cfg.Modules))
			for i, m := range cfg.Modules {
				names[i] = m.Name
			}
			detail := fmt.Sprintf("No module call named %q is declared in %s.", ref.Name, cfg.moduleName())
			if s := suggest.Closest(ref.Name, names); s != "" {
				detail += fmt.Sprintf(" Did you mean %q?", s)
			}
			add("Reference to undeclared module", detail)
			return node{}, false
		}
		rc.checkModuleOutput(ref, cfg.byModule[ref.Name])
		return node{kind: nodeModule, name: ref.Name}, true
	case schema.RefSelf:
		add(`Invalid "self" reference`, `The "self" object is not available in this context. This object can be used only in resource provisioner, connection, and postcondition blocks.`)
	}
	return node{}, false
}

// checkModuleOutput reports a reference to an output the called module
// does not declare (module.vpc.vpc_idd), when the module is loaded, with
// the error Terraform's evaluation gives it.
func (rc *refCollector) checkModuleOutput(ref schema.Reference, m *Module) {
	if m.Child == nil || len(ref.Remaining) == 0 {
		return
	}
	rest := ref.Remaining
	if _, keyed := rest[0].(hcl.TraverseIndex); keyed {
		if m.Count == nil && m.ForEach == nil {
			return
		}
		rest = rest[1:]
	} else if m.Count != nil || m.ForEach != nil {
		return
	}
	if len(rest) == 0 {
		return
	}
	a, ok := rest[0].(hcl.TraverseAttr)
	if !ok || m.Child.byOutput(a.Name) != nil {
		return
	}
	// As in terraform validate, the module's value is an unknown object
	// of its outputs.
	outputs := make(map[string]cty.Type, len(m.Child.Outputs))
	for _, o := range m.Child.Outputs {
		outputs[o.Name] = cty.DynamicPseudoType
	}
	trav := hcl.Traversal{hcl.TraverseRoot{Name: "module", SrcRange: ref.Range}, hcl.TraverseAttr{Name: ref.Name, SrcRange: ref.Range}, a}
	rc.diags = append(rc.diags, &hcl.Diagnostic{
		Severity:   hcl.DiagError,
		Summary:    "Unsupported attribute",
		Detail:     fmt.Sprintf("This object does not have an attribute named %q.", a.Name),
		Subject:    a.SrcRange.Ptr(),
		Expression: &hclsyntax.ScopeTraversalExpr{Traversal: trav, SrcRange: hcl.RangeBetween(ref.Range, a.SrcRange)},
		EvalContext: &hcl.EvalContext{Variables: map[string]cty.Value{
			"module": cty.ObjectVal(map[string]cty.Value{ref.Name: cty.UnknownVal(cty.Object(outputs))}),
		}},
	})
}

// checkInstanceKey reports, as Terraform's static reference validation
// does, an attribute read without an instance key from a block with count
// or for_each, and an instance key on a block without either. (A key that
// is not a literal, as in aws_subnet.a[count.index], ends the static
// traversal, so it is not checked.)
func (rc *refCollector) checkInstanceKey(ref schema.Reference, r *Resource) {
	if len(ref.Remaining) == 0 {
		return
	}
	add := func(summary, detail string) {
		rc.diags = append(rc.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: ref.Range.Ptr()})
	}
	if _, keyed := ref.Remaining[0].(hcl.TraverseIndex); keyed {
		if r.Count == nil && r.ForEach == nil {
			add("Unexpected resource instance key", fmt.Sprintf(`Because %s does not have "count" or "for_each" set, references to it must not include an index key. Remove the bracketed index to refer to the single instance of this resource.`, r.Addr))
		}
		return
	}
	if r.Count != nil {
		add("Missing resource instance key", fmt.Sprintf("Because %s has \"count\" set, its attributes must be accessed on specific instances.\n\nFor example, to correlate with indices of a referring resource, use:\n    %s[count.index]", r.Addr, r.Addr))
	}
	if r.ForEach != nil {
		add("Missing resource instance key", fmt.Sprintf("Because %s has \"for_each\" set, its attributes must be accessed on specific instances.\n\nFor example, to correlate with indices of a referring resource, use:\n    %s[each.key]", r.Addr, r.Addr))
	}
}

func variableNames(cfg *Config) []string {
	out := make([]string, len(cfg.Variables))
	for i, v := range cfg.Variables {
		out[i] = v.Name
	}
	return out
}

func localNames(cfg *Config) []string {
	out := make([]string, len(cfg.Locals))
	for i, l := range cfg.Locals {
		out[i] = l.Name
	}
	return out
}
