package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var (
	_ Overwriter = (*FileStore)(nil)
	_ Overwriter = (*MemStore)(nil)
)

// Overwrite replaces the state file with s whatever it holds (state push
// -force), keeping the file it replaces as the backup.
func (f *FileStore) Overwrite(s *State) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, err := os.ReadFile(f.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the state file %s: %w", f.Path, err)
	}
	if err == nil {
		if prev, derr := Decode(data); derr == nil && s.Serial <= prev.Serial {
			s.Serial = prev.Serial + 1
		}
		if !f.backedUp {
			backup := f.first
			if backup == nil {
				backup = data
			}
			if err := writeAtomic(f.BackupPath(), backup); err != nil {
				return fmt.Errorf("cannot write the backup %s: %w", f.BackupPath(), err)
			}
			f.backedUp = true
		}
	}
	if s.Serial == 0 {
		s.Serial = 1
	}
	enc, err := s.Encode()
	if err != nil {
		return err
	}
	if err := writeAtomic(f.Path, enc); err != nil {
		return fmt.Errorf("cannot write the state file %s: %w", f.Path, err)
	}
	f.loaded, f.last, f.lastRaw = true, nil, enc
	return nil
}

// Overwrite replaces the stored snapshot with s whatever it holds.
func (m *MemStore) Overwrite(s *State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.data != nil {
		if prev, err := Decode(m.data); err == nil && s.Serial <= prev.Serial {
			s.Serial = prev.Serial + 1
		}
		if !m.saved {
			m.backup = m.data
		}
	}
	if s.Serial == 0 {
		s.Serial = 1
	}
	data, err := s.Encode()
	if err != nil {
		return err
	}
	m.data, m.saved = data, true
	return nil
}
