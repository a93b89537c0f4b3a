package statecmd

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

// object is one instance object of the state (current or deposed) with
// its address.
type object struct {
	res  *state.Resource
	inst *state.Instance
	addr schema.InstanceAddr
}

// objects lists every instance object of st in state order, with an error
// for each whose index key or module path is not an address.
func objects(st *state.State) ([]object, hcl.Diagnostics) {
	if st == nil {
		return nil, nil
	}
	var diags hcl.Diagnostics
	var out []object
	for _, r := range st.Resources {
		if _, moreDiags := schema.ParseModulePath(r.Module); moreDiags.HasErrors() {
			diags = append(diags, stateError(fmt.Sprintf("The module path %q of %s.%s in the state is not a module instance address.", r.Module, r.Type, r.Name)))
			continue
		}
		for _, inst := range r.Instances {
			addr, err := r.InstanceAddr(inst)
			if err != nil {
				diags = append(diags, stateError(upperFirst(err.Error())+"."))
				continue
			}
			out = append(out, object{res: r, inst: inst, addr: addr})
		}
	}
	return out, diags
}

func stateError(detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid state", Detail: detail}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// sortedUnique sorts addresses as Terraform does and drops repeats (a
// current object and its deposed ones share an address).
func sortedUnique(addrs []schema.InstanceAddr) []schema.InstanceAddr {
	sort.Slice(addrs, func(i, j int) bool { return addrs[i].Less(addrs[j]) })
	out := addrs[:0]
	for i, a := range addrs {
		if i == 0 || a != addrs[i-1] {
			out = append(out, a)
		}
	}
	return out
}

// All returns the address of every resource instance of st, sorted.
func All(st *state.State) ([]schema.InstanceAddr, hcl.Diagnostics) {
	objs, diags := objects(st)
	addrs := make([]schema.InstanceAddr, 0, len(objs))
	for _, o := range objs {
		addrs = append(addrs, o.addr)
	}
	return sortedUnique(addrs), diags
}

// Instances returns the addresses of the resource instances of st that t
// selects, sorted. Unless allowMissing, a target that selects nothing is
// an error ("Unknown module", "Unknown resource" or "Unknown resource
// instance", as Terraform's state commands report it).
func Instances(st *state.State, t Target, allowMissing bool) ([]schema.InstanceAddr, hcl.Diagnostics) {
	objs, diags := objects(st)
	if diags.HasErrors() {
		return nil, diags
	}
	var addrs []schema.InstanceAddr
	steps := map[schema.ModulePath][]schema.ModuleStep{}
	for _, o := range objs {
		switch t.Kind {
		case ModuleTarget:
			s, ok := steps[o.addr.Resource.Module]
			if !ok {
				s, _ = schema.ParseModulePath(o.addr.Resource.Module)
				steps[o.addr.Resource.Module] = s
			}
			if moduleContains(t.steps, s) {
				addrs = append(addrs, o.addr)
			}
		case ResourceTarget:
			if o.addr.Resource == t.Instance.Resource {
				addrs = append(addrs, o.addr)
			}
		case InstanceTarget:
			if o.addr == t.Instance {
				addrs = append(addrs, o.addr)
			}
		}
	}
	if len(addrs) == 0 && !allowMissing {
		diags = append(diags, unknownTarget(t))
	}
	return sortedUnique(addrs), diags
}

func unknownTarget(t Target) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError}
	switch t.Kind {
	case ModuleTarget:
		d.Summary = "Unknown module"
		d.Detail = fmt.Sprintf(`The current state contains no module at %s. If you've just added this module to the configuration, you must run "vpcplan apply" first to create the module's entry in the state.`, t)
	case ResourceTarget:
		d.Summary = "Unknown resource"
		d.Detail = fmt.Sprintf(`The current state contains no resource %s. If you've just added this resource to the configuration, you must run "vpcplan apply" first to create the resource's entry in the state.`, t)
	default:
		d.Summary = "Unknown resource instance"
		d.Detail = fmt.Sprintf(`The current state contains no resource instance %s. If you've just added its resource to the configuration or have changed the count or for_each arguments, you must run "vpcplan apply" first to update the resource's entry in the state.`, t)
	}
	return d
}

// List returns what `state list` prints: every instance when no target
// is given, else the instances of each target in turn (each target's
// sorted), an error for a target that selects nothing.
func List(st *state.State, targets []Target) ([]schema.InstanceAddr, hcl.Diagnostics) {
	if len(targets) == 0 {
		return All(st)
	}
	var diags hcl.Diagnostics
	var out []schema.InstanceAddr
	for _, t := range targets {
		addrs, moreDiags := Instances(st, t, false)
		diags = append(diags, moreDiags...)
		out = append(out, addrs...)
	}
	return out, diags
}

// Find returns the current object of the instance at addr and its
// resource, or nils when the state holds none.
func Find(st *state.State, addr schema.InstanceAddr) (*state.Resource, *state.Instance) {
	objs, _ := objects(st)
	for _, o := range objs {
		if o.addr == addr && o.inst.Deposed == "" {
			return o.res, o.inst
		}
	}
	return nil, nil
}
