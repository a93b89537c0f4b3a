package render

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// The configuration section of the JSON plan representation, as
// Terraform's jsonconfig package writes it.

type jsonConfiguration struct {
	ProviderConfig map[string]jsonProviderConfig `json:"provider_config,omitempty"`
	RootModule     jsonConfigModule              `json:"root_module"`
}

type jsonProviderConfig struct {
	Name          string                     `json:"name"`
	FullName      string                     `json:"full_name"`
	Alias         string                     `json:"alias,omitempty"`
	ModuleAddress string                     `json:"module_address,omitempty"`
	Expressions   map[string]json.RawMessage `json:"expressions,omitempty"`
}

type jsonConfigModule struct {
	Outputs     map[string]jsonConfigOutput   `json:"outputs,omitempty"`
	Resources   []jsonConfigResource          `json:"resources,omitempty"`
	ModuleCalls map[string]jsonModuleCall     `json:"module_calls,omitempty"`
	Variables   map[string]jsonConfigVariable `json:"variables,omitempty"`
}

// jsonModuleCall is one module block. Module is always written, empty
// when the called module was not loaded, as Terraform writes it.
type jsonModuleCall struct {
	Source            string                     `json:"source,omitempty"`
	Expressions       map[string]json.RawMessage `json:"expressions,omitempty"`
	CountExpression   json.RawMessage            `json:"count_expression,omitempty"`
	ForEachExpression json.RawMessage            `json:"for_each_expression,omitempty"`
	Module            jsonConfigModule           `json:"module"`
	VersionConstraint string                     `json:"version_constraint,omitempty"`
	DependsOn         []string                   `json:"depends_on,omitempty"`
}

type jsonConfigOutput struct {
	Sensitive   bool            `json:"sensitive,omitempty"`
	Expression  json.RawMessage `json:"expression"`
	DependsOn   []string        `json:"depends_on,omitempty"`
	Description string          `json:"description,omitempty"`
}

type jsonConfigVariable struct {
	Default     json.RawMessage `json:"default,omitempty"`
	Description string          `json:"description,omitempty"`
	Sensitive   bool            `json:"sensitive,omitempty"`
}

type jsonConfigResource struct {
	Address           string                     `json:"address"`
	Mode              string                     `json:"mode"`
	Type              string                     `json:"type"`
	Name              string                     `json:"name"`
	ProviderConfigKey string                     `json:"provider_config_key"`
	Expressions       map[string]json.RawMessage `json:"expressions,omitempty"`
	SchemaVersion     int                        `json:"schema_version"`
	CountExpression   json.RawMessage            `json:"count_expression,omitempty"`
	ForEachExpression json.RawMessage            `json:"for_each_expression,omitempty"`
	DependsOn         []string                   `json:"depends_on,omitempty"`
}

// configurationJSON renders the configuration section: the provider
// configurations of every module, and the root module with its resources,
// module calls (the called modules inside them, recursively), variables
// and outputs. Resources of child modules carry their module-local
// addresses, as Terraform's do.
func configurationJSON(cfg *config.Config) jsonConfiguration {
	pcs := providerConfigs{}
	pcs.collect(cfg, "", "")
	root := configModuleJSON(cfg, "", pcs)
	jc := jsonConfiguration{ProviderConfig: map[string]jsonProviderConfig{}, RootModule: root}
	for key, e := range pcs {
		if e.parentKey == "" {
			jc.ProviderConfig[key] = e.cfg
		}
	}
	return jc
}

// providerConfigs are the provider configurations of the module tree by
// Terraform's opaque key: "aws", "aws.west" in the root module,
// "module.vpc:aws" in a child. An entry with a parentKey is the parent's
// configuration under another name (inherited or passed in a providers
// map); resources that use it name the parent's key, and it is not
// written.
type providerConfigs map[string]*providerEntry

type providerEntry struct {
	cfg       jsonProviderConfig
	parentKey string
}

func opaqueProviderKey(provider, module string) string {
	if module == "" {
		return provider
	}
	return module + ":" + provider
}

// source follows the parent keys from key while they name configurations
// of the same provider, and returns the last it reached, "" for none.
func (pcs providerConfigs) source(key string) string {
	found := ""
	for key != "" {
		e, ok := pcs[key]
		if !ok || e.cfg.FullName != providerName {
			break
		}
		found = key
		key = e.parentKey
	}
	return found
}

// collect adds the configurations of the module at path (a configuration
// path: module.a.module.b, without keys) and of the modules it calls, as
// Terraform's marshalProviderConfigs does for the aws provider: its
// provider blocks, its required or implied aws provider, and what the
// module calls' providers maps pass.
func (pcs providerConfigs) collect(cfg *config.Config, path, parent string) {
	if cfg == nil {
		return
	}
	for _, p := range cfg.Providers {
		ref := config.ProviderRef{Name: "aws", Alias: p.Alias}
		pc := jsonProviderConfig{Name: "aws", FullName: providerName, Alias: p.Alias, ModuleAddress: path, Expressions: map[string]json.RawMessage{}}
		for name, e := range map[string]hcl.Expression{"region": p.Region, "allowed_account_ids": p.AllowedAccountIDs} {
			if e != nil {
				pc.Expressions[name] = expressionJSON(e)
			}
		}
		pcs[opaqueProviderKey(ref.String(), path)] = &providerEntry{cfg: pc}
	}
	if usesAWS(cfg) {
		key := opaqueProviderKey("aws", path)
		if _, ok := pcs[key]; !ok {
			e := &providerEntry{cfg: jsonProviderConfig{Name: "aws", FullName: providerName, ModuleAddress: path}}
			if path != "" {
				e.parentKey = pcs.source(opaqueProviderKey("aws", parent))
			}
			pcs[key] = e
		}
	}
	for _, mc := range cfg.Modules {
		childPath := "module." + mc.Name
		if path != "" {
			childPath = path + "." + childPath
		}
		for _, pp := range mc.Providers {
			if pp.InChild.Name != "aws" {
				continue
			}
			e := &providerEntry{cfg: jsonProviderConfig{Name: pp.InChild.String(), FullName: providerName, ModuleAddress: childPath}}
			e.parentKey = pcs.source(opaqueProviderKey(pp.InParent.String(), path))
			pcs[opaqueProviderKey(pp.InChild.String(), childPath)] = e
		}
		pcs.collect(mc.Child, childPath, path)
	}
}

// usesAWS reports whether a module requires the aws provider, explicitly
// or through its provider blocks and resources.
func usesAWS(cfg *config.Config) bool {
	if len(cfg.Providers) > 0 || cfg.RequiredProviders["aws"] != nil {
		return true
	}
	for _, r := range cfg.Resources {
		if r.Provider != nil && r.Provider.Name == "aws" || r.Provider == nil && strings.HasPrefix(string(r.Addr.Type), "aws_") {
			return true
		}
	}
	return false
}

// resourceKey returns the provider_config_key of a resource of the module
// at path: the key of the configuration it uses, or of the parent's when
// that one is inherited or passed.
func (pcs providerConfigs) resourceKey(r *config.Resource, path string) string {
	ref := "aws"
	if r.Provider != nil {
		ref = r.Provider.String()
	}
	key := opaqueProviderKey(ref, path)
	if e, ok := pcs[key]; ok {
		if _, ok := pcs[e.parentKey]; ok {
			return e.parentKey
		}
	}
	return key
}

// configModuleJSON renders one module of the configuration; path is its
// configuration path ("" for the root module).
func configModuleJSON(cfg *config.Config, path string, pcs providerConfigs) jsonConfigModule {
	var jm jsonConfigModule
	var managed, data []jsonConfigResource
	for _, r := range cfg.Resources {
		if r.Schema == nil {
			continue
		}
		cr := jsonConfigResource{
			Address: r.Addr.Local().String(), Mode: r.Addr.Mode.String(), Type: string(r.Addr.Type), Name: r.Addr.Name,
			ProviderConfigKey: pcs.resourceKey(r, path), Expressions: map[string]json.RawMessage{},
		}
		cr.CountExpression, cr.ForEachExpression = repetitionJSON(r.Count, r.ForEach)
		cr.DependsOn = dependsOnJSON(r.DependsOn)
		if r.Syntax != nil {
			for name, a := range r.Syntax.Attributes {
				switch name {
				case "count", "for_each", "provider", "depends_on":
					continue
				}
				cr.Expressions[name] = expressionJSON(a.Expr)
			}
		}
		if r.Addr.Mode == schema.DataMode {
			data = append(data, cr)
		} else {
			managed = append(managed, cr)
		}
	}
	// Managed resources, then data resources, each sorted by address.
	for _, rs := range [][]jsonConfigResource{managed, data} {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Address < rs[j].Address })
		jm.Resources = append(jm.Resources, rs...)
	}
	if len(cfg.Outputs) > 0 {
		jm.Outputs = map[string]jsonConfigOutput{}
		for _, o := range cfg.Outputs {
			jm.Outputs[o.Name] = jsonConfigOutput{Sensitive: o.Sensitive, Expression: expressionJSON(o.Expr), DependsOn: dependsOnJSON(o.DependsOn), Description: o.Description}
		}
	}
	if len(cfg.Modules) > 0 {
		jm.ModuleCalls = map[string]jsonModuleCall{}
		for _, mc := range cfg.Modules {
			childPath := "module." + mc.Name
			if path != "" {
				childPath = path + "." + childPath
			}
			jm.ModuleCalls[mc.Name] = moduleCallJSON(mc, childPath, pcs)
		}
	}
	if len(cfg.Variables) > 0 {
		jm.Variables = map[string]jsonConfigVariable{}
		for _, v := range cfg.Variables {
			cv := jsonConfigVariable{Description: v.Description, Sensitive: v.Sensitive}
			if v.Default != nil && !v.Sensitive {
				if dv, diags := v.Default.Expr.Value(nil); !diags.HasErrors() {
					if cv2, err := convert.Convert(dv, v.ConstraintType); err == nil && v.ConstraintType != cty.NilType {
						dv = cv2
					}
					cv.Default = valueJSON(dv, nil)
				}
			}
			jm.Variables[v.Name] = cv
		}
	}
	return jm
}

// moduleCallJSON renders a module block: its arguments (only those that
// name the called module's variables once it is loaded, as Terraform
// decodes them against the module's variables), meta-arguments and the
// called module.
func moduleCallJSON(mc *config.Module, path string, pcs providerConfigs) jsonModuleCall {
	call := jsonModuleCall{Source: mc.Source, VersionConstraint: mc.Version, Expressions: map[string]json.RawMessage{}}
	call.CountExpression, call.ForEachExpression = repetitionJSON(mc.Count, mc.ForEach)
	for name, a := range mc.Args {
		if mc.Child != nil && mc.Child.Variable(name) == nil {
			continue
		}
		call.Expressions[name] = expressionJSON(a.Expr)
	}
	if mc.Child != nil {
		call.Module = configModuleJSON(mc.Child, path, pcs)
	}
	call.DependsOn = dependsOnJSON(mc.DependsOn)
	return call
}

// repetitionJSON returns count_expression or for_each_expression, as
// Terraform writes them: an expression that is neither a constant nor
// has references (a function call on constants) is left out.
func repetitionJSON(count, forEach *hcl.Attribute) (json.RawMessage, json.RawMessage) {
	if count != nil {
		if e := expressionJSON(count.Expr); string(e) != "{}" {
			return e, nil
		}
	}
	if forEach != nil {
		if e := expressionJSON(forEach.Expr); string(e) != "{}" {
			return nil, e
		}
	}
	return nil, nil
}

// dependsOnJSON writes depends_on entries as the addresses they name:
// aws_vpc.a, aws_subnet.b[0], module.vpc.
func dependsOnJSON(travs []hcl.Traversal) []string {
	var out []string
	for _, t := range travs {
		if ref, ok := parseSubject(t); ok {
			out = append(out, ref.subject)
		}
	}
	return out
}

// subjectRef is a reference as Terraform's addrs.ParseRef splits it: the
// subject it names, the rest of the traversal, and the containing object
// a references list adds after the subject ("" for none): the resource of
// a keyed instance, the call of a module output or keyed instance.
type subjectRef struct {
	subject   string
	remaining hcl.Traversal
	container string
}

// parseSubject splits a traversal into its subject and the rest, as
// Terraform's addrs.ParseRef does.
func parseSubject(t hcl.Traversal) (subjectRef, bool) {
	if len(t) == 0 {
		return subjectRef{}, false
	}
	root := t.RootName()
	attr := func(i int) (string, bool) {
		if i < len(t) {
			if a, ok := t[i].(hcl.TraverseAttr); ok {
				return a.Name, true
			}
		}
		return "", false
	}
	switch root {
	case "count", "each", "path", "terraform", "var", "local":
		name, ok := attr(1)
		if !ok {
			return subjectRef{}, false
		}
		return subjectRef{subject: root + "." + name, remaining: t[2:]}, true
	case "self":
		return subjectRef{subject: "self", remaining: t[1:]}, true
	case "module":
		name, ok := attr(1)
		if !ok {
			return subjectRef{}, false
		}
		call := "module." + name
		rest := t[2:]
		if len(rest) == 0 {
			return subjectRef{subject: call}, true
		}
		inst := call
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			inst = call + traversalStr(hcl.Traversal{idx})
			rest = rest[1:]
			if len(rest) == 0 {
				return subjectRef{subject: inst, container: call}, true
			}
		}
		out, ok := rest[0].(hcl.TraverseAttr)
		if !ok {
			return subjectRef{}, false
		}
		return subjectRef{subject: inst + "." + out.Name, remaining: rest[1:], container: inst}, true
	}
	addr := root
	rest := t[1:]
	if root == "data" {
		typ, ok := attr(1)
		if !ok {
			return subjectRef{}, false
		}
		addr = "data." + typ
		rest = t[2:]
	}
	if len(rest) == 0 {
		return subjectRef{}, false
	}
	name, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		return subjectRef{}, false
	}
	addr += "." + name.Name
	rest = rest[1:]
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			return subjectRef{subject: addr + traversalStr(hcl.Traversal{idx}), remaining: rest[1:], container: addr}, true
		}
	}
	return subjectRef{subject: addr, remaining: rest}, true
}

// expressionJSON is Terraform's expression representation:
// {"constant_value": v} for an expression whose value is known without
// context, and {"references": [...]} listing, for each reference, the
// reference and each shorter prefix of it down to its subject, then the
// object containing the subject (aws_subnet.a[0].id, aws_subnet.a[0],
// aws_subnet.a).
func expressionJSON(e hcl.Expression) json.RawMessage {
	out := map[string]any{}
	if v, diags := e.Value(nil); !diags.HasErrors() && v.IsWhollyKnown() {
		out["constant_value"] = valueJSON(v, nil)
	}
	var refs []string
	for _, t := range e.Variables() {
		ref, ok := parseSubject(t)
		if !ok {
			continue
		}
		for rest := ref.remaining; len(rest) > 0; rest = rest[:len(rest)-1] {
			refs = append(refs, ref.subject+traversalStr(rest))
		}
		refs = append(refs, ref.subject)
		if ref.container != "" {
			refs = append(refs, ref.container)
		}
	}
	if len(refs) > 0 {
		out["references"] = refs
	}
	b, _ := json.Marshal(out)
	return b
}

// traversalStr writes traversal steps as Terraform's jsonconfig does:
// .name, ["key"], [0].
func traversalStr(t hcl.Traversal) string {
	var b strings.Builder
	for _, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			b.WriteByte('[')
			switch s.Key.Type() {
			case cty.String:
				fmt.Fprintf(&b, "%q", s.Key.AsString())
			case cty.Number:
				b.WriteString(s.Key.AsBigFloat().Text('g', 10))
			}
			b.WriteByte(']')
		}
	}
	return b.String()
}
