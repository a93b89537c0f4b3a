package state

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Store persists state snapshots under a lock.
type Store interface {
	// Lock takes the store's lock for the operation in info, or returns a
	// *LockError naming the current holder. The returned function releases
	// the lock.
	Lock(ctx context.Context, info LockInfo) (unlock func() error, err error)
	// Load returns the stored snapshot, or nil and no error when there is
	// none yet.
	Load() (*State, error)
	// Save stores a snapshot. It refuses a lineage other than the stored
	// one (*LineageError), bumps s.Serial only when the content differs from
	// the snapshot last loaded or saved, and keeps the snapshot first loaded
	// as the backup before the first change.
	Save(s *State) error
	// ForceUnlock removes a lock that its holder left behind; id must match
	// the lock's ID.
	ForceUnlock(id string) error
}

// LockInfo describes a lock, in the fields Terraform records.
type LockInfo struct {
	ID        string
	Operation string // "OperationTypePlan", "OperationTypeApply", ...
	Info      string
	Who       string // user@host
	Version   string
	Created   time.Time
	Path      string
}

// String renders the lock info as Terraform prints it on a conflict.
func (l LockInfo) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Lock Info:\n")
	fmt.Fprintf(&b, "  ID:        %s\n", l.ID)
	fmt.Fprintf(&b, "  Path:      %s\n", l.Path)
	fmt.Fprintf(&b, "  Operation: %s\n", l.Operation)
	fmt.Fprintf(&b, "  Who:       %s\n", l.Who)
	fmt.Fprintf(&b, "  Version:   %s\n", l.Version)
	fmt.Fprintf(&b, "  Created:   %s\n", l.Created)
	fmt.Fprintf(&b, "  Info:      %s\n", l.Info)
	return b.String()
}

// LockError is returned when the lock is held. Holder is the holder's info
// when it could be read.
type LockError struct {
	Holder *LockInfo
	Err    error
}

func (e *LockError) Error() string {
	msg := "the state is locked"
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.Holder != nil {
		msg += "\n" + e.Holder.String()
	}
	return msg
}

func (e *LockError) Unwrap() error { return e.Err }

// LineageError is returned by Save for a state of another lineage.
type LineageError struct {
	Stored, Given string
}

func (e *LineageError) Error() string {
	return fmt.Sprintf("cannot save a state with lineage %q over the unrelated state with lineage %q", e.Given, e.Stored)
}

// LockWithTimeout takes the lock, retrying while another process holds it
// until timeout passes: after 1s, then doubling up to 16s between tries, as
// Terraform does. A zero timeout tries once.
func LockWithTimeout(ctx context.Context, s Store, info LockInfo, timeout time.Duration) (func() error, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	delay := time.Second
	for {
		unlock, err := s.Lock(ctx, info)
		var le *LockError
		if err == nil || !errors.As(err, &le) || timeout <= 0 {
			return unlock, err
		}
		wait := delay
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			wait = time.Until(dl)
		}
		if wait <= 0 {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		if delay < 16*time.Second {
			delay *= 2
		}
	}
}

// Overwriter is a Store that can replace its state whatever lineage and
// serial it holds, for state push -force. The serial still never goes
// down.
type Overwriter interface {
	Overwrite(s *State) error
}
