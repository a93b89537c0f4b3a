package state_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/statetest"
)

func TestFileStoreConformance(t *testing.T) {
	statetest.TestStore(t, func(t *testing.T) (state.Store, func() state.Store) {
		path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
		return state.NewFileStore(path), func() state.Store { return state.NewFileStore(path) }
	})
}

func TestMemStoreConformance(t *testing.T) {
	statetest.TestStore(t, func(t *testing.T) (state.Store, func() state.Store) {
		m := &state.MemStore{}
		return m, func() state.Store { return m }
	})
}

func TestFileStoreBackupAndMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vpcplan.tfstate")
	first := state.New("test")
	if err := state.NewFileStore(path).Save(first); err != nil {
		t.Fatal(err)
	}
	s := state.NewFileStore(path)
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	st.Outputs["x"] = &state.OutputState{Value: []byte(`"1"`), Type: []byte(`"string"`)}
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	backup, err := os.ReadFile(s.BackupPath())
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	prev, err := state.Decode(backup)
	if err != nil || prev.Serial != 1 || len(prev.Outputs) != 0 {
		t.Errorf("backup = serial %d outputs %d, want the first snapshot (serial 1, no outputs)", prev.Serial, len(prev.Outputs))
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %v, want 0600", info.Mode().Perm())
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := map[string]struct {
		src  string
		want string
	}{
		"truncated":       {`{"version": 4, "serial": 1`, "not valid JSON"},
		"not json":        {"hello", "not valid JSON"},
		"old version":     {`{"version": 3, "serial": 1, "lineage": "x"}`, "format version 3"},
		"no version":      {`{"serial": 1}`, "no format version"},
		"wrong layout":    {`{"version": 4, "lineage": "x", "resources": {}}`, "state v4 layout"},
		"missing lineage": {`{"version": 4, "serial": 1}`, "no lineage"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := state.Decode([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Decode() error = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestCorruptStateIsNotOverwritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	if err := os.WriteFile(path, []byte(`{"version": 4,`), 0o600); err != nil {
		t.Fatal(err)
	}
	s := state.NewFileStore(path)
	if _, err := s.Load(); err == nil {
		t.Fatal("Load() of a corrupt file succeeded")
	}
	if err := state.NewFileStore(path).Save(state.New("test")); err == nil {
		t.Fatal("Save() over a corrupt file succeeded")
	}
	got, _ := os.ReadFile(path)
	if string(got) != `{"version": 4,` {
		t.Errorf("corrupt state was changed to %q", got)
	}
}
