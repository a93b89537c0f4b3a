package state_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner/state"
)

// withOutput returns s with one more output, a change that bumps the
// serial.
func withOutput(s *state.State, name string) *state.State {
	s.Outputs[name] = &state.OutputState{Value: []byte(`"1"`), Type: []byte(`"string"`)}
	return s
}

// TestFileStoreRefusesChangedFile: two stores that read the same snapshot
// (two runs with -lock=false) cannot both save; the second is refused and
// the first one's change is kept.
func TestFileStoreRefusesChangedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	a, b := state.NewFileStore(path), state.NewFileStore(path)
	sa, err := a.Load()
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Save(withOutput(sa, "a")); err != nil {
		t.Fatal(err)
	}
	err = b.Save(withOutput(sb, "b"))
	var conflict *state.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("second save: got %v, want a *state.ConflictError", err)
	}
	got, err := state.NewFileStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Outputs["a"] == nil || got.Outputs["b"] != nil || got.Serial != 2 {
		t.Errorf("on disk: outputs %v serial %d, want a's save (output a, serial 2)", got.Outputs, got.Serial)
	}
	// A store keeps saving over its own writes.
	if err := a.Save(withOutput(sa, "a2")); err != nil {
		t.Errorf("a's next save: %v", err)
	}
}

// TestFileStoreRefusesForeignLineageOnDisk: a state of another lineage
// written over the file between load and save is not overwritten, even
// with the serial the store expects.
func TestFileStoreRefusesForeignLineageOnDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	s := state.NewFileStore(path)
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	other := state.New("test")
	other.Serial = st.Serial
	if err := state.NewFileStore(path + ".other").Save(other); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".other", path); err != nil {
		t.Fatal(err)
	}
	var conflict *state.ConflictError
	if err := s.Save(withOutput(st, "x")); !errors.As(err, &conflict) {
		t.Fatalf("got %v, want a *state.ConflictError", err)
	}
}

// TestFileStoreRefusesStateCreatedMeanwhile: a store that found no state
// does not overwrite one another process created since.
func TestFileStoreRefusesStateCreatedMeanwhile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	s := state.NewFileStore(path)
	if st, err := s.Load(); err != nil || st != nil {
		t.Fatalf("Load = %v, %v; want no state", st, err)
	}
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	var conflict *state.ConflictError
	if err := s.Save(state.New("test")); !errors.As(err, &conflict) {
		t.Fatalf("got %v, want a *state.ConflictError", err)
	}
}

// TestFileStoreSerialNeverWraps: a state at the largest serial cannot be
// changed, and the file keeps it.
func TestFileStoreSerialNeverWraps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	st := state.New("test")
	st.Serial = math.MaxUint64
	if err := state.NewFileStore(path).Save(st); err != nil {
		t.Fatal(err)
	}
	s := state.NewFileStore(path)
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(withOutput(st, "x")); err == nil {
		t.Fatal("saved past the largest serial")
	}
	got, err := state.NewFileStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Serial != math.MaxUint64 || len(got.Outputs) != 0 {
		t.Errorf("on disk: serial %d outputs %d, want %d and none", got.Serial, len(got.Outputs), uint64(math.MaxUint64))
	}
}

// TestFileStoreRemovesStaleTemps: the temporary files a killed save left
// are removed by the next run that takes the lock.
func TestFileStoreRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vpcplan.tfstate")
	stale := []string{
		filepath.Join(dir, ".vpcplan.tfstate.tmp-123456"),
		filepath.Join(dir, ".vpcplan.tfstate.backup.tmp-42"),
	}
	for _, n := range stale {
		if err := os.WriteFile(n, []byte(`{"version": 4, "trunc`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	keep := filepath.Join(dir, "other.tmp-1")
	if err := os.WriteFile(keep, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	unlock, err := state.NewFileStore(path).Lock(context.Background(), state.LockInfo{ID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, n := range stale {
		if _, err := os.Stat(n); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: got %v, want it removed", filepath.Base(n), err)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("an unrelated file was removed: %v", err)
	}
}

// TestFileStoreModesOfExistingFiles: state, backup and lock files that
// exist with mode 0644 are 0600 once written.
func TestFileStoreModesOfExistingFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vpcplan.tfstate")
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	s := state.NewFileStore(path)
	for _, n := range []string{path, s.BackupPath(), s.LockPath()} {
		if _, err := os.Stat(n); errors.Is(err, os.ErrNotExist) {
			if err := os.WriteFile(n, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(n, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unlock, err := s.Lock(context.Background(), state.LockInfo{ID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(withOutput(st, "x")); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{path, s.BackupPath(), s.LockPath()} {
		info, err := os.Stat(n)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", filepath.Base(n), info.Mode().Perm())
		}
	}
}

// TestFileStoreRefusesNonRegularFiles: a state path that is a FIFO or
// leads to a device is an error at once, not a hang or an endless read.
func TestFileStoreRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.tfstate")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.tfstate")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, zero} {
		done := make(chan error, 1)
		go func() { _, err := state.NewFileStore(p).Load(); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, inputfile.ErrNotRegular) {
				t.Errorf("%s: got %v, want a not-a-regular-file error", filepath.Base(p), err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load did not return within 5 s", filepath.Base(p))
		}
	}
}

// TestFileStoreConcurrentUnlockedSaves: ten stores that load the same
// snapshot and then save at once without the state lock (-lock=false)
// lose nothing: one save lands, the nine others are refused with a
// ConflictError.
func TestFileStoreConcurrentUnlockedSaves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	const n = 10
	errs := make(chan error, n)
	start := make(chan struct{})
	var loaded sync.WaitGroup
	loaded.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			s := state.NewFileStore(path)
			st, err := s.Load()
			loaded.Done()
			if err != nil {
				errs <- err
				return
			}
			<-start
			errs <- s.Save(withOutput(st, string(rune('a'+i))))
		}(i)
	}
	loaded.Wait()
	close(start)
	saved := 0
	for i := 0; i < n; i++ {
		err := <-errs
		var conflict *state.ConflictError
		switch {
		case err == nil:
			saved++
		case !errors.As(err, &conflict):
			t.Errorf("got %v, want success or a *state.ConflictError", err)
		}
	}
	got, err := state.NewFileStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if saved != 1 || got.Serial != 2 || len(got.Outputs) != 1 {
		t.Errorf("%d saves succeeded, serial %d, %d outputs; want 1, 2 and 1", saved, got.Serial, len(got.Outputs))
	}
}

// TestFileStoreUnlockRemovesLockFile: the lock file holds the holder's
// info while the lock is held and is gone once it is released, as
// Terraform's .terraform.tfstate.lock.info is; a save made without the
// state lock (-lock=false) leaves none either.
func TestFileStoreUnlockRemovesLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	s := state.NewFileStore(path)
	unlock, err := s.Lock(context.Background(), state.LockInfo{ID: "held", Operation: "OperationTypePlan"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.LockPath())
	if err != nil {
		t.Fatalf("while locked: %v", err)
	}
	if !strings.Contains(string(data), `"ID":"held"`) {
		t.Errorf("while locked the lock file holds %q, want the holder's info", data)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.LockPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after unlock: got %v, want no lock file", err)
	}
	if err := state.NewFileStore(path).Save(state.New("test")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.LockPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after a save without the lock: got %v, want no lock file", err)
	}
}

// TestFileStoreLockOverKilledHolder: the lock file a killed holder left
// (its info, no flock) does not block the next run, which replaces the
// info and removes the file as it unlocks; force-unlock with the left ID
// removes it too.
func TestFileStoreLockOverKilledHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	s := state.NewFileStore(path)
	left := []byte(`{"ID":"dead","Operation":"OperationTypeApply","Info":"","Who":"a@host","Version":"test","Created":"2026-11-28T12:00:00Z","Path":"vpcplan.tfstate"}`)
	if err := os.WriteFile(s.LockPath(), left, 0o600); err != nil {
		t.Fatal(err)
	}
	unlock, err := s.Lock(context.Background(), state.LockInfo{ID: "next"})
	if err != nil {
		t.Fatalf("Lock over a dead holder's file: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.LockPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after unlock: got %v, want no lock file", err)
	}

	if err := os.WriteFile(s.LockPath(), left, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.ForceUnlock("other"); err == nil {
		t.Error("ForceUnlock with another ID succeeded")
	}
	if err := s.ForceUnlock("dead"); err != nil {
		t.Fatalf("ForceUnlock: %v", err)
	}
	if _, err := os.Stat(s.LockPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after force-unlock: got %v, want no lock file", err)
	}
}

// TestFileStoreForceUnlockLiveHolder: force-unlock refuses a holder that
// is still running and leaves its lock in place.
func TestFileStoreForceUnlockLiveHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	unlock, err := state.NewFileStore(path).Lock(context.Background(), state.LockInfo{ID: "live"})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	s := state.NewFileStore(path)
	var le *state.LockError
	if err := s.ForceUnlock("live"); !errors.As(err, &le) {
		t.Fatalf("ForceUnlock of a live holder: got %v, want a *state.LockError", err)
	}
	if _, err := s.Lock(context.Background(), state.LockInfo{ID: "second"}); !errors.As(err, &le) || le.Holder == nil || le.Holder.ID != "live" {
		t.Errorf("Lock after a refused force-unlock: got %v, want a *state.LockError naming live", err)
	}
}

// TestFileStoreLockExclusiveWithRemoval: the lock file is removed at every
// unlock, and a contender may have it open when it goes; stores that lock
// and unlock in a loop are still never two to hold the lock at once (one
// that gets the flock of a removed file opens the path again).
func TestFileStoreLockExclusiveWithRemoval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vpcplan.tfstate")
	const workers, rounds = 8, 40
	var holders, maxHolders, acquired atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := state.NewFileStore(path)
			for r := 0; r < rounds; {
				unlock, err := s.Lock(context.Background(), state.LockInfo{ID: fmt.Sprintf("w%d-r%d", w, r)})
				var le *state.LockError
				if errors.As(err, &le) {
					time.Sleep(time.Duration(w%3) * 100 * time.Microsecond)
					continue
				}
				if err != nil {
					errs <- err
					return
				}
				n := holders.Add(1)
				for {
					m := maxHolders.Load()
					if n <= m || maxHolders.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(200 * time.Microsecond)
				holders.Add(-1)
				acquired.Add(1)
				if err := unlock(); err != nil {
					errs <- err
					return
				}
				r++
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := maxHolders.Load(); got != 1 {
		t.Errorf("%d stores held the lock at once, want 1", got)
	}
	if got := acquired.Load(); got != workers*rounds {
		t.Errorf("the lock was taken %d times, want %d", got, workers*rounds)
	}
	if _, err := os.Stat(state.NewFileStore(path).LockPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after the last unlock: got %v, want no lock file", err)
	}
}
