package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ready creates the schema, the tables and the index when missing, once
// per store. It looks before it creates, so a role without CREATE works
// with tables that exist, and it creates under a transaction-level
// advisory lock, so two vpcplan processes never race. Terraform does not
// take that lock, so a race with it ends in a duplicate error, retried
// once: the second look finds what the other created.
func (s *Store) ready() error {
	if s.conn == nil {
		return &Error{Doing: "using the store", Err: errors.New("it is closed")}
	}
	if s.tablesReady {
		return nil
	}
	err := s.create()
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "23505" || pgErr.Code == "42P07" || pgErr.Code == "42710" || pgErr.Code == "42P06") {
		err = s.create()
	}
	if err != nil {
		return describe(fmt.Sprintf("cannot prepare the tables of schema %q", s.cfg.Schema), err)
	}
	s.tablesReady = true
	return nil
}

func (s *Store) create() error {
	missing, err := s.missing(s.conn)
	if err != nil || !missing.any() {
		return err
	}
	tx, err := s.conn.Begin(s.ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(s.ctx, "SELECT pg_advisory_xact_lock($1)", creationKey(s.cfg.Schema)); err != nil {
		return err
	}
	// Look again: another process may have created them while this one
	// waited for the lock.
	if missing, err = s.missing(tx); err != nil {
		return err
	}
	schema := pgx.Identifier{s.cfg.Schema}.Sanitize()
	var stmts []string
	if missing.schema && !s.cfg.SkipSchemaCreation {
		stmts = append(stmts, "CREATE SCHEMA IF NOT EXISTS "+schema)
	}
	if missing.states && !s.cfg.SkipTableCreation {
		stmts = append(stmts,
			"CREATE SEQUENCE IF NOT EXISTS public.global_states_id_seq AS bigint",
			"CREATE TABLE IF NOT EXISTS "+s.table("states")+" (id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq') PRIMARY KEY, name text UNIQUE, data text)")
	}
	if missing.index && !s.cfg.SkipIndexCreation {
		stmts = append(stmts, "CREATE UNIQUE INDEX IF NOT EXISTS states_by_name ON "+s.table("states")+" (name)")
	}
	if missing.locks && !s.cfg.SkipTableCreation {
		stmts = append(stmts, "CREATE TABLE IF NOT EXISTS "+s.table("vpcplan_locks")+" (name text PRIMARY KEY, id text NOT NULL, info text NOT NULL, pid integer NOT NULL)")
	}
	for _, stmt := range stmts {
		if _, err := tx.Exec(s.ctx, stmt); err != nil {
			return err
		}
	}
	return tx.Commit(s.ctx)
}

type missingObjects struct{ schema, states, index, locks bool }

func (m missingObjects) any() bool { return m.schema || m.states || m.index || m.locks }

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func (s *Store) missing(q querier) (missingObjects, error) {
	var schema, states, locks, index bool
	err := q.QueryRow(s.ctx, `SELECT
		EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1),
		to_regclass(format('%I.states', $1::text)) IS NOT NULL,
		to_regclass(format('%I.vpcplan_locks', $1::text)) IS NOT NULL,
		to_regclass(format('%I.states_by_name', $1::text)) IS NOT NULL`, s.cfg.Schema).Scan(&schema, &states, &locks, &index)
	return missingObjects{schema: !schema, states: !states, index: !index, locks: !locks}, err
}
