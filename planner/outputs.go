package planner

import (
	"encoding/json"
	"sort"

	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// planOutputs diffs the outputs against the prior state's.
func planOutputs(m *config.Model, prior *state.State, destroy bool) []*OutputChange {
	var out []*OutputChange
	seen := map[string]bool{}
	for _, o := range m.Outputs {
		name := o.Output.Name
		seen[name] = true
		before, had := decodeOutput(prior, name)
		c := &OutputChange{Name: name, Before: before, After: o.Value, Sensitive: o.Sensitive}
		switch {
		case destroy && had:
			c.Action, c.After = Delete, cty.NullVal(cty.DynamicPseudoType)
		case destroy:
			continue
		case !had:
			c.Action, c.Before = Create, cty.NullVal(cty.DynamicPseudoType)
		case o.External && !o.Value.IsWhollyKnown():
			// Nothing vpcplan can see changed it: the recorded value stands.
			c.Action, c.After, c.External = NoOp, before, true
		case sameValue(before, o.Value):
			c.Action = NoOp
		default:
			c.Action = Update
		}
		out = append(out, c)
	}
	for name := range prior.Outputs {
		if seen[name] {
			continue
		}
		before, _ := decodeOutput(prior, name)
		out = append(out, &OutputChange{Name: name, Action: Delete, Before: before, After: cty.NullVal(cty.DynamicPseudoType), Sensitive: prior.Outputs[name].Sensitive})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func decodeOutput(prior *state.State, name string) (cty.Value, bool) {
	os, ok := prior.Outputs[name]
	if !ok {
		return cty.NullVal(cty.DynamicPseudoType), false
	}
	var ty cty.Type
	if err := json.Unmarshal(os.Type, &ty); err != nil {
		return cty.NullVal(cty.DynamicPseudoType), false
	}
	v, err := ctyjson.Unmarshal(os.Value, ty)
	if err != nil {
		return cty.NullVal(cty.DynamicPseudoType), false
	}
	return v, true
}
