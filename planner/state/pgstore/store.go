package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/vpcplan/vpcplan/planner/state"
)

// Store is a state.Store on one PostgreSQL connection. Its lock lives as
// long as the connection: Close releases it, and so does the end of the
// process, whatever the way it ends.
type Store struct {
	cfg  Config
	ctx  context.Context // for Load and Save, which take none
	mu   sync.Mutex
	conn *pgx.Conn

	tablesReady bool
	// seen is whether the store has read or written the workspace; then
	// seenNone tells there was no state, else seenSerial and seenLineage
	// are the snapshot's.
	seen        bool
	seenNone    bool
	seenSerial  uint64
	seenLineage string
	lock        *heldLock
}

var _ state.Store = (*Store)(nil)
var _ state.Overwriter = (*Store)(nil)

// Open connects to the database. ctx bounds the connection and every later
// operation of the store. Open creates nothing: tables are created on first
// use.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg, err := cfg.normalized()
	if err != nil {
		return nil, err
	}
	pcfg, err := pgx.ParseConfig(cfg.ConnStr)
	if err != nil {
		// pgx's parse errors may quote the string, password included.
		return nil, &Error{Doing: "reading conn_str", Err: errors.New("it is neither a postgres:// URL nor a keyword=value connection string")}
	}
	conn, err := pgx.ConnectConfig(ctx, pcfg)
	if err != nil {
		return nil, describe(fmt.Sprintf("cannot connect to database %q on %s:%d", pcfg.Database, pcfg.Host, pcfg.Port), err)
	}
	return &Store{cfg: cfg, ctx: ctx, conn: conn}, nil
}

// Workspace is the workspace the store reads and writes.
func (s *Store) Workspace() string { return s.cfg.Workspace }

// Schema is the schema that holds the tables.
func (s *Store) Schema() string { return s.cfg.Schema }

// Close ends the connection, releasing the lock if it is held.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return nil
	}
	err := s.conn.Close(context.Background())
	s.conn, s.lock = nil, nil
	return err
}

func (s *Store) table(name string) string {
	return pgx.Identifier{s.cfg.Schema, name}.Sanitize()
}

func (s *Store) where() string {
	return fmt.Sprintf("workspace %q in schema %q", s.cfg.Workspace, s.cfg.Schema)
}

// Load reads the workspace's state; a workspace without one (no row, or
// Terraform's empty sentinel) is no state.
func (s *Store) Load() (*state.State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ready(); err != nil {
		return nil, err
	}
	var data *string
	err := s.conn.QueryRow(s.ctx, "SELECT data FROM "+s.table("states")+" WHERE name = $1", s.cfg.Workspace).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && (data == nil || *data == "")) {
		s.remember(nil)
		return nil, nil
	}
	if err != nil {
		return nil, describe("cannot read the state of "+s.where(), err)
	}
	st, err := state.Decode([]byte(*data))
	if err != nil {
		return nil, &Error{Doing: "the state of " + s.where() + " cannot be read", Err: err}
	}
	s.remember(st)
	return st, nil
}

func (s *Store) remember(st *state.State) {
	s.seen = true
	s.seenNone = st == nil
	if st != nil {
		s.seenSerial, s.seenLineage = st.Serial, st.Lineage
	}
}

// Save writes the state in one transaction; see state.Store. It returns a
// *ConflictError, writing nothing, when the stored snapshot is no longer
// the one this store last read or wrote.
func (s *Store) Save(st *state.State) error {
	return s.save(st, false)
}

// Overwrite replaces the stored state with st as it is, whatever its
// lineage and serial (state push -force). The serial still never goes
// down: a serial not above the stored one becomes the stored one plus 1.
func (s *Store) Overwrite(st *state.State) error {
	return s.save(st, true)
}

func (s *Store) save(st *state.State, force bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ready(); err != nil {
		return err
	}
	tx, err := s.conn.Begin(s.ctx)
	if err != nil {
		return describe("cannot begin a transaction", err)
	}
	defer tx.Rollback(context.Background())
	var data *string
	err = tx.QueryRow(s.ctx, "SELECT data FROM "+s.table("states")+" WHERE name = $1 FOR UPDATE", s.cfg.Workspace).Scan(&data)
	rowExists := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return describe("cannot read the state of "+s.where(), err)
	}
	var prev *state.State
	if rowExists && data != nil && *data != "" {
		if prev, err = state.Decode([]byte(*data)); err != nil && !force {
			return &Error{Doing: "the state of " + s.where() + " cannot be read; refusing to overwrite it", Err: err}
		}
	}
	if !force {
		if prev != nil && prev.Lineage != st.Lineage {
			return &state.LineageError{Stored: prev.Lineage, Given: st.Lineage}
		}
		if prev != nil && state.Equal(prev, st) {
			st.Serial = prev.Serial
			s.remember(prev)
			return nil
		}
		if s.seen {
			switch {
			case s.seenNone && prev != nil:
				return &ConflictError{Workspace: s.cfg.Workspace, ExpectedNone: true, Found: prev.Serial}
			case !s.seenNone && prev == nil:
				return &ConflictError{Workspace: s.cfg.Workspace, Expected: s.seenSerial, FoundNone: true}
			case !s.seenNone && (prev.Serial != s.seenSerial || prev.Lineage != s.seenLineage):
				return &ConflictError{Workspace: s.cfg.Workspace, Expected: s.seenSerial, Found: prev.Serial}
			}
		}
	}
	if prev != nil {
		if st.Serial <= prev.Serial {
			st.Serial = prev.Serial + 1
		}
	} else if st.Serial == 0 {
		st.Serial = 1
	}
	enc, err := st.Encode()
	if err != nil {
		return err
	}
	if rowExists {
		_, err = tx.Exec(s.ctx, "UPDATE "+s.table("states")+" SET data = $2 WHERE name = $1", s.cfg.Workspace, string(enc))
	} else {
		var tag interface{ RowsAffected() int64 }
		tag, err = tx.Exec(s.ctx, "INSERT INTO "+s.table("states")+" (name, data) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", s.cfg.Workspace, string(enc))
		if err == nil && tag.RowsAffected() != 1 {
			return &ConflictError{Workspace: s.cfg.Workspace, ExpectedNone: true}
		}
	}
	if err != nil {
		return describe("cannot write the state of "+s.where(), err)
	}
	if err := tx.Commit(s.ctx); err != nil {
		return describe("cannot commit the state of "+s.where(), err)
	}
	s.remember(st)
	return nil
}
