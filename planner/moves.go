package planner

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
)

// Moves maps the new address of every instance a moved block moved to its
// address in the stored state.
type Moves map[schema.InstanceAddr]schema.InstanceAddr

// movedStatement is a moved block with the path of the module that
// declares it (call names from the root).
type movedStatement struct {
	calls []string
	moved *config.Moved
}

// ApplyMoves carries out the moved blocks of cfg and of every module it
// calls on a copy of prior, as Terraform does before it plans: each
// statement, in order (the root module's first, then each module's), moves
// the instances its from names, in every instance of its module, to the
// address its to names. A statement whose from names nothing in the state
// does nothing; one whose destination the state already holds is skipped
// with a warning. prior is not changed; with no move the result is prior.
func ApplyMoves(prior *state.State, cfg *config.Config) (*state.State, Moves, hcl.Diagnostics) {
	var stmts []movedStatement
	var walk func(c *config.Config, calls []string)
	walk = func(c *config.Config, calls []string) {
		for _, m := range c.Moved {
			stmts = append(stmts, movedStatement{calls: calls, moved: m})
		}
		for _, mc := range c.Modules {
			if mc.Child != nil {
				walk(mc.Child, append(calls[:len(calls):len(calls)], mc.Name))
			}
		}
	}
	walk(cfg, nil)
	if prior == nil || len(stmts) == 0 {
		return prior, nil, nil
	}
	st := prior.DeepCopy()
	x := newMoveIndex(st)
	origin := map[schema.InstanceAddr]schema.InstanceAddr{} // current -> stored
	var diags hcl.Diagnostics
	moved := false
	for _, s := range stmts {
		plan := s.plan(st)
		for _, mv := range plan {
			if x.insts[mv.to] {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Move destination already exists",
					Detail:   fmt.Sprintf("The moved block would move %s to %s, but the state already records %s, so %s stays where it is. Remove one of them (vpcplan state rm) or the moved block.", mv.from, mv.to, mv.to, mv.from),
					Subject:  s.moved.DeclRange.Ptr(),
				})
				continue
			}
			x.relocate(mv)
			moved = true
			o, ok := origin[mv.from]
			if !ok {
				o = mv.from
			}
			delete(origin, mv.from)
			origin[mv.to] = o
		}
	}
	if !moved {
		return prior, nil, diags
	}
	x.dropEmpty()
	moves := Moves{}
	for to, from := range origin {
		if to != from {
			moves[to] = from
		}
	}
	return st, moves, diags
}

// instanceMove is the move of one stored instance.
type instanceMove struct {
	res      *state.Resource
	inst     *state.Instance
	from, to schema.InstanceAddr
}

// plan lists the moves the statement makes in st.
func (s movedStatement) plan(st *state.State) []instanceMove {
	from, to := s.moved.From, s.moved.To
	var out []instanceMove
	for _, r := range st.Resources {
		if r.Mode != "managed" {
			continue
		}
		steps, diags := schema.ParseModulePath(r.Module)
		if diags.HasErrors() || len(steps) < len(s.calls) {
			continue
		}
		match := true
		for i, name := range s.calls {
			if steps[i].Name != name {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		base, rel := steps[:len(s.calls)], steps[len(s.calls):]
		for _, inst := range r.Instances {
			if inst.Deposed != "" {
				continue
			}
			key, err := state.DecodeKey(inst.IndexKey)
			if err != nil {
				continue
			}
			newRel, newRes, newKey, ok := moveTarget(from, to, rel, r, key)
			if !ok {
				continue
			}
			fromAddr := schema.Addr{Module: r.Module, Mode: schema.ManagedMode, Type: schema.TypeName(r.Type), Name: r.Name}.Instance(key)
			toAddr := schema.Addr{Module: schema.ModuleString(append(base[:len(base):len(base)], newRel...)), Mode: schema.ManagedMode, Type: schema.TypeName(r.Type), Name: newRes}.Instance(newKey)
			out = append(out, instanceMove{res: r, inst: inst, from: fromAddr, to: toAddr})
		}
	}
	return out
}

// moveTarget says where the instance (module steps rel inside the
// statement's module, resource r, key) goes, if the statement moves it.
func moveTarget(from, to schema.MoveEndpoint, rel []schema.ModuleStep, r *state.Resource, key schema.InstanceKey) ([]schema.ModuleStep, string, schema.InstanceKey, bool) {
	if from.Resource == nil {
		// A module: rel starts with from's steps (the last one's key only
		// when written), and that prefix becomes to's.
		n := len(from.Module)
		if len(rel) < n {
			return nil, "", schema.NoKey, false
		}
		for i, st := range from.Module {
			if rel[i].Name != st.Name {
				return nil, "", schema.NoKey, false
			}
			last := i == n-1
			if (!last || from.HasKey) && rel[i].Key != st.Key {
				return nil, "", schema.NoKey, false
			}
		}
		out := append([]schema.ModuleStep{}, to.Module...)
		if !to.HasKey && !from.HasKey {
			out[len(out)-1].Key = rel[n-1].Key // the whole call moves, keys kept
		}
		out = append(out, rel[n:]...)
		return out, r.Name, key, true
	}
	if len(rel) != len(from.Module) || r.Type != string(from.Resource.Type) || r.Name != from.Resource.Name {
		return nil, "", schema.NoKey, false
	}
	for i, st := range from.Module {
		if rel[i] != st {
			return nil, "", schema.NoKey, false
		}
	}
	if from.HasKey && key != from.Key {
		return nil, "", schema.NoKey, false
	}
	newKey := key
	switch {
	case to.HasKey:
		if !from.HasKey && key != schema.NoKey {
			return nil, "", schema.NoKey, false // only the single instance takes a key
		}
		newKey = to.Key
	case from.HasKey:
		newKey = schema.NoKey
	}
	return append([]schema.ModuleStep{}, to.Module...), to.Resource.Name, newKey, true
}

// moveIndex finds the resources and current instances of the state being
// moved by address, so that each move costs the same however large the
// state.
type moveIndex struct {
	st    *state.State
	res   map[schema.Addr]*state.Resource
	insts map[schema.InstanceAddr]bool
}

func newMoveIndex(st *state.State) *moveIndex {
	x := &moveIndex{st: st, res: map[schema.Addr]*state.Resource{}, insts: map[schema.InstanceAddr]bool{}}
	for _, r := range st.Resources {
		x.res[r.Addr()] = r
		for _, inst := range r.Instances {
			if inst.Deposed != "" {
				continue
			}
			if a, err := r.InstanceAddr(inst); err == nil {
				x.insts[a] = true
			}
		}
	}
	return x
}

// relocate moves one instance to its new resource entry, made when
// missing; entries left empty are dropped by dropEmpty.
func (x *moveIndex) relocate(mv instanceMove) {
	for i, inst := range mv.res.Instances {
		if inst == mv.inst {
			mv.res.Instances = append(mv.res.Instances[:i:i], mv.res.Instances[i+1:]...)
			break
		}
	}
	dest := x.res[mv.to.Resource]
	if dest == nil {
		dest = &state.Resource{Module: mv.to.Resource.Module, Mode: "managed", Type: string(mv.to.Resource.Type), Name: mv.to.Resource.Name, Provider: mv.res.Provider}
		x.st.Resources = append(x.st.Resources, dest)
		x.res[mv.to.Resource] = dest
	}
	mv.inst.IndexKey = state.EncodeKey(mv.to.Key)
	dest.Instances = append(dest.Instances, mv.inst)
	delete(x.insts, mv.from)
	x.insts[mv.to] = true
}

// dropEmpty removes the resource entries every instance moved out of.
func (x *moveIndex) dropEmpty() {
	kept := x.st.Resources[:0]
	for _, r := range x.st.Resources {
		if len(r.Instances) > 0 {
			kept = append(kept, r)
		}
	}
	x.st.Resources = kept
}
