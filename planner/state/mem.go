package state

import (
	"context"
	"errors"
	"sync"
)

// MemStore keeps state in memory, for tests and for plans that must not
// touch disk. It follows the Store contract like FileStore.
type MemStore struct {
	mu     sync.Mutex
	data   []byte // the stored encoding, nil when empty
	backup []byte
	lock   *LockInfo
	saved  bool
}

var _ Store = (*MemStore)(nil)

// Lock takes the in-memory lock.
func (m *MemStore) Lock(_ context.Context, info LockInfo) (func() error, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lock != nil {
		h := *m.lock
		return nil, &LockError{Holder: &h, Err: errors.New("locked")}
	}
	info.Path = "memory"
	m.lock = &info
	held := m.lock
	return func() error {
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.lock == held {
			m.lock = nil
		}
		return nil
	}, nil
}

// Load decodes the stored snapshot.
func (m *MemStore) Load() (*State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.data == nil {
		return nil, nil
	}
	return Decode(m.data)
}

// Save stores a snapshot; see Store.
func (m *MemStore) Save(s *State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.data != nil {
		prev, err := Decode(m.data)
		if err != nil {
			return err
		}
		if prev.Lineage != s.Lineage {
			return &LineageError{Stored: prev.Lineage, Given: s.Lineage}
		}
		if Equal(prev, s) {
			s.Serial = prev.Serial
			return nil
		}
		if s.Serial <= prev.Serial {
			s.Serial = prev.Serial + 1
		}
		if !m.saved {
			m.backup = m.data
		}
	} else if s.Serial == 0 {
		s.Serial = 1
	}
	data, err := s.Encode()
	if err != nil {
		return err
	}
	m.data, m.saved = data, true
	return nil
}

// ForceUnlock removes the lock with the given ID.
func (m *MemStore) ForceUnlock(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lock == nil || m.lock.ID != id {
		return errors.New("no lock with that ID")
	}
	m.lock = nil
	return nil
}
