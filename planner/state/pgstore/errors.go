package pgstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// ConflictError is returned by Save when the stored state changed since
// this Store last read or wrote it: another process saved in between
// (possibly one that ran without the lock). Nothing was written.
type ConflictError struct {
	Workspace       string
	Expected, Found uint64 // serials
	// ExpectedNone: this Store saw no state; FoundNone: there is none now.
	ExpectedNone, FoundNone bool
}

func (e *ConflictError) Error() string {
	switch {
	case e.ExpectedNone:
		return fmt.Sprintf("pg backend: workspace %q was created by another process (serial %d) since this one read it; nothing was written. Run the command again", e.Workspace, e.Found)
	case e.FoundNone:
		return fmt.Sprintf("pg backend: the state of workspace %q was deleted since it was read (serial %d); nothing was written", e.Workspace, e.Expected)
	}
	return fmt.Sprintf("pg backend: the state of workspace %q changed since it was read (serial %d, now %d): another process saved it; nothing was written. Run the command again", e.Workspace, e.Expected, e.Found)
}

// describe wraps err from the server or the connection with what was being
// done and, for the causes users meet, what to do about it.
func describe(doing string, err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	hint := ""
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "28P01" || pgErr.Code == "28000":
			hint = "the user name or password in conn_str is wrong"
		case pgErr.Code == "3D000":
			hint = "the database in conn_str does not exist; create it first (createdb NAME)"
		case pgErr.Code == "42501":
			hint = "the role lacks a privilege on the schema or its tables: grant USAGE and CREATE on the schema (or create the tables as its owner) and SELECT, INSERT, UPDATE on its tables"
		case pgErr.Code == "3F000":
			hint = "the schema does not exist; leave skip_schema_creation unset to create it"
		case pgErr.Code == "42P01":
			hint = "the table does not exist; leave skip_table_creation unset to create it"
		}
	} else if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		hint = "the operation was interrupted or timed out"
	} else if strings.Contains(err.Error(), "connection refused") {
		hint = "no PostgreSQL server listens at the address in conn_str"
	}
	return &Error{Doing: doing, Hint: hint, Err: cause(err)}
}

// cause is the part of a connection error that says what went wrong: the
// server's error or the network's, without pgx's list of every address
// and TLS mode it tried.
func cause(err error) error {
	var connErr *pgconn.ConnectError
	if !errors.As(err, &connErr) {
		return err
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr
	}
	return err
}

// Error is a failure of the pg backend: what it was doing, the cause, and
// a hint when the cause is a common one.
type Error struct {
	Doing string
	Hint  string
	Err   error
}

func (e *Error) Error() string {
	msg := "pg backend: " + e.Doing + ": " + e.Err.Error()
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// listErrors formats several errors one per line.
func listErrors(errs []error) string {
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = "pg backend: " + err.Error()
	}
	return strings.Join(lines, "\n")
}
