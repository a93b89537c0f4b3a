// Package pgtest gives tests the PostgreSQL server .ci/run starts: its
// connection string, and a fresh schema per test.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ConnStr returns the test server's connection string (VPCPLAN_TEST_PG).
// Without one the test is skipped, or fails when VPCPLAN_REQUIRE_PG=1, as
// .ci/run sets it.
func ConnStr(t testing.TB) string {
	t.Helper()
	cs := os.Getenv("VPCPLAN_TEST_PG")
	if cs == "" {
		if os.Getenv("VPCPLAN_REQUIRE_PG") == "1" {
			t.Fatal("VPCPLAN_REQUIRE_PG=1 but VPCPLAN_TEST_PG is not set: no PostgreSQL server for the pg backend tests")
		}
		t.Skip("no PostgreSQL server: set VPCPLAN_TEST_PG to a connection string (.ci/run starts one) to run the pg backend tests")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, cs)
	if err != nil {
		if os.Getenv("VPCPLAN_REQUIRE_PG") == "1" {
			t.Fatalf("cannot reach the test PostgreSQL server (VPCPLAN_TEST_PG): %v", err)
		}
		t.Skipf("cannot reach the test PostgreSQL server (VPCPLAN_TEST_PG), skipping: %v", err)
	}
	conn.Close(ctx)
	return cs
}

// Schema returns the name of a schema no test uses yet, dropped when the
// test ends.
func Schema(t testing.TB, connStr string) string {
	t.Helper()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "vpcplan_test_" + hex.EncodeToString(b[:])
	t.Cleanup(func() { Exec(t, connStr, "DROP SCHEMA IF EXISTS "+pgx.Identifier{name}.Sanitize()+" CASCADE") })
	return name
}

// Exec runs statements on a connection of its own, failing the test on an
// error.
func Exec(t testing.TB, connStr string, stmts ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, connStr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// Query returns the first column of the first row of a query, as text.
func Query(t testing.TB, connStr, query string, args ...any) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, connStr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var out string
	if err := conn.QueryRow(ctx, query, args...).Scan(&out); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}
