package config

import (
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// Config is a decoded, not yet evaluated, configuration: every block of
// every file, with its expressions. It is immutable after Load.
type Config struct {
	// Files maps each loaded file name, as given or found, to its parsed
	// form, for diagnostic snippets.
	Files map[string]*hcl.File
	// FileNames lists the loaded files, sorted.
	FileNames []string
	// Dir is the directory relative file functions resolve against: the
	// first path given, or its directory when it is a file; for a child
	// module, its directory. RootDir is the root module's (path.root).
	Dir     string
	RootDir string
	// Path lists the module calls from the root module to this one (empty
	// for the root module).
	Path []string

	Resources []*Resource // managed and data, sorted by Addr
	Variables []*Variable // sorted by name
	Locals    []*Local    // sorted by name
	Outputs   []*Output   // sorted by name
	Providers []*Provider // sorted by alias, the default ("") first
	Modules   []*Module   // sorted by name
	Checks    []*Check    // sorted by name
	// Moved are the moved blocks, in file order.
	Moved []*Moved
	// CoreVersionConstraints are the terraform { required_version }
	// constraints, in file order; see CheckCoreVersion.
	CoreVersionConstraints []VersionConstraint
	Backend                *Backend // the terraform { backend } block, or nil
	// RequiredProviders are the entries of terraform { required_providers },
	// by local name, override files' entries included.
	RequiredProviders map[string]*RequiredProvider

	// externalFuncs are the functions of providers vpcplan does not run
	// that the configuration calls (see checkProviderFunctions).
	externalFuncs []string

	byAddr     map[schema.Addr]*Resource
	byVariable map[string]*Variable
	byLocal    map[string]*Local
	byProvider map[string]*Provider
	// providerDecls are the declaration ranges of every provider block,
	// of every provider, for Terraform's duplicate configuration error.
	providerDecls map[providerKey]hcl.Range
	byModule      map[string]*Module
	byCheck       map[string]*Check
}

// providerKey identifies a provider configuration: a provider's local
// name and an alias ("" for the default configuration).
type providerKey struct{ name, alias string }

// Resource is one resource or data block.
type Resource struct {
	Addr schema.Addr
	// Schema is nil for a type outside the catalog that Load skipped (in a
	// .tf file); such a block evaluates to an unknown value.
	Schema *schema.Resource

	Count     *hcl.Attribute // nil when absent
	ForEach   *hcl.Attribute // nil when absent
	Provider  *ProviderRef   // nil: the default aws provider
	DependsOn []hcl.Traversal
	Lifecycle Lifecycle

	// Body is the block's body less its meta-arguments.
	Body hcl.Body
	// Syntax is the whole block body as parsed, meta-arguments included;
	// rules and the reference walk read it for ranges.
	Syntax *hclsyntax.Body
	// DeclRange covers `resource "type" "name"`; TypeRange and NameRange
	// the two labels.
	DeclRange hcl.Range
	TypeRange hcl.Range
	NameRange hcl.Range
	// File is the name of the file that declares the block.
	File string
}

// Lifecycle is a resource's lifecycle block.
type Lifecycle struct {
	CreateBeforeDestroy bool
	PreventDestroy      bool
	// IgnoreChanges lists attribute paths; IgnoreAllChanges is `all`.
	IgnoreChanges    []hcl.Traversal
	IgnoreAllChanges bool
	Range            hcl.Range // of the block, or empty
}

// ProviderRef is the `provider = aws.alias` meta-argument.
type ProviderRef struct {
	Name  string // "aws"
	Alias string // "" for the default configuration
	Range hcl.Range
}

// String returns "aws" or "aws.alias".
func (p ProviderRef) String() string {
	if p.Alias == "" {
		return p.Name
	}
	return p.Name + "." + p.Alias
}

// Variable is a `variable` block.
type Variable struct {
	Name        string
	Description string
	Type        hcl.Expression // nil: any
	// ConstraintType is the type constraint Type gives (with optional
	// attributes), cty.DynamicPseudoType when there is none or it is
	// invalid; TypeDefaults are its optional attributes' defaults, or nil.
	ConstraintType cty.Type
	TypeDefaults   *typeexpr.Defaults
	Default        *hcl.Attribute
	Sensitive      bool
	Nullable       bool // default true, as in Terraform
	Validations    []*CheckRule
	DeclRange      hcl.Range
}

// CheckRule is a condition with its error message: a variable's
// validation block, an output's precondition, a check block's assert.
type CheckRule struct {
	Condition    hcl.Expression
	ErrorMessage hcl.Expression
	DeclRange    hcl.Range
}

// Local is one entry of a `locals` block.
type Local struct {
	Name string
	Expr hcl.Expression
	// DeclRange covers the whole definition (name = expression), as
	// Terraform's does.
	DeclRange hcl.Range
}

// Output is an `output` block.
type Output struct {
	Name          string
	Expr          hcl.Expression
	Description   string
	Sensitive     bool
	DependsOn     []hcl.Traversal
	Preconditions []*CheckRule
	DeclRange     hcl.Range
}

// Moved is a `moved` block: its ends are relative to the module that
// declares it.
type Moved struct {
	From, To  schema.MoveEndpoint
	DeclRange hcl.Range
}

// Check is a `check` block: assertions that fail as warnings, evaluated
// at plan time only, as Terraform evaluates them.
type Check struct {
	Name      string
	Asserts   []*CheckRule
	DeclRange hcl.Range
}

// Provider is a `provider "aws"` block.
type Provider struct {
	Name              string // "aws"
	Alias             string
	Region            hcl.Expression // nil when absent
	AllowedAccountIDs hcl.Expression
	AssumeRoleARN     hcl.Expression // assume_role { role_arn }
	Body              hcl.Body
	DeclRange         hcl.Range
}

// Module is a `module` block: a call of a child module.
type Module struct {
	Name string
	// Source is the source argument as written; SourceRange its value's
	// range. Version is the version argument, "" when absent.
	Source      string
	SourceRange hcl.Range
	Version     string

	Count     *hcl.Attribute // nil when absent
	ForEach   *hcl.Attribute // nil when absent
	DependsOn []hcl.Traversal
	// Providers is the providers map, in the order written.
	Providers []ProviderPass
	// Args are the input variable arguments, by name.
	Args map[string]*hcl.Attribute

	// Child is the called module's configuration, nil when it was not
	// loaded: a remote source that `terraform init` has not installed, or
	// one that failed to load (the loader reported why). Dir is the
	// directory it was read from.
	Child *Config
	Dir   string

	DeclRange hcl.Range
	NameRange hcl.Range
	// BodyRange is where Terraform reports a missing argument: the
	// block body's missing-item range.
	BodyRange hcl.Range
}

// ProviderPass is one entry of a module call's providers map: the child's
// provider configuration (aws or aws.alias) and the parent's that it is.
type ProviderPass struct {
	InChild  ProviderRef
	InParent ProviderRef
}

// VersionConstraint is a version constraint with the range of the
// argument that sets it.
type VersionConstraint struct {
	Required  version.Constraints
	DeclRange hcl.Range
}

// Backend is `terraform { backend "TYPE" { ... } }`.
type Backend struct {
	Type      string
	Body      hcl.Body
	DeclRange hcl.Range
}

// Resource returns the block with the given address, or nil. An address
// with a module path names a block of the module that path calls, when it
// is loaded.
func (c *Config) Resource(addr schema.Addr) *Resource {
	if addr.Module == "" {
		return c.byAddr[addr]
	}
	mc := c.ModuleConfig(schema.ModuleCalls(addr.Module))
	if mc == nil {
		return nil
	}
	return mc.byAddr[addr.Local()]
}

// ModuleConfig returns the configuration of the module that the calls
// (names from this module down) lead to, or nil when a call is not
// declared or its module was not loaded.
func (c *Config) ModuleConfig(calls []string) *Config {
	for _, name := range calls {
		m := c.byModule[name]
		if m == nil || m.Child == nil {
			return nil
		}
		c = m.Child
	}
	return c
}

// AllFiles returns the parsed files of this module and of every module it
// calls, loaded ones, to any depth, by file name.
func (c *Config) AllFiles() map[string]*hcl.File {
	out := make(map[string]*hcl.File, len(c.Files))
	var walk func(c *Config)
	walk = func(c *Config) {
		for name, f := range c.Files {
			out[name] = f
		}
		for _, m := range c.Modules {
			if m.Child != nil {
				walk(m.Child)
			}
		}
	}
	walk(c)
	return out
}

// Module returns the module call with the given name, or nil.
func (c *Config) Module(name string) *Module { return c.byModule[name] }

// moduleName names the module in Terraform's messages: "the root module"
// or module.net.
func (c *Config) moduleName() string {
	if len(c.Path) == 0 {
		return "the root module"
	}
	return "module." + strings.Join(c.Path, ".module.")
}

// Variable returns the variable with the given name, or nil.
func (c *Config) Variable(name string) *Variable { return c.byVariable[name] }
