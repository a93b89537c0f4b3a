package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vpcplan/vpcplan/planner/state"
)

// heldLock is the lock this store holds.
type heldLock struct {
	info  state.LockInfo
	rowID *int64 // the states row whose id Terraform locks, when locked too
}

// Lock takes the workspace's advisory lock on the store's connection and
// records info in vpcplan_locks. A conflict returns a *state.LockError
// naming the holder as that table records it.
func (s *Store) Lock(ctx context.Context, info state.LockInfo) (func() error, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ready(); err != nil {
		return nil, err
	}
	if s.lock != nil {
		h := s.lock.info
		return nil, &state.LockError{Holder: &h, Err: errors.New("already locked by this process")}
	}
	key := lockKey(s.cfg.Schema, s.cfg.Workspace)
	// A holder that releases the lock while its record is looked up is
	// no conflict: try again.
	for try := 0; ; try++ {
		var ok bool
		if err := s.conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil {
			return nil, describe("cannot lock "+s.where(), err)
		}
		if ok {
			break
		}
		holder, released := s.holder(ctx, key)
		if !released || try == 4 {
			return nil, &state.LockError{Holder: holder, Err: fmt.Errorf("%s is locked by another process", s.where())}
		}
	}
	var ok bool
	held := &heldLock{info: info}
	// Terraform's pg backend locks the row's id: hold it too, so that
	// Terraform and vpcplan exclude each other on a shared workspace.
	var rowID int64
	err := s.conn.QueryRow(ctx, "SELECT id FROM "+s.table("states")+" WHERE name = $1", s.cfg.Workspace).Scan(&rowID)
	if err == nil {
		if err = s.conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", rowID).Scan(&ok); err == nil && !ok {
			s.releaseKeys(key, nil)
			return nil, &state.LockError{Err: fmt.Errorf("%s is locked by Terraform (its advisory lock %d on the row is held)", s.where(), rowID)}
		}
		held.rowID = &rowID
	}
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		s.releaseKeys(key, nil)
		return nil, describe("cannot lock "+s.where(), err)
	}
	held.info.Path = fmt.Sprintf("%s/%s", s.cfg.Schema, s.cfg.Workspace)
	data, _ := json.Marshal(lockJSON(held.info))
	_, err = s.conn.Exec(ctx, "INSERT INTO "+s.table("vpcplan_locks")+" (name, id, info, pid) VALUES ($1, $2, $3, pg_backend_pid()) "+
		"ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id, info = EXCLUDED.info, pid = EXCLUDED.pid", s.cfg.Workspace, info.ID, string(data))
	if err != nil {
		s.releaseKeys(key, held.rowID)
		return nil, describe("cannot record the lock of "+s.where(), err)
	}
	s.lock = held
	return func() error { return s.unlock(held) }, nil
}

func (s *Store) unlock(held *heldLock) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock != held || s.conn == nil {
		return nil
	}
	s.lock = nil
	_, err := s.conn.Exec(s.ctx, "DELETE FROM "+s.table("vpcplan_locks")+" WHERE name = $1 AND id = $2", s.cfg.Workspace, held.info.ID)
	if rerr := s.releaseKeys(lockKey(s.cfg.Schema, s.cfg.Workspace), held.rowID); err == nil {
		err = rerr
	}
	return describe("cannot unlock "+s.where(), err)
}

func (s *Store) releaseKeys(key int64, rowID *int64) error {
	_, err := s.conn.Exec(s.ctx, "SELECT pg_advisory_unlock($1)", key)
	if rowID != nil {
		if _, rerr := s.conn.Exec(s.ctx, "SELECT pg_advisory_unlock($1)", *rowID); err == nil {
			err = rerr
		}
	}
	return err
}

// holder reads the lock info the holder of key recorded, or nil; released
// tells that nobody holds the lock any more. The holder records its info
// just after it takes the lock, so the record read may be missing, or its
// predecessor's, for a moment: holder waits (up to a second) for the
// record of the session that holds the lock.
func (s *Store) holder(ctx context.Context, key int64) (info *state.LockInfo, released bool) {
	deadline := time.Now().Add(time.Second)
	for {
		pid, err := s.lockHolderPID(ctx, key)
		if err != nil {
			return nil, false
		}
		if pid == 0 {
			return nil, true
		}
		var data string
		var recorded int32
		err = s.conn.QueryRow(ctx, "SELECT info, pid FROM "+s.table("vpcplan_locks")+" WHERE name = $1", s.cfg.Workspace).Scan(&data, &recorded)
		if err == nil && recorded == pid {
			var j lockInfoJSON
			if json.Unmarshal([]byte(data), &j) != nil {
				return nil, false
			}
			info := &state.LockInfo{ID: j.ID, Operation: j.Operation, Info: j.Info, Who: j.Who, Version: j.Version, Path: j.Path}
			info.Created, _ = time.Parse(time.RFC3339Nano, j.Created)
			return info, false
		}
		if err != nil && !errors.Is(err, pgx.ErrNoRows) || time.Now().After(deadline) {
			return nil, false
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// ForceUnlock releases a lock whose ID is id. A holder that is gone left
// only its record, which is removed. A holder still connected has its
// connection ended (pg_terminate_backend, which needs the holder's role or
// pg_signal_backend): a session lock cannot be released from another
// session, and the holder's next write then fails instead of landing.
func (s *Store) ForceUnlock(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ready(); err != nil {
		return err
	}
	var recordedID string
	var pid int32
	err := s.conn.QueryRow(s.ctx, "SELECT id, pid FROM "+s.table("vpcplan_locks")+" WHERE name = $1", s.cfg.Workspace).Scan(&recordedID, &pid)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("pg backend: %s is not locked", s.where())
	}
	if err != nil {
		return describe("cannot read the lock of "+s.where(), err)
	}
	if recordedID != id {
		return fmt.Errorf("pg backend: the lock ID %q does not match the lock of %s, %q", id, s.where(), recordedID)
	}
	key := lockKey(s.cfg.Schema, s.cfg.Workspace)
	deadline := time.Now().Add(10 * time.Second)
	for {
		var ok bool
		if err := s.conn.QueryRow(s.ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil {
			return describe("cannot unlock "+s.where(), err)
		}
		if ok {
			break
		}
		holderPID, err := s.lockHolderPID(s.ctx, key)
		if err != nil {
			return describe("cannot find the lock holder of "+s.where(), err)
		}
		if holderPID != 0 {
			var killed bool
			if err := s.conn.QueryRow(s.ctx, "SELECT pg_terminate_backend($1)", holderPID).Scan(&killed); err != nil {
				return describe(fmt.Sprintf("cannot end the lock holder's session (backend %d)", holderPID), err)
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("pg backend: the lock of %s is still held after its holder's session was ended", s.where())
		}
		time.Sleep(100 * time.Millisecond)
	}
	_, err = s.conn.Exec(s.ctx, "DELETE FROM "+s.table("vpcplan_locks")+" WHERE name = $1 AND id = $2", s.cfg.Workspace, id)
	s.releaseKeys(key, nil)
	return describe("cannot unlock "+s.where(), err)
}

// lockHolderPID is the backend process holding the advisory lock key, or 0.
func (s *Store) lockHolderPID(ctx context.Context, key int64) (int32, error) {
	var pid int32
	err := s.conn.QueryRow(ctx, `SELECT pid FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 1
		  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND classid::bigint = $1 AND objid::bigint = $2
		LIMIT 1`, int64(uint64(key)>>32), int64(uint64(key)&0xffffffff)).Scan(&pid)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return pid, err
}

type lockInfoJSON struct {
	ID        string `json:"ID"`
	Operation string `json:"Operation"`
	Info      string `json:"Info"`
	Who       string `json:"Who"`
	Version   string `json:"Version"`
	Created   string `json:"Created"`
	Path      string `json:"Path"`
}

func lockJSON(l state.LockInfo) lockInfoJSON {
	return lockInfoJSON{ID: l.ID, Operation: l.Operation, Info: l.Info, Who: l.Who, Version: l.Version, Created: l.Created.UTC().Format(time.RFC3339Nano), Path: l.Path}
}
