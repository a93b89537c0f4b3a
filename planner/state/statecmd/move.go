package statecmd

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

// Moved is one move that Move made, as `state mv` reports it:
// Move "FROM" to "TO".
type Moved struct {
	From, To string
}

// Move moves what the address src names to the address dst, as terraform
// state mv does:
//
//	src                         dst                       moves
//	module instance             module instance           every resource of it, and of each module instance inside it (one Moved each)
//	resource of several keys    resource                  the resource, all its instances
//	resource instance           resource instance         the instance (a resource address means its instance without key)
//
// Dependencies recorded on other instances that name what moved are
// cleared, for the next apply to record anew. On error st may be partly
// changed and must not be saved.
func Move(st *state.State, src, dst string) ([]Moved, hcl.Diagnostics) {
	from, diags := ParseTarget(src)
	to, moreDiags := ParseTarget(dst)
	diags = append(diags, moreDiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	objs, moreDiags := objects(st)
	diags = append(diags, moreDiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	sources := sourceTargets(objs, from)
	if len(sources) == 0 {
		return nil, append(diags, invalidSource(fmt.Sprintf("Cannot move %s: does not match anything in the current state.", from)))
	}
	var moved []Moved
	for _, s := range sources {
		var m Moved
		switch s.Kind {
		case ModuleTarget:
			m, moreDiags = moveModule(st, from, s, to)
		case ResourceTarget:
			m, moreDiags = moveResource(st, s, to)
		default:
			m, moreDiags = moveInstance(st, s, to, dst)
		}
		diags = append(diags, moreDiags...)
		if diags.HasErrors() {
			return nil, diags
		}
		moved = append(moved, m)
		forgetDependencies(st, s)
	}
	st.Sort()
	return moved, diags
}

// sourceTargets returns what a move of t takes, one target a move: for a
// module instance, it and every module instance of the state inside it
// (keys compared exactly), in Terraform's order; for a resource, the
// resource, or its instance without key when it has one.
func sourceTargets(objs []object, t Target) []Target {
	switch t.Kind {
	case ModuleTarget:
		seen := map[schema.ModulePath]bool{}
		var out []Target
		for _, o := range objs {
			p := o.addr.Resource.Module
			if seen[p] {
				continue
			}
			seen[p] = true
			steps, _ := schema.ParseModulePath(p)
			if moduleHasPrefix(steps, t.steps) {
				out = append(out, Target{Kind: ModuleTarget, Module: p, steps: steps})
			}
		}
		sort.Slice(out, func(i, j int) bool { return schema.CompareModules(out[i].Module, out[j].Module) < 0 })
		return out
	case ResourceTarget:
		found := false
		for _, o := range objs {
			if o.addr.Resource == t.Instance.Resource {
				found = true
				if o.addr.Key == schema.NoKey {
					return []Target{{Kind: InstanceTarget, Instance: o.addr}}
				}
			}
		}
		if found {
			return []Target{t}
		}
		return nil
	}
	return []Target{t}
}

func invalidSource(detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid source address", Detail: detail}
}

func invalidTarget(detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid target address", Detail: detail}
}

// moveModule moves the resources of module instance s, which the move of
// module instance search takes in, to the same place under to.
func moveModule(st *state.State, search, s, to Target) (Moved, hcl.Diagnostics) {
	if to.Kind != ModuleTarget {
		return Moved{}, hcl.Diagnostics{invalidTarget(fmt.Sprintf("Cannot move %s to %s: the target must also be a module.", s, to))}
	}
	steps := append(append([]schema.ModuleStep(nil), to.steps...), s.steps[len(search.steps):]...)
	dest := schema.ModuleString(steps)
	for _, r := range st.Resources {
		if r.Module == dest {
			return Moved{}, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Error moving state",
				Detail:   fmt.Sprintf("The destination module %s already exists. Please ensure your addresses and state paths are valid. No state was persisted. Your existing states are untouched.", dest),
			}}
		}
	}
	for _, r := range st.Resources {
		if r.Module == s.Module {
			r.Module = dest
		}
	}
	return Moved{From: s.Module, To: dest}, nil
}

// moveResource moves a whole resource, every instance of it.
func moveResource(st *state.State, s, to Target) (Moved, hcl.Diagnostics) {
	if to.Kind != ResourceTarget {
		return Moved{}, hcl.Diagnostics{invalidTarget(fmt.Sprintf("Cannot move %s to %s: the source is a whole resource (not a resource instance) so the target must also be a whole resource.", s, to))}
	}
	from, dest := s.Instance.Resource, to.Instance.Resource
	diags := validateResourceMove(from, dest)
	for _, r := range st.Resources {
		if r.Addr() == dest {
			diags = append(diags, invalidTarget(fmt.Sprintf("Cannot move to %s: there is already a resource at that address in the current state.", dest)))
			break
		}
	}
	if diags.HasErrors() {
		return Moved{}, diags
	}
	for _, r := range st.Resources {
		if r.Addr() == from {
			r.Module, r.Name = dest.Module, dest.Name
		}
	}
	return Moved{From: from.String(), To: dest.String()}, nil
}

// moveInstance moves one resource instance, with its deposed objects;
// dst is the destination as written, which Terraform reports as it is.
func moveInstance(st *state.State, s, to Target, dst string) (Moved, hcl.Diagnostics) {
	from := s.Instance
	var dest schema.InstanceAddr
	switch to.Kind {
	case InstanceTarget, ResourceTarget:
		dest = to.Instance
	default:
		return Moved{}, hcl.Diagnostics{invalidTarget(fmt.Sprintf("Cannot move %s to %s: the target must also be a resource instance.", from, to))}
	}
	diags := validateResourceMove(from.Resource, dest.Resource)
	objs, _ := objects(st)
	var src *state.Resource
	var moving []*state.Instance
	taken := false
	for _, o := range objs {
		switch o.addr {
		case dest:
			taken = true
		case from:
			src = o.res
			moving = append(moving, o.inst)
		}
	}
	if taken {
		diags = append(diags, invalidTarget(fmt.Sprintf("Cannot move to %s: there is already a resource instance at that address in the current state.", dest)))
	}
	if src == nil {
		diags = append(diags, invalidSource(fmt.Sprintf("The current state does not contain %s.", from)))
	}
	if diags.HasErrors() {
		return Moved{}, diags
	}
	forget(st, func(o object) bool { return o.addr == from })
	var target *state.Resource
	for _, r := range st.Resources {
		if r.Addr() == dest.Resource {
			target = r
			break
		}
	}
	if target == nil {
		// The provider comes along, as it would with the whole resource.
		target = &state.Resource{Module: dest.Resource.Module, Mode: src.Mode, Type: src.Type, Name: dest.Resource.Name, Provider: src.Provider}
		st.Resources = append(st.Resources, target)
	}
	for _, inst := range moving {
		inst.IndexKey = state.EncodeKey(dest.Key)
		target.Instances = append(target.Instances, inst)
	}
	return Moved{From: from.String(), To: dst}, nil
}

// validateResourceMove is Terraform's check that a move keeps the mode
// and the type.
func validateResourceMove(from, to schema.Addr) hcl.Diagnostics {
	var diags hcl.Diagnostics
	invalid := func(detail string) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid state move request", Detail: detail})
	}
	if from.Mode != to.Mode {
		if from.Mode == schema.DataMode {
			invalid(fmt.Sprintf("Cannot move %s to %s: a data resource can be moved only to another data resource address.", from, to))
		} else {
			invalid(fmt.Sprintf("Cannot move %s to %s: a managed resource can be moved only to another managed resource address.", from, to))
		}
	}
	if from.Type != to.Type {
		invalid(fmt.Sprintf("Cannot move %s to %s: resource types don't match.", from, to))
	}
	return diags
}

// forgetDependencies clears the recorded dependencies of every instance
// that names what moved, as Terraform does after each move: a dependency
// on the moved resource, or on a resource inside a moved module whose
// path has no instance keys (Terraform's ModuleInstance.TargetContains of
// a configuration resource).
func forgetDependencies(st *state.State, moved Target) {
	related := func(dep string) bool {
		addr, diags := schema.ParseInstanceAddr(dep)
		if diags.HasErrors() {
			return false
		}
		if moved.Kind != ModuleTarget {
			return configAddr(addr.Resource) == configAddr(moved.Instance.Resource)
		}
		calls := schema.ModuleCalls(addr.Resource.Module)
		if len(calls) < len(moved.steps) {
			return false
		}
		for i, s := range moved.steps {
			if s.Key != schema.NoKey || s.Name != calls[i] {
				return false
			}
		}
		return true
	}
	for _, r := range st.Resources {
		for _, inst := range r.Instances {
			for _, d := range inst.Dependencies {
				if related(d) {
					inst.Dependencies = nil
					break
				}
			}
		}
	}
}

// configAddr is the address of a resource in the configuration: its
// module path without instance keys.
func configAddr(a schema.Addr) schema.Addr {
	steps, _ := schema.ParseModulePath(a.Module)
	for i := range steps {
		steps[i].Key = schema.NoKey
	}
	a.Module = schema.ModuleString(steps)
	return a
}
