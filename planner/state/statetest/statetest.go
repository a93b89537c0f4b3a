// Package statetest is the conformance suite every state.Store must pass.
package statetest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/vpcplan/vpcplan/planner/state"
)

// TestStore runs the conformance suite. newStore returns a fresh, empty
// store; reopen returns another handle on the same storage (a second
// process, as far as the store can tell).
func TestStore(t *testing.T, newStore func(t *testing.T) (s state.Store, reopen func() state.Store)) {
	t.Run("empty store loads nothing", func(t *testing.T) {
		s, _ := newStore(t)
		got, err := s.Load()
		if err != nil || got != nil {
			t.Fatalf("Load() = %v, %v; want nil, nil", got, err)
		}
	})
	t.Run("save then load round-trips", func(t *testing.T) {
		s, reopen := newStore(t)
		st := sample("a")
		if err := s.Save(st); err != nil {
			t.Fatal(err)
		}
		if st.Serial != 1 {
			t.Errorf("serial after first save = %d, want 1", st.Serial)
		}
		got, err := reopen().Load()
		if err != nil {
			t.Fatal(err)
		}
		if !state.Equal(got, st) || got.Serial != 1 || got.Lineage != st.Lineage {
			t.Errorf("loaded state differs from saved one")
		}
	})
	t.Run("serial moves only when content changes", func(t *testing.T) {
		s, _ := newStore(t)
		st := sample("a")
		mustSave(t, s, st)
		mustSave(t, s, st)
		if st.Serial != 1 {
			t.Errorf("serial after saving the same content = %d, want 1", st.Serial)
		}
		st.Resources[0].Name = "b"
		mustSave(t, s, st)
		if st.Serial != 2 {
			t.Errorf("serial after a change = %d, want 2", st.Serial)
		}
	})
	t.Run("foreign lineage refused and state kept", func(t *testing.T) {
		s, reopen := newStore(t)
		st := sample("a")
		mustSave(t, s, st)
		other := sample("x")
		err := s.Save(other)
		var le *state.LineageError
		if !errors.As(err, &le) {
			t.Fatalf("Save(foreign lineage) = %v, want *LineageError", err)
		}
		got, err := reopen().Load()
		if err != nil || got == nil || got.Lineage != st.Lineage {
			t.Errorf("stored state changed after a refused save")
		}
	})
	t.Run("lock conflicts name the holder", func(t *testing.T) {
		s, reopen := newStore(t)
		unlock, err := s.Lock(context.Background(), state.LockInfo{ID: "first", Operation: "OperationTypeApply", Who: "a@host"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = reopen().Lock(context.Background(), state.LockInfo{ID: "second"})
		var le *state.LockError
		if !errors.As(err, &le) {
			t.Fatalf("second Lock() = %v, want *LockError", err)
		}
		if le.Holder == nil || le.Holder.ID != "first" || le.Holder.Who != "a@host" {
			t.Errorf("holder = %+v, want ID first, Who a@host", le.Holder)
		}
		if err := unlock(); err != nil {
			t.Fatal(err)
		}
		unlock2, err := reopen().Lock(context.Background(), state.LockInfo{ID: "third"})
		if err != nil {
			t.Fatalf("Lock() after unlock = %v", err)
		}
		unlock2()
	})
}

func mustSave(t *testing.T, s state.Store, st *state.State) {
	t.Helper()
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
}

func sample(lineage string) *state.State {
	st := state.New("0.0.0-test")
	st.Lineage = lineage
	st.Resources = []*state.Resource{{
		Mode: "managed", Type: "aws_vpc", Name: "main", Provider: `provider["registry.terraform.io/hashicorp/aws"]`,
		Instances: []*state.Instance{{Attributes: json.RawMessage(`{"cidr_block":"10.0.0.0/16","id":"vpc-1"}`)}},
	}}
	return st
}
