package schema

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// RefKind tells the kinds of things an expression can refer to apart.
type RefKind int

const (
	// RefResource is a managed resource or data source: aws_vpc.main,
	// data.aws_region.current.
	RefResource RefKind = iota
	// RefVariable is var.NAME.
	RefVariable
	// RefLocal is local.NAME.
	RefLocal
	// RefCount is count.index.
	RefCount
	// RefEach is each.key or each.value.
	RefEach
	// RefPath is path.module, path.root or path.cwd.
	RefPath
	// RefTerraform is terraform.workspace.
	RefTerraform
	// RefModule is module.NAME; modules are not evaluated.
	RefModule
	// RefSelf is self, only valid in provisioners and never evaluated.
	RefSelf
)

// Reference is one reference found in an expression.
type Reference struct {
	Kind RefKind
	// Resource is set for RefResource.
	Resource Addr
	// Name is the variable, local, module, path or terraform attribute name,
	// or "index" / "key" / "value" for count and each.
	Name string
	// Remaining is the rest of the traversal after the part that names the
	// subject: [0].id in aws_subnet.a[0].id.
	Remaining hcl.Traversal
	// Range covers the part of the traversal that names the subject, the
	// tightest range for an "undeclared" diagnostic.
	Range hcl.Range
	// SourceRange covers the whole traversal.
	SourceRange hcl.Range
	// Prefixed is set for a managed resource written with Terraform's
	// "resource." prefix: resource.aws_vpc.main.
	Prefixed bool
}

// ParseRef interprets a traversal found in an expression. It returns error
// diagnostics for traversals that cannot be references (var without a name,
// an unknown root such as "foo.bar" is a resource reference of type foo, as
// in Terraform).
func ParseRef(trav hcl.Traversal) (Reference, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	root := trav.RootName()
	rootRange := trav[0].SourceRange()
	ref := Reference{SourceRange: trav.SourceRange()}

	attrAt := func(i int) (string, hcl.Range, bool) {
		if len(trav) <= i {
			return "", hcl.Range{}, false
		}
		switch s := trav[i].(type) {
		case hcl.TraverseAttr:
			return s.Name, s.SrcRange, true
		}
		return "", hcl.Range{}, false
	}
	invalid := func(summary, detail string, rng hcl.Range) (Reference, hcl.Diagnostics) {
		return Reference{}, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()})
	}

	named := func(kind RefKind, what string) (Reference, hcl.Diagnostics) {
		name, rng, ok := attrAt(1)
		if !ok {
			return invalid("Invalid reference", fmt.Sprintf("The %q object cannot be accessed directly. Instead, access one of its attributes.", root), rootRange)
		}
		_ = what
		ref.Kind = kind
		ref.Name = name
		ref.Range = hcl.RangeBetween(rootRange, rng)
		ref.Remaining = trav[2:]
		return ref, diags
	}

	switch root {
	case "var":
		return named(RefVariable, "variable")
	case "local":
		return named(RefLocal, "local value")
	case "count":
		return named(RefCount, "count")
	case "each":
		return named(RefEach, "each")
	case "path":
		return named(RefPath, "path")
	case "terraform":
		return named(RefTerraform, "terraform")
	case "module":
		return named(RefModule, "module")
	case "self":
		ref.Kind = RefSelf
		ref.Range = rootRange
		ref.Remaining = trav[1:]
		return ref, diags
	case "resource":
		// Terraform's explicit form of a managed resource reference.
		const detail = "The \"resource\" object must be followed by two attribute names: the resource type and the resource name."
		typ, _, ok := attrAt(1)
		if !ok {
			return invalid("Invalid reference", detail, rootRange)
		}
		name, nameRng, ok := attrAt(2)
		if !ok {
			return invalid("Invalid reference", detail, trav.SourceRange())
		}
		ref.Kind = RefResource
		ref.Prefixed = true
		ref.Resource = Addr{Mode: ManagedMode, Type: TypeName(typ), Name: name}
		ref.Range = hcl.RangeBetween(rootRange, nameRng)
		ref.Remaining = trav[3:]
		return ref, diags
	case "data":
		typ, _, ok := attrAt(1)
		if !ok {
			return invalid("Invalid reference", "The \"data\" object must be followed by two attribute names: the data source type and the resource name.", rootRange)
		}
		name, nameRng, ok := attrAt(2)
		if !ok {
			return invalid("Invalid reference", "The \"data\" object must be followed by two attribute names: the data source type and the resource name.", trav.SourceRange())
		}
		ref.Kind = RefResource
		ref.Resource = Addr{Mode: DataMode, Type: TypeName(typ), Name: name}
		ref.Range = hcl.RangeBetween(rootRange, nameRng)
		ref.Remaining = trav[3:]
		return ref, diags
	}
	name, nameRng, ok := attrAt(1)
	if !ok {
		return invalid("Invalid reference", "A reference to a resource type must be followed by at least one attribute access, specifying the resource name.", trav.SourceRange())
	}
	ref.Kind = RefResource
	ref.Resource = Addr{Mode: ManagedMode, Type: TypeName(root), Name: name}
	ref.Range = hcl.RangeBetween(rootRange, nameRng)
	ref.Remaining = trav[2:]
	return ref, diags
}

func parseTraversalString(s string) (hcl.Traversal, hcl.Diagnostics) {
	return hclsyntax.ParseTraversalAbs([]byte(s), "", hcl.InitialPos)
}
