package state

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/vpcplan/vpcplan/internal/inputfile"
)

// FileStore keeps the state in a local file, as Terraform's local backend
// does: PATH, the backup PATH.backup, and the lock file .NAME.lock.info
// beside it, held with flock so that the lock dies with its holder, and
// present only while a run holds the lock (or after a killed one).
type FileStore struct {
	Path string
	// MaxSize bounds the size of the state file it reads, in bytes (the
	// file size bound, bounds.Limits.FileSize); 0 means the bound's
	// default.
	MaxSize int64

	mu sync.Mutex
	// last describes the snapshot last loaded or saved: its lineage,
	// serial and content encoding (see encodeContent), or nil. After a
	// Load it is computed from lastRaw only when Save needs it, so that
	// reading a state (plan, show) never pays for re-encoding it.
	last     *snapshot
	lastRaw  []byte
	first    []byte // the encoding of the first snapshot loaded
	loaded   bool
	backedUp bool
	lockFile *os.File
	lockInfo LockInfo
	// onDisk is the state file as last read or written (nil when there
	// was none): Save compares the file with it before replacing it.
	onDisk *diskMark
}

// diskMark identifies a version of the state file: its lineage and serial,
// and the file's identity, so that an unchanged file is recognised without
// reading it (every save renames a new file into place).
type diskMark struct {
	lineage string
	serial  uint64
	info    fs.FileInfo
}

var _ Store = (*FileStore)(nil)

// NewFileStore returns a store for the state file at path.
func NewFileStore(path string) *FileStore { return &FileStore{Path: path} }

// BackupPath is where the previous snapshot is kept.
func (f *FileStore) BackupPath() string { return f.Path + ".backup" }

// LockPath is the lock file.
func (f *FileStore) LockPath() string {
	return filepath.Join(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".lock.info")
}

// Load reads the state file; a missing file is no state.
func (f *FileStore) Load() (*State, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, info, err := f.readStateFile()
	if errors.Is(err, fs.ErrNotExist) {
		f.loaded = true
		f.last, f.lastRaw, f.onDisk = nil, nil, nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the state file %s: %w", f.Path, err)
	}
	s, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	if !f.loaded {
		f.first = data
	}
	f.loaded = true
	f.last, f.lastRaw = nil, data
	f.onDisk = &diskMark{lineage: s.Lineage, serial: s.Serial, info: info}
	return s, nil
}

// checkDisk fails unless the state file is still the one this store last
// read or wrote (same lineage and serial, or still absent): another
// process, with or without the lock, may have replaced it, and saving
// over it would lose its changes.
func (f *FileStore) checkDisk() error {
	info, err := os.Stat(f.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if f.onDisk == nil {
			return nil
		}
		return &ConflictError{Path: f.Path, Read: f.onDisk, Now: nil}
	case err != nil:
		return fmt.Errorf("cannot read the state file %s: %w", f.Path, err)
	case f.onDisk != nil && os.SameFile(info, f.onDisk.info) && info.Size() == f.onDisk.info.Size() && info.ModTime().Equal(f.onDisk.info.ModTime()):
		return nil
	}
	data, info, err := f.readStateFile()
	if err != nil {
		return fmt.Errorf("cannot read the state file %s: %w", f.Path, err)
	}
	var probe struct {
		Lineage string `json:"lineage"`
		Serial  uint64 `json:"serial"`
	}
	now := &diskMark{info: info}
	if json.Unmarshal(data, &probe) == nil {
		now.lineage, now.serial = probe.Lineage, probe.Serial
	}
	if f.onDisk == nil || now.lineage != f.onDisk.lineage || now.serial != f.onDisk.serial {
		return &ConflictError{Path: f.Path, Read: f.onDisk, Now: now}
	}
	f.onDisk = now
	return nil
}

// ConflictError is returned by Save when the state file changed on disk
// since the store read or wrote it: another process saved a state.
type ConflictError struct {
	Path      string
	Read, Now *diskMark
}

func (e *ConflictError) Error() string {
	desc := func(m *diskMark) string {
		if m == nil {
			return "no state file"
		}
		return fmt.Sprintf("lineage %q serial %d", m.lineage, m.serial)
	}
	return fmt.Sprintf("the state file %s changed since it was read (it had %s, it now has %s): another process wrote it; refusing to overwrite its changes. Run the command again, and use the state lock (do not pass -lock=false) when runs can overlap", e.Path, desc(e.Read), desc(e.Now))
}

// Save writes the state atomically; see Store.
func (f *FileStore) Save(s *State) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.loaded {
		// Compare against what is on disk, as if it had been loaded.
		data, info, err := f.readStateFile()
		if err == nil {
			f.first, f.lastRaw = data, data
			f.onDisk = &diskMark{info: info}
			if prev, err := Decode(data); err == nil {
				f.onDisk.lineage, f.onDisk.serial = prev.Lineage, prev.Serial
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot read the state file %s: %w", f.Path, err)
		}
		f.loaded = true
	}
	if f.lastRaw != nil {
		prev, err := Decode(f.lastRaw)
		if err != nil {
			return fmt.Errorf("%s: %w; refusing to overwrite it", f.Path, err)
		}
		if f.last, err = newSnapshot(prev); err != nil {
			return err
		}
		f.lastRaw = nil
	}
	if f.last != nil && f.last.lineage != s.Lineage {
		return &LineageError{Stored: f.last.lineage, Given: s.Lineage}
	}
	next, err := newSnapshot(s)
	if err != nil {
		return err
	}
	if f.last != nil {
		if bytes.Equal(f.last.content, next.content) {
			s.Serial = f.last.serial
			return nil
		}
		if s.Serial <= f.last.serial {
			if f.last.serial == math.MaxUint64 {
				return fmt.Errorf("cannot save the state %s: its serial is at the largest value (%d) and cannot be increased", f.Path, f.last.serial)
			}
			s.Serial = f.last.serial + 1
		}
	} else if s.Serial == 0 {
		s.Serial = 1
	}
	next.serial = s.Serial
	data := s.framed(next.content)
	if !f.backedUp && f.first != nil {
		if err := writeAtomic(f.BackupPath(), f.first); err != nil {
			return fmt.Errorf("cannot write the backup %s: %w", f.BackupPath(), err)
		}
		f.backedUp = true
	}
	if f.lockFile == nil {
		// Without the state lock (-lock=false), the lock file is held
		// for the comparison and the rename only, so that two saves
		// cannot both pass the comparison before either renames.
		release, err := f.saveLock()
		if err != nil {
			return err
		}
		defer release()
	}
	if err := f.checkDisk(); err != nil {
		return err
	}
	if err := writeAtomic(f.Path, data...); err != nil {
		return fmt.Errorf("cannot write the state file %s: %w", f.Path, err)
	}
	f.last = next
	if info, err := os.Stat(f.Path); err == nil {
		f.onDisk = &diskMark{lineage: s.Lineage, serial: s.Serial, info: info}
	}
	return nil
}

// snapshot is what a store remembers of the snapshot it last read or
// wrote, to tell whether a new one changes anything.
type snapshot struct {
	lineage string
	serial  uint64
	content []byte
}

func newSnapshot(s *State) (*snapshot, error) {
	content, err := s.encodeContent()
	if err != nil {
		return nil, err
	}
	return &snapshot{lineage: s.Lineage, serial: s.Serial, content: content}, nil
}

// writeAtomic replaces path with the pieces of data: a temporary file in the same
// directory, synced, renamed over path, and the directory synced. The file
// has mode 0600: state holds secrets.
func writeAtomic(path string, data ...[]byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	cleanup := func() { tmp.Close(); os.Remove(name) }
	if err := tmp.Chmod(0o600); err != nil {
		cleanup()
		return err
	}
	for _, d := range data {
		if _, err := tmp.Write(d); err != nil {
			cleanup()
			return err
		}
	}
	if err := tmp.Sync(); err != nil {
		cleanup()
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Lock takes an exclusive flock on the lock file and records info in it;
// unlocking removes the file, as Terraform's local backend removes its
// lock info file. The kernel releases the flock when the process dies, so
// a crashed holder never blocks the next run; its info stays in the file
// until the next holder overwrites it (or force-unlock removes it).
//
// The flock is on the lock file itself, not on the state file (Terraform
// locks the state file, which it rewrites in place; Save renames a new
// state file into place, so a lock on the old one would not exclude a
// run that opens the new one). Removing a flocked file is safe under one
// protocol, which every function here follows: the file is removed only
// by a process that holds its flock, and a process that gets a flock
// checks that the path still names the file it locked (openLock); if not,
// the file was removed under it, and it opens the path again.
func (f *FileStore) Lock(_ context.Context, info LockInfo) (func() error, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.lockFile != nil {
		return nil, &LockError{Holder: &f.lockInfo, Err: errors.New("already locked by this process")}
	}
	lf, err := openLock(f.LockPath(), flockOrHolder)
	if err != nil {
		return nil, err
	}
	_ = lf.Chmod(0o600) // a lock file left by an older version may be 0644
	f.removeStaleTemps()
	info.Path = f.Path
	data, _ := json.Marshal(lockInfoJSON(info))
	// A killed holder leaves its info behind: it is overwritten.
	if err := lf.Truncate(0); err == nil {
		_, err = lf.WriteAt(data, 0)
		if err == nil {
			err = lf.Sync()
		}
	}
	f.lockFile, f.lockInfo = lf, info
	return func() error { return f.unlock(lf) }, nil
}

// errStale is returned by a take function of openLock when the file it
// tries to lock is no longer the one the lock path names.
var errStale = errors.New("the lock file was removed")

// openLock opens the lock file at path, creating it, and takes its flock
// with take, which returns nil once it holds the flock. It returns the
// file only when, with the flock held, path still names it: a holder
// removes the file as it unlocks, and a process that opened the file
// before that and then got its flock holds a lock nobody else sees.
// Such a file is closed and path opened again.
func openLock(path string, take func(lf *os.File, path string) error) (*os.File, error) {
	for i := 0; ; i++ {
		lf, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("cannot open the lock file %s: %w", path, err)
		}
		err = take(lf, path)
		if err == nil {
			if isCurrent(lf, path) {
				return lf, nil
			}
			_ = syscall.Flock(int(lf.Fd()), syscall.LOCK_UN)
			err = errStale
		}
		lf.Close()
		if !errors.Is(err, errStale) {
			return nil, err
		}
		if i == 1000 {
			return nil, &LockError{Err: fmt.Errorf("the lock file %s was removed %d times while this process tried to lock it", path, i+1)}
		}
	}
}

// isCurrent reports whether path names the open file lf.
func isCurrent(lf *os.File, path string) bool {
	held, err := lf.Stat()
	if err != nil {
		return false
	}
	named, err := os.Stat(path)
	return err == nil && os.SameFile(held, named)
}

// removeLock removes the lock file lf, whose flock the caller holds, if
// the path still names it, and then releases the flock and closes lf. It
// clears the file first, so that a process still holding it open does not
// name a holder that is gone.
func removeLock(lf *os.File, path string) error {
	_ = lf.Truncate(0)
	var err error
	if isCurrent(lf, path) {
		if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			err = rerr
		}
	}
	if uerr := syscall.Flock(int(lf.Fd()), syscall.LOCK_UN); err == nil {
		err = uerr
	}
	if cerr := lf.Close(); err == nil {
		err = cerr
	}
	return err
}

// saveLock takes the lock file's flock for one save, waiting up to 10 s
// for another save to finish; a process holding the state lock for its
// whole run keeps it longer, and the save fails with its LockError. The
// release removes the lock file, as an unlock does.
func (f *FileStore) saveLock() (func(), error) {
	deadline := time.Now().Add(10 * time.Second)
	lf, err := openLock(f.LockPath(), func(lf *os.File, path string) error {
		for {
			err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if err == nil {
				return nil
			}
			if !isCurrent(lf, path) {
				return errStale
			}
			if time.Now().After(deadline) {
				return &LockError{Holder: readLockInfo(lf), Err: fmt.Errorf("the state is locked, so this save (made without the lock) cannot check the file: %w", err)}
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
	if err != nil {
		return nil, err
	}
	_ = lf.Chmod(0o600)
	path := f.LockPath()
	return func() { _ = removeLock(lf, path) }, nil
}

// removeStaleTemps removes the temporary files of saves that never
// finished (a killed process leaves them, and they can be as large as the
// state). It runs under the lock, when no other locked save can be under
// way.
func (f *FileStore) removeStaleTemps() {
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(f.Path), tempPrefix(f.Path)+"*"))
	names2, _ := filepath.Glob(filepath.Join(filepath.Dir(f.Path), tempPrefix(f.BackupPath())+"*"))
	for _, n := range append(names, names2...) {
		if info, err := os.Lstat(n); err == nil && info.Mode().IsRegular() {
			_ = os.Remove(n)
		}
	}
}

// tempPrefix is the name writeAtomic's temporary files for path start with.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

func (f *FileStore) unlock(lf *os.File) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.lockFile != lf {
		return nil
	}
	f.lockFile = nil
	return removeLock(lf, f.LockPath())
}

// ForceUnlock cannot release another process's flock (the kernel releases
// it when that process ends), so for a local state it only removes a lock
// file left with the given ID, and reports a live holder as an error.
func (f *FileStore) ForceUnlock(id string) error {
	path := f.LockPath()
	lf, err := os.OpenFile(path, os.O_RDWR, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the state is not locked")
	}
	if err != nil {
		return err
	}
	holder := readLockInfo(lf)
	if holder == nil || holder.ID != id {
		lf.Close()
		return fmt.Errorf("the lock ID %q does not match the lock", id)
	}
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lf.Close()
		return &LockError{Holder: holder, Err: errors.New("local state cannot be unlocked by another process: the holder is still running")}
	}
	if !isCurrent(lf, path) || readLockInfo(lf) == nil {
		// Its holder unlocked it meanwhile.
		_ = syscall.Flock(int(lf.Fd()), syscall.LOCK_UN)
		lf.Close()
		return fmt.Errorf("the state is not locked")
	}
	return removeLock(lf, path)
}

type lockJSON struct {
	ID        string `json:"ID"`
	Operation string `json:"Operation"`
	Info      string `json:"Info"`
	Who       string `json:"Who"`
	Version   string `json:"Version"`
	Created   string `json:"Created"`
	Path      string `json:"Path"`
}

func lockInfoJSON(l LockInfo) lockJSON {
	return lockJSON{ID: l.ID, Operation: l.Operation, Info: l.Info, Who: l.Who, Version: l.Version, Created: l.Created.UTC().Format("2006-01-02T15:04:05.999999999Z07:00"), Path: l.Path}
}

// flockOrHolder takes the lock file's flock, or returns a LockError that
// names its holder. A holder writes its info just after it takes the flock
// and clears it as it lets go, so a contender arriving in between reads
// nothing: it tries again, for up to a second, until it either holds the
// flock (the holder is done) or can name the holder. It returns errStale
// when the holder removed the file (see openLock).
func flockOrHolder(lf *os.File, path string) error {
	var last error
	for i := 0; i <= 100; i++ {
		err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !isCurrent(lf, path) {
			return errStale
		}
		if info := readLockInfo(lf); info != nil {
			return &LockError{Holder: info, Err: err}
		}
		last = err
		time.Sleep(10 * time.Millisecond)
	}
	return &LockError{Err: last}
}

func readLockInfo(lf *os.File) *LockInfo {
	st, err := lf.Stat()
	if err != nil || st.Size() == 0 {
		return nil
	}
	buf := make([]byte, st.Size())
	if _, err := lf.ReadAt(buf, 0); err != nil {
		return nil
	}
	var j lockJSON
	if json.Unmarshal(bytes.TrimSpace(buf), &j) != nil {
		return nil
	}
	info := &LockInfo{ID: j.ID, Operation: j.Operation, Info: j.Info, Who: j.Who, Version: j.Version, Path: j.Path}
	info.Created, _ = time.Parse(time.RFC3339Nano, j.Created)
	return info
}

// readStateFile reads the state file (a regular file within MaxSize) and
// returns its information.
func (f *FileStore) readStateFile() ([]byte, fs.FileInfo, error) {
	return inputfile.ReadFileInfo(f.Path, f.MaxSize)
}
