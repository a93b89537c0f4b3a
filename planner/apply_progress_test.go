package planner_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/vpcplan/vpcplan/planner"
	"github.com/vpcplan/vpcplan/planner/config"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/schema"
	"github.com/zclconf/go-cty/cty"
)

// slowStore is a memory store whose saves take at least delay, and which
// remembers how many instances its last save held.
type slowStore struct {
	state.MemStore
	delay time.Duration
	held  int
	saves int
}

func (s *slowStore) Save(st *state.State) error {
	time.Sleep(s.delay)
	s.saves++
	s.held = 0
	for _, r := range st.Resources {
		s.held += len(r.Instances)
	}
	return s.MemStore.Save(st)
}

// TestApplyReportsSpacedSaves checks the progress of an apply whose saves
// are slow enough to be spaced out: from the save that starts the spacing
// on, every save is reported with how many changes it records, the state
// holds them, and before the first report every completion was saved
// before the next one was reported.
func TestApplyReportsSpacedSaves(t *testing.T) {
	tests := map[string]struct {
		delay time.Duration
		// spaced: the saves are slow enough to be spaced out and reported.
		spaced bool
	}{
		"slow saves":  {delay: 8 * time.Millisecond, spaced: true},
		"quick saves": {delay: 0},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			h.write(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count      = 20
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
`)
			p := h.plan(false)
			store := &slowStore{delay: test.delay}
			var saveEvents []planner.Event
			completed := 0
			progress := func(e planner.Event) {
				switch {
				case e.Op == planner.OpSave:
					if e.Saved != store.held {
						t.Errorf("save event: %d changes saved, but the store holds %d instances", e.Saved, store.held)
					}
					if e.Total != 21 {
						t.Errorf("save event: total %d, want 21", e.Total)
					}
					saveEvents = append(saveEvents, e)
				case e.Op == planner.OpCreate && e.Done:
					completed++
					// Until a save is reported, each completion was saved
					// before the next was reported.
					if len(saveEvents) == 0 && store.held < completed-1 {
						t.Errorf("completion %d reported while the state holds %d instances and no save was reported", completed, store.held)
					}
				}
			}
			_, _, diags := planner.Apply(context.Background(), p, planner.ApplyOptions{
				Store: store, Catalog: h.catalog, ToolVersion: "test", Progress: progress,
				Evaluate: func(ctx context.Context, known func(schema.InstanceAddr) (cty.Value, bool), finalize func(*config.Instance) (cty.Value, hcl.Diagnostics)) (*config.Model, hcl.Diagnostics) {
					return h.evaluate(known, finalize)
				},
			})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if !test.spaced {
				// A quick store on a loaded machine can still be slow once;
				// then reports are right, and the checks above hold.
				if len(saveEvents) > 0 {
					t.Logf("%d saves reported: a save took 5 ms or more", len(saveEvents))
				}
				return
			}
			if len(saveEvents) != store.saves {
				t.Errorf("%d saves reported, want every one of the %d saves", len(saveEvents), store.saves)
			}
			if store.saves >= 22 {
				t.Errorf("%d saves for 21 changes: slow saves were not spaced out", store.saves)
			}
			if n := len(saveEvents); n == 0 || saveEvents[n-1].Saved != 21 {
				t.Errorf("save events %+v, want the last to record all 21 changes", saveEvents)
			}
		})
	}
}
