package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/backend"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/pgstore/pgtest"
)

// The acceptance tests of the pg backend run vpcplan processes (the test
// binary, as testscript.Main installs it in PATH) against the PostgreSQL
// server .ci/run starts.

const pgConfig = `terraform {
  backend "pg" {}
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}

variable "name" {
  type    = string
  default = "init"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = var.name }
}
`

// pgDir is a configuration directory using the pg backend, and the
// environment that points it at a fresh schema.
func pgDir(t *testing.T) (dir string, env []string, connStr, schema string) {
	t.Helper()
	connStr = pgtest.ConnStr(t)
	schema = pgtest.Schema(t, connStr)
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(pgConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	env = append(os.Environ(), "PG_CONN_STR="+connStr, "PG_SCHEMA_NAME="+schema, "NO_COLOR=1")
	return dir, env, connStr, schema
}

type result struct {
	code           int
	stdout, stderr string
}

func vpcplan(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command("vpcplan", args...)
	cmd.Dir, cmd.Env = dir, env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func pgSerial(t *testing.T, connStr, schema, workspace string) (uint64, string) {
	t.Helper()
	data := pgtest.Query(t, connStr, fmt.Sprintf("SELECT data FROM %q.states WHERE name = $1", schema), workspace)
	st, err := state.Decode([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var attrs struct {
		Tags map[string]string `json:"tags"`
	}
	if err := json.Unmarshal(st.Resources[0].Instances[0].Attributes, &attrs); err != nil {
		t.Fatal(err)
	}
	return st.Serial, attrs.Tags["Name"]
}

// concurrentApplies runs n applies at once, each setting its own name (so
// that every one changes the state), and
// returns their results.
func concurrentApplies(t *testing.T, dir string, env []string, round string, n int, flags ...string) []result {
	t.Helper()
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := append([]string{"apply", "-auto-approve", "-no-color", "-var", fmt.Sprintf("name=%s-p%d", round, i)}, flags...)
			results[i] = vpcplan(t, dir, env, args...)
		}()
	}
	wg.Wait()
	return results
}

func TestPGConcurrentApplies(t *testing.T) {
	dir, env, cs, schema := pgDir(t)
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color"); r.code != 0 {
		t.Fatalf("first apply: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	serial, _ := pgSerial(t, cs, schema, "default")
	const n = 4
	for _, mode := range []struct {
		name  string
		flags []string
		// failure is what a failed apply must say.
		failure []string
	}{
		{"waiting", []string{"-lock-timeout=60s"}, nil},
		{"no wait", []string{"-lock-timeout=0s"}, []string{"Error acquiring the state lock", "Who:", "Operation: OperationTypeApply"}},
		{"no lock", []string{"-lock=false"}, []string{"changed since it was read"}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			results := concurrentApplies(t, dir, env, mode.name, n, mode.flags...)
			ok := 0
			for i, r := range results {
				if r.code == 0 {
					ok++
					continue
				}
				if mode.failure == nil {
					t.Errorf("apply %d failed while waiting for the lock: %d\n%s%s", i, r.code, r.stdout, r.stderr)
				}
				for _, want := range mode.failure {
					if !strings.Contains(strings.Join(strings.Fields(r.stderr), " "), want) {
						t.Errorf("apply %d failed without saying %q:\n%s", i, want, r.stderr)
					}
				}
			}
			if ok == 0 {
				t.Fatal("no apply succeeded")
			}
			got, name := pgSerial(t, cs, schema, "default")
			if got != serial+uint64(ok) {
				t.Errorf("serial went from %d to %d after %d successful applies; want %d", serial, got, ok, serial+uint64(ok))
			}
			t.Logf("%d of %d applies succeeded; serial %d -> %d", ok, n, serial, got)
			serial = got
			if !strings.HasPrefix(name, mode.name+"-p") {
				t.Errorf("stored name %q is none of the applies'", name)
			}
			// The state is the last apply's: planning its name again
			// changes nothing.
			r := vpcplan(t, dir, env, "plan", "-no-color", "-detailed-exitcode", "-var", "name="+name)
			if r.code != 0 {
				t.Errorf("plan after the applies: %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

// TestPGHoldLockHelper is not a test: run by the tests below as a process
// of its own in a configuration directory, it opens the backend as vpcplan
// does, takes the lock of the workspace VPCPLAN_PG_HOLD names, says "held"
// and waits to be killed.
func TestPGHoldLockHelper(t *testing.T) {
	ws := os.Getenv("VPCPLAN_PG_HOLD")
	if ws == "" {
		return
	}
	block, _ := backend.ReadBlock(nil, bounds.Defaults())
	b, diags := backend.Open(context.Background(), block, backend.Settings{
		Env:       map[string]string{"PG_CONN_STR": os.Getenv("PG_CONN_STR"), "PG_SCHEMA_NAME": os.Getenv("PG_SCHEMA_NAME")},
		Workspace: ws,
	})
	if diags.HasErrors() {
		fmt.Println(diags.Error())
		os.Exit(1)
	}
	_, err := b.Store.Lock(context.Background(), state.LockInfo{ID: "11111111-2222-3333-4444-555555555555", Operation: "OperationTypeApply", Who: "holder@test", Version: "test", Created: time.Now().UTC()})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("held")
	time.Sleep(time.Minute)
	os.Exit(0)
}

// holdLock starts the helper holding workspace ws's lock and returns it
// once it holds it.
func holdLock(t *testing.T, dir string, env []string, ws string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPGHoldLockHelper$")
	cmd.Dir, cmd.Env = dir, append(env, "VPCPLAN_PG_HOLD="+ws)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "held" {
		t.Fatalf("the lock holder says %q", line)
	}
	return cmd
}

func TestPGKilledHolderReleasesLock(t *testing.T) {
	dir, env, _, _ := pgDir(t)
	holder := holdLock(t, dir, env, "default")
	r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color")
	if r.code != 1 || !strings.Contains(r.stderr, "Who:       holder@test") || !strings.Contains(r.stderr, "ID:        11111111-2222-3333-4444-555555555555") {
		t.Fatalf("apply while the lock is held: %d\n%s", r.code, r.stderr)
	}
	if err := holder.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	holder.Wait()
	start := time.Now()
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color"); r.code != 0 {
		t.Fatalf("apply after the holder was killed: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("apply after SIGKILL of the holder took %v", time.Since(start))
}

func TestPGWorkspacesLockIndependently(t *testing.T) {
	dir, env, cs, schema := pgDir(t)
	holdLock(t, dir, env, "a")
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color", "-workspace", "b"); r.code != 0 {
		t.Fatalf("apply in workspace b while a is locked: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color", "-workspace", "a"); r.code != 1 || !strings.Contains(r.stderr, "holder@test") {
		t.Fatalf("apply in the locked workspace a: %d\n%s", r.code, r.stderr)
	}
	// The same workspace name in another schema is another state.
	other := pgtest.Schema(t, cs)
	env2 := append(append([]string{}, env...), "PG_SCHEMA_NAME="+other)
	if r := vpcplan(t, dir, env2, "apply", "-auto-approve", "-no-color", "-workspace", "a"); r.code != 0 {
		t.Fatalf("apply in workspace a of another schema: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if s, _ := pgSerial(t, cs, schema, "b"); s != 1 {
		t.Errorf("workspace b serial %d, want 1", s)
	}
}

func TestPGStatePushPull(t *testing.T) {
	dir, env, cs, schema := pgDir(t)
	// A local state, made without the backend block.
	local := t.TempDir()
	cfg := strings.Replace(pgConfig, `backend "pg" {}`, "", 1)
	if err := os.WriteFile(filepath.Join(local, "main.tf"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := vpcplan(t, local, env, "apply", "-auto-approve", "-no-color"); r.code != 0 {
		t.Fatalf("local apply: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	localState := filepath.Join(local, "vpcplan.tfstate")
	want, err := os.ReadFile(localState)
	if err != nil {
		t.Fatal(err)
	}
	if r := vpcplan(t, dir, env, "state", "push", localState); r.code != 0 {
		t.Fatalf("state push: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := vpcplan(t, dir, env, "state", "pull")
	if r.code != 0 || r.stdout != string(want) {
		t.Fatalf("state pull: %d\n%s\nwant\n%s", r.code, r.stdout+r.stderr, want)
	}
	if r := vpcplan(t, dir, env, "plan", "-no-color", "-detailed-exitcode"); r.code != 0 {
		t.Errorf("plan against the pushed state: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// An older serial and a foreign lineage are refused, and -force pushes.
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color", "-var", "name=newer"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = vpcplan(t, dir, env, "state", "push", localState)
	if r.code != 1 || !strings.Contains(r.stderr, "cannot import state with serial 1 over newer state with serial 2") {
		t.Errorf("push of an older serial: %d\n%s", r.code, r.stderr)
	}
	foreign := filepath.Join(t.TempDir(), "foreign.tfstate")
	os.WriteFile(foreign, bytes.Replace(want, []byte(`"lineage": "`), []byte(`"lineage": "x`), 1), 0o600)
	r = vpcplan(t, dir, env, "state", "push", foreign)
	if r.code != 1 || !strings.Contains(r.stderr, "unrelated state with lineage") {
		t.Errorf("push of a foreign lineage: %d\n%s", r.code, r.stderr)
	}
	if s, _ := pgSerial(t, cs, schema, "default"); s != 2 {
		t.Errorf("serial after refused pushes = %d, want 2", s)
	}
	if r := vpcplan(t, dir, env, "state", "push", "-force", foreign); r.code != 0 {
		t.Errorf("push -force: %d\n%s", r.code, r.stderr)
	}
	if s, _ := pgSerial(t, cs, schema, "default"); s != 3 {
		t.Errorf("serial after push -force = %d, want 3 (never lower)", s)
	}
}

func TestPGBadInput(t *testing.T) {
	dir, env, cs, schema := pgDir(t)
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	pgtest.Exec(t, cs, fmt.Sprintf(`UPDATE %q.states SET data = '{"version": 4,' WHERE name = 'default'`, schema))
	for _, args := range [][]string{{"plan", "-no-color"}, {"apply", "-auto-approve", "-no-color"}, {"state", "pull"}, {"show", "-no-color"}} {
		r := vpcplan(t, dir, env, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "pg backend") || !strings.Contains(r.stderr, "not valid JSON") {
			t.Errorf("%s over an invalid row: %d\n%s", args[0], r.code, r.stderr)
		}
	}
	if got := pgtest.Query(t, cs, fmt.Sprintf(`SELECT data FROM %q.states WHERE name = 'default'`, schema)); got != `{"version": 4,` {
		t.Errorf("the invalid row was changed to %q", got)
	}
	bad := append(append([]string{}, env...), "PG_CONN_STR=postgres://nobody:wrong@127.0.0.1:1/none?sslmode=disable")
	r := vpcplan(t, dir, bad, "plan", "-no-color")
	if r.code != 1 || !strings.Contains(r.stderr, `Failed to open the "pg" backend`) || !strings.Contains(r.stderr, "connection refused") {
		t.Errorf("plan with a refused connection: %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "wrong") {
		t.Errorf("the password shows in\n%s", r.stderr)
	}
}

func TestPGForceUnlock(t *testing.T) {
	dir, env, _, _ := pgDir(t)
	holdLock(t, dir, env, "default")
	if r := vpcplan(t, dir, env, "force-unlock", "-force", "not-the-id"); r.code != 1 || !strings.Contains(r.stderr, "does not match") {
		t.Fatalf("force-unlock with a wrong ID: %d\n%s", r.code, r.stderr)
	}
	if r := vpcplan(t, dir, env, "force-unlock", "-force", "11111111-2222-3333-4444-555555555555"); r.code != 0 || !strings.Contains(r.stdout, "successfully unlocked") {
		t.Fatalf("force-unlock: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := vpcplan(t, dir, env, "apply", "-auto-approve", "-no-color"); r.code != 0 {
		t.Fatalf("apply after force-unlock: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
