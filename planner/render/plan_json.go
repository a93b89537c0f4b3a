package render

import (
	"encoding/json"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// PlanFormatVersion is the format_version of the JSON plan representation:
// Terraform's, so that tools built on terraform-json read it.
const PlanFormatVersion = "1.2"

// jsonPlan is Terraform's JSON plan representation (terraform show -json).
type jsonPlan struct {
	FormatVersion      string                  `json:"format_version"`
	TerraformVersion   string                  `json:"terraform_version"`
	Variables          map[string]jsonVariable `json:"variables,omitempty"`
	PlannedValues      jsonValues              `json:"planned_values"`
	ResourceChanges    []jsonResourceChange    `json:"resource_changes"`
	OutputChanges      map[string]jsonChange   `json:"output_changes"`
	PriorState         *jsonState              `json:"prior_state,omitempty"`
	Configuration      jsonConfiguration       `json:"configuration"`
	RelevantAttributes []struct{}              `json:"relevant_attributes"`
	Timestamp          string                  `json:"timestamp"`
	Applyable          bool                    `json:"applyable"`
	Complete           bool                    `json:"complete"`
	Errored            bool                    `json:"errored"`
}

type jsonVariable struct {
	Value json.RawMessage `json:"value"`
}

type jsonValues struct {
	Outputs    map[string]jsonOutput `json:"outputs,omitempty"`
	RootModule jsonModule            `json:"root_module"`
}

type jsonOutput struct {
	Sensitive bool            `json:"sensitive"`
	Value     json.RawMessage `json:"value,omitempty"`
	Type      json.RawMessage `json:"type,omitempty"`
}

// jsonModule is one module instance of the values representation: the
// root module (no address) or a child, with the module instances it
// calls.
type jsonModule struct {
	Resources    []jsonResource `json:"resources,omitempty"`
	Address      string         `json:"address,omitempty"`
	ChildModules []jsonModule   `json:"child_modules,omitempty"`
}

type jsonResource struct {
	Address         string          `json:"address"`
	Mode            string          `json:"mode"`
	Type            string          `json:"type"`
	Name            string          `json:"name"`
	Index           json.RawMessage `json:"index,omitempty"`
	ProviderName    string          `json:"provider_name"`
	SchemaVersion   int             `json:"schema_version"`
	Values          json.RawMessage `json:"values"`
	SensitiveValues json.RawMessage `json:"sensitive_values"`
	DependsOn       []string        `json:"depends_on,omitempty"`
}

type jsonResourceChange struct {
	Address         string          `json:"address"`
	PreviousAddress string          `json:"previous_address,omitempty"`
	ModuleAddress   string          `json:"module_address,omitempty"`
	Mode            string          `json:"mode"`
	Type            string          `json:"type"`
	Name            string          `json:"name"`
	Index           json.RawMessage `json:"index,omitempty"`
	ProviderName    string          `json:"provider_name"`
	Change          jsonChange      `json:"change"`
	ActionReason    string          `json:"action_reason,omitempty"`
}

type jsonChange struct {
	Actions         []string          `json:"actions"`
	Before          json.RawMessage   `json:"before"`
	After           json.RawMessage   `json:"after"`
	AfterUnknown    json.RawMessage   `json:"after_unknown"`
	BeforeSensitive json.RawMessage   `json:"before_sensitive"`
	AfterSensitive  json.RawMessage   `json:"after_sensitive"`
	ReplacePaths    []json.RawMessage `json:"replace_paths,omitempty"`
	// ExternalPaths is vpcplan's own: the paths of after that keep their
	// recorded value because they derive from values outside vpcplan's
	// model ([] for a whole output). Terraform's readers ignore it.
	ExternalPaths []json.RawMessage `json:"external_paths,omitempty"`
}

type jsonState struct {
	FormatVersion    string     `json:"format_version"`
	TerraformVersion string     `json:"terraform_version"`
	Values           jsonValues `json:"values"`
}

const providerName = "registry.terraform.io/hashicorp/aws"

// PlanJSON writes the plan in Terraform's JSON plan representation, with
// one difference: sensitive values are redacted (null), not only flagged in
// before_sensitive and after_sensitive. now is the plan's timestamp.
func PlanJSON(w io.Writer, p *planner.Plan, toolVersion string, now time.Time) error {
	out := jsonPlan{
		FormatVersion:      PlanFormatVersion,
		TerraformVersion:   toolVersion,
		Variables:          map[string]jsonVariable{},
		OutputChanges:      map[string]jsonChange{},
		ResourceChanges:    []jsonResourceChange{},
		RelevantAttributes: []struct{}{},
		Timestamp:          now.UTC().Format(time.RFC3339),
		Applyable:          p.HasChanges(),
		Complete:           true,
	}
	m := p.Model
	sensitiveVars := map[string]bool{}
	for _, v := range m.Config.Variables {
		sensitiveVars[v.Name] = v.Sensitive
	}
	for name, v := range m.Variables {
		if sensitiveVars[name] {
			out.Variables[name] = jsonVariable{Value: json.RawMessage("null")}
			continue
		}
		out.Variables[name] = jsonVariable{Value: valueJSON(v, nil)}
	}
	planned := jsonValues{Outputs: map[string]jsonOutput{}}
	plannedByModule := map[schema.ModulePath][]jsonResource{}
	for _, c := range p.Changes {
		replace := c.RequiresReplace
		if c.Action != planner.Delete {
			m := c.Addr.Resource.Module
			plannedByModule[m] = append(plannedByModule[m], resourceValues(c.Addr, c.After, c.AfterSensitive, c.Dependencies))
		}
		out.ResourceChanges = append(out.ResourceChanges, jsonResourceChange{
			Address: c.Addr.String(), ModuleAddress: c.Addr.Resource.Module,
			Mode: c.Addr.Resource.Mode.String(), Type: string(c.Addr.Resource.Type), Name: c.Addr.Resource.Name,
			Index: keyJSON(c.Addr.Key), ProviderName: providerName, ActionReason: c.Reason,
			Change: changeJSON(c.Action, c.Before, c.After, c.BeforeSensitive, c.AfterSensitive, replace),
		})
		if c.Moved {
			out.ResourceChanges[len(out.ResourceChanges)-1].PreviousAddress = c.PreviousAddr.String()
		}
		for _, ep := range c.External {
			ch := &out.ResourceChanges[len(out.ResourceChanges)-1].Change
			ch.ExternalPaths = append(ch.ExternalPaths, pathJSON(ep))
		}
	}
	for _, o := range p.Outputs {
		var sens []cty.Path
		if o.Sensitive {
			sens = []cty.Path{nil}
		}
		oc := changeJSON(o.Action, o.Before, o.After, sens, sens, nil)
		if o.External {
			oc.ExternalPaths = []json.RawMessage{pathJSON(nil)}
		}
		out.OutputChanges[o.Name] = oc
		if o.Action != planner.Delete {
			planned.Outputs[o.Name] = outputJSON(o.After, o.Sensitive)
		}
	}
	// Terraform sorts the planned resources of each module by address.
	for _, rs := range plannedByModule {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Address < rs[j].Address })
	}
	planned.RootModule = moduleTree(plannedByModule)
	out.PlannedValues = planned
	if p.PriorExisted {
		out.PriorState = stateValues(p.Prior, toolVersion)
	}
	out.Configuration = configurationJSON(m.Config)
	return writeJSON(w, out)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func keyJSON(k schema.InstanceKey) json.RawMessage {
	switch k.Kind {
	case schema.IntKeyKind:
		b, _ := json.Marshal(k.Int)
		return b
	case schema.StringKeyKind:
		b, _ := json.Marshal(k.Str)
		return b
	}
	return nil
}

// changeJSON builds one change: before and after with unknown attributes
// left out of after and sensitive ones redacted, and the masks.
func changeJSON(a planner.Action, before, after cty.Value, bs, as []cty.Path, replace []cty.Path) jsonChange {
	c := jsonChange{
		Actions:         a.JSON(),
		Before:          valueJSON(before, bs),
		After:           valueJSON(after, as),
		AfterUnknown:    unknownMask(after),
		BeforeSensitive: sensitiveMask(before, bs),
		AfterSensitive:  sensitiveMask(after, as),
	}
	for _, p := range replace {
		c.ReplacePaths = append(c.ReplacePaths, pathJSON(p))
	}
	return c
}

func pathJSON(p cty.Path) json.RawMessage {
	steps := []any{}
	for _, s := range p {
		switch s := s.(type) {
		case cty.GetAttrStep:
			steps = append(steps, s.Name)
		case cty.IndexStep:
			if s.Key.Type() == cty.String {
				steps = append(steps, s.Key.AsString())
			} else {
				f, _ := s.Key.AsBigFloat().Int64()
				steps = append(steps, f)
			}
		}
	}
	b, _ := json.Marshal(steps)
	return b
}

// valueJSON renders a value as plain JSON: unknown parts left out (null at
// the top), sensitive paths redacted as null.
func valueJSON(v cty.Value, sensitive []cty.Path) json.RawMessage {
	if v == cty.NilVal || v.IsNull() {
		return json.RawMessage("null")
	}
	for _, p := range sensitive {
		if len(p) == 0 {
			return json.RawMessage("null")
		}
	}
	clean, _ := cty.Transform(v, func(path cty.Path, x cty.Value) (cty.Value, error) {
		for _, p := range sensitive {
			if p.Equals(path) {
				return cty.NullVal(x.Type()), nil
			}
		}
		if !x.IsKnown() {
			return cty.NullVal(x.Type()), nil
		}
		return x, nil
	})
	b, err := ctyjson.Marshal(clean, clean.Type())
	if err != nil {
		return json.RawMessage("null")
	}
	if clean.Type().IsObjectType() {
		// Leave out the unknown attributes, as Terraform does.
		var m map[string]json.RawMessage
		if json.Unmarshal(b, &m) == nil && v.IsKnown() {
			for name := range m {
				if !v.GetAttr(name).IsKnown() {
					delete(m, name)
				}
			}
			b, _ = json.Marshal(m)
		}
	}
	return b
}

// unknownMask mirrors the value with true at unknown leaves; known
// primitives are left out.
func unknownMask(v cty.Value) json.RawMessage {
	if v == cty.NilVal {
		return json.RawMessage("false")
	}
	b, _ := json.Marshal(mask(v, func(x cty.Value, _ cty.Path) bool { return !x.IsKnown() }, nil))
	return b
}

func sensitiveMask(v cty.Value, paths []cty.Path) json.RawMessage {
	if v == cty.NilVal {
		return json.RawMessage("false")
	}
	b, _ := json.Marshal(mask(v, func(_ cty.Value, p cty.Path) bool {
		for _, sp := range paths {
			if sp.Equals(p) {
				return true
			}
		}
		return false
	}, nil))
	return b
}

// mask builds Terraform's mask shape: true where pred holds, objects and
// arrays mirroring the structure, false for other leaves (objects leave
// false attributes out).
func mask(v cty.Value, pred func(cty.Value, cty.Path) bool, path cty.Path) any {
	if pred(v, path) {
		return true
	}
	if !v.IsKnown() || v.IsNull() {
		if len(path) == 0 {
			return map[string]any{}
		}
		return false
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			sub := mask(e, pred, append(path.Copy(), cty.GetAttrStep{Name: k.AsString()}))
			if b, ok := sub.(bool); ok && !b {
				continue
			}
			out[k.AsString()] = sub
		}
		return out
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := []any{}
		i := 0
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, mask(e, pred, append(path.Copy(), cty.IndexStep{Key: cty.NumberIntVal(int64(i))})))
			i++
		}
		return out
	}
	return false
}

func outputJSON(v cty.Value, sensitive bool) jsonOutput {
	o := jsonOutput{Sensitive: sensitive}
	if !v.IsWhollyKnown() {
		return o
	}
	if sensitive {
		return o
	}
	o.Value = valueJSON(v, nil)
	if t, err := ctyjson.MarshalType(v.Type()); err == nil {
		o.Type = t
	}
	return o
}

func resourceValues(addr schema.InstanceAddr, v cty.Value, sens []cty.Path, deps []schema.Addr) jsonResource {
	r := jsonResource{
		Address: addr.String(), Mode: addr.Resource.Mode.String(), Type: string(addr.Resource.Type), Name: addr.Resource.Name,
		Index: keyJSON(addr.Key), ProviderName: providerName, Values: valueJSON(v, sens), SensitiveValues: sensitiveMask(v, sens),
	}
	for _, d := range deps {
		r.DependsOn = append(r.DependsOn, d.String())
	}
	return r
}

// stateValues renders a state in the JSON state representation's values
// form; attributes of resources stay as recorded (sensitive ones
// redacted).
func stateValues(st *state.State, toolVersion string) *jsonState {
	js := &jsonState{FormatVersion: "1.0", TerraformVersion: toolVersion, Values: jsonValues{Outputs: map[string]jsonOutput{}}}
	names := make([]string, 0, len(st.Outputs))
	for n := range st.Outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		o := st.Outputs[n]
		jo := jsonOutput{Sensitive: o.Sensitive, Type: o.Type}
		if !o.Sensitive {
			jo.Value = o.Value
		}
		js.Values.Outputs[n] = jo
	}
	byModule := map[schema.ModulePath][]jsonResource{}
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			if inst.Deposed != "" {
				continue
			}
			addr, err := r.InstanceAddr(inst)
			if err != nil {
				continue // planner.IndexPrior reports it
			}
			values := redactState(inst.Attributes, inst.SensitiveAttributes)
			byModule[r.Module] = append(byModule[r.Module], jsonResource{
				Address: addr.String(), Mode: addr.Resource.Mode.String(), Type: r.Type, Name: r.Name, Index: keyJSON(addr.Key),
				ProviderName: providerFromState(r.Provider), SchemaVersion: int(inst.SchemaVersion),
				Values: values, SensitiveValues: json.RawMessage("{}"), DependsOn: inst.Dependencies,
			})
		}
	}
	// The state holds each module's resources in Terraform's order: data
	// sources first, then by type, name and key.
	js.Values.RootModule = moduleTree(byModule)
	return js
}

// StateJSON writes a state in Terraform's JSON state representation
// (terraform show -json without a plan), sensitive values redacted.
func StateJSON(w io.Writer, st *state.State, toolVersion string) error {
	if st == nil {
		return writeJSON(w, map[string]string{"format_version": "1.0"})
	}
	return writeJSON(w, stateValues(st, toolVersion))
}

// redactState nulls the top-level attributes a state marks sensitive.
func redactState(attrs, sensitive json.RawMessage) json.RawMessage {
	if len(attrs) == 0 {
		return json.RawMessage("{}")
	}
	if len(sensitive) == 0 || string(sensitive) == "[]" {
		return attrs
	}
	var paths [][]struct {
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(sensitive, &paths) != nil || json.Unmarshal(attrs, &m) != nil {
		return attrs
	}
	for _, p := range paths {
		if len(p) > 0 && p[0].Type == "get_attr" {
			var name string
			if json.Unmarshal(p[0].Value, &name) == nil {
				if _, ok := m[name]; ok {
					m[name] = json.RawMessage("null")
				}
			}
		}
	}
	b, _ := json.Marshal(m)
	return b
}

// moduleTree nests the resources of each module instance as the values
// representation does: the root module's resources, then its child
// modules, each with its address and its own children. Every module
// instance on the way to one with resources is written, and children are
// sorted by address, as Terraform sorts them.
func moduleTree(byModule map[schema.ModulePath][]jsonResource) jsonModule {
	children := map[schema.ModulePath][]schema.ModulePath{}
	seen := map[schema.ModulePath]bool{"": true}
	for p := range byModule {
		steps, diags := schema.ParseModulePath(p)
		if diags.HasErrors() {
			continue
		}
		for i := len(steps); i > 0; i-- {
			child := schema.ModuleString(steps[:i])
			if seen[child] {
				break
			}
			seen[child] = true
			parent := schema.ModuleString(steps[:i-1])
			children[parent] = append(children[parent], child)
		}
	}
	var build func(p schema.ModulePath) jsonModule
	build = func(p schema.ModulePath) jsonModule {
		m := jsonModule{Address: p, Resources: byModule[p]}
		kids := children[p]
		sort.Strings(kids)
		for _, c := range kids {
			m.ChildModules = append(m.ChildModules, build(c))
		}
		return m
	}
	return build("")
}

func providerFromState(p string) string {
	if i := strings.Index(p, `["`); i >= 0 {
		if j := strings.Index(p[i:], `"]`); j >= 0 {
			return p[i+2 : i+j]
		}
	}
	return p
}
