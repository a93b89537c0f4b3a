package statecmd

import (
	"fmt"

	"github.com/vpcplan/vpcplan/planner/state"
)

// CheckPush is Terraform's check before state push replaces existing with
// incoming (statemgr.CheckValidImport): an empty or missing state may
// always be replaced; otherwise incoming must share its lineage and be
// newer, or as new with the same content. -force skips it.
func CheckPush(existing, incoming *state.State) error {
	if Empty(existing) {
		return nil
	}
	if existing.Lineage != incoming.Lineage {
		return fmt.Errorf("cannot import state with lineage %q over unrelated state with lineage %q", incoming.Lineage, existing.Lineage)
	}
	if incoming.Serial < existing.Serial {
		return fmt.Errorf("cannot import state with serial %d over newer state with serial %d", incoming.Serial, existing.Serial)
	}
	if incoming.Serial == existing.Serial && !state.Equal(existing, incoming) {
		return fmt.Errorf("cannot overwrite existing state with serial %d with a different state that has the same serial", incoming.Serial)
	}
	return nil
}

// Empty reports whether a state is missing or records nothing.
func Empty(s *state.State) bool {
	return s == nil || (len(s.Resources) == 0 && len(s.Outputs) == 0)
}
