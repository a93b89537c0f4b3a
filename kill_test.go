package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/planner/state"
)

// TestApplySurvivesSIGKILL kills `vpcplan apply` of a configuration of
// more than 2,000 instances at 50 random moments, as a CI runner or an OOM
// killer would; once an apply got to the end, the next runs destroy until
// one of them does, and so on. After every kill the state file must load,
// keep its lineage and never go back in serial, hold at least what the
// last "State saved" line of the killed run claimed, and no temporary file
// may pile up; at the end one apply finishes the work and the next plan
// has no changes. The processes are this test binary, dispatched as
// vpcplan by TestMain.
func TestApplySurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 50 applies; skipped in -short mode")
	}
	dir := t.TempDir()
	n, err := benchgen.Expanded(dir, 2200) // 7 groups of 301: 2,107 instances
	if err != nil {
		t.Fatal(err)
	}
	// The generated VPCs hold 100 interface endpoints each, over the
	// default quota; the rule is not what this test is about.
	if err := os.WriteFile(filepath.Join(dir, ".vpcplan.hcl"), []byte("rule \"aws_vpc_endpoint_quota_exceeded\" {\n  enabled = false\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	statePath := filepath.Join(dir, "vpcplan.tfstate")
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], append([]string{"-chdir=" + dir}, args...)...)
		cmd.Args[0] = "vpcplan"
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		return cmd
	}
	// How long a whole apply takes bounds the moments to kill at.
	start := time.Now()
	if out, err := command("plan", "-input=false", "-no-color").CombinedOutput(); err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	window := 3 * time.Since(start)

	rng := rand.New(rand.NewSource(1))
	lineage := ""
	var serial uint64
	kills, claims, destroys := 0, 0, 0
	held := 0 // instances the state held before the run
	destroying := false
	for i := 0; i < 50; i++ {
		switch held {
		case n:
			destroying = true
		case 0:
			destroying = false
		}
		verb := "apply"
		if destroying {
			verb = "destroy"
			destroys++
		}
		cmd := command(verb, "-auto-approve", "-input=false", "-no-color", "-lock-timeout=10s")
		var stdout lockedBuffer
		cmd.Stdout = &stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(window))))
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		cmd.Wait()
		saved := lastSaved(stdout.Bytes())
		if _, err := os.Stat(statePath); os.IsNotExist(err) {
			if saved > 0 {
				t.Fatalf("kill %d: %s reported %d changes saved, but there is no state", i, verb, saved)
			}
			continue // killed before its first save
		}
		st, err := state.NewFileStore(statePath).Load()
		if err != nil {
			t.Fatalf("kill %d: the state does not load: %v", i, err)
		}
		if st == nil {
			continue
		}
		// Every change of an apply here creates an instance and every
		// change of a destroy deletes one, so the state holds at least the
		// changes the last "State saved" line of the killed run claims.
		now := managedInstances(st)
		if saved >= 0 {
			claims++
			if !destroying && now < held+saved {
				t.Fatalf("kill %d: the last progress line of apply said %d changes were saved, but the state holds %d instances, %d more than before", i, saved, now, now-held)
			}
			if destroying && now > held-saved {
				t.Fatalf("kill %d: the last progress line of destroy said %d changes were saved, but the state holds %d instances, %d fewer than before", i, saved, now, held-now)
			}
		}
		held = now
		if lineage == "" {
			lineage = st.Lineage
		} else if st.Lineage != lineage {
			t.Fatalf("kill %d: lineage %s, want %s", i, st.Lineage, lineage)
		}
		if st.Serial < serial {
			t.Fatalf("kill %d: serial went back from %d to %d", i, serial, st.Serial)
		}
		serial = st.Serial
	}
	if out, err := command("apply", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=10s").CombinedOutput(); err != nil {
		t.Fatalf("the apply after the kills failed: %v\n%s", err, out)
	}
	cmd := command("plan", "-input=false", "-no-color", "-detailed-exitcode")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the plan after the kills does not converge (%v):\n%s", err, tail(out))
	}
	st, err := state.NewFileStore(statePath).Load()
	if err != nil {
		t.Fatalf("final state: %v", err)
	}
	if lineage != "" && st.Lineage != lineage {
		t.Fatalf("final lineage %s, want %s", st.Lineage, lineage)
	}
	count := 0
	for _, r := range st.Resources {
		count += len(r.Instances)
	}
	if count != n {
		t.Errorf("final state holds %d instances, want %d", count, n)
	}
	// The file store writes .vpcplan.tfstate.tmp-*; the last apply removes
	// what the killed ones left.
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	t.Logf("%d kills within %v of starting, %d after a \"State saved\" line, %d runs of destroy; final serial %d", kills, window, claims, destroys, st.Serial)
}

// savedLine is the progress line apply prints after a save once it
// spaces its saves out.
var savedLine = regexp.MustCompile(`(?m)^State saved: ([0-9]+) of [0-9]+ changes recorded \[serial=[0-9]+\]$`)

// lastSaved returns how many changes the last "State saved" line of an
// apply's output claims, or -1 when there is none.
func lastSaved(out []byte) int {
	m := savedLine.FindAllSubmatch(out, -1)
	if len(m) == 0 {
		return -1
	}
	n, _ := strconv.Atoi(string(m[len(m)-1][1]))
	return n
}

// managedInstances counts the managed resource instances of st.
func managedInstances(st *state.State) int {
	n := 0
	for _, r := range st.Resources {
		if r.Mode == "managed" {
			n += len(r.Instances)
		}
	}
	return n
}

// tail returns the last 2,000 bytes of out.
func tail(out []byte) []byte {
	if len(out) > 2000 {
		return out[len(out)-2000:]
	}
	return out
}

// TestConcurrentLockedApplies runs 10 applies of one local state at once,
// each setting a different tag. Without waiting for the lock, each either
// wins it or fails naming the holder, and the serial rises by the number
// that won; with -lock-timeout, all of them succeed in turn and the serial
// rises by 10. Nothing is lost either way.
func TestConcurrentLockedApplies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 20 processes; skipped in -short mode")
	}
	dir := t.TempDir()
	src := "provider \"aws\" {\n  region              = \"eu-west-1\"\n  allowed_account_ids = [\"111111111111\"]\n}\n\nvariable \"tag\" {\n  type = string\n}\n\nresource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n  tags = {\n    Name = var.tag\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	statePath := filepath.Join(dir, "vpcplan.tfstate")
	apply := func(tag string, extra ...string) *exec.Cmd {
		args := append([]string{"-chdir=" + dir, "apply", "-auto-approve", "-input=false", "-no-color", "-var", "tag=" + tag}, extra...)
		cmd := exec.Command(os.Args[0], args...)
		cmd.Args[0] = "vpcplan"
		return cmd
	}
	if out, err := apply("start").CombinedOutput(); err != nil {
		t.Fatalf("first apply: %v\n%s", err, out)
	}
	serialNow := func() uint64 {
		st, err := state.NewFileStore(statePath).Load()
		if err != nil {
			t.Fatal(err)
		}
		return st.Serial
	}
	run := func(extra ...string) (won int, outputs [][]byte) {
		cmds := make([]*exec.Cmd, 10)
		outs := make([]*lockedBuffer, 10)
		for i := range cmds {
			cmds[i] = apply(fmt.Sprintf("run%d-%d", len(extra), i), extra...)
			outs[i] = &lockedBuffer{}
			cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, cmd := range cmds {
			if cmd.Wait() == nil {
				won++
			} else {
				outputs = append(outputs, outs[i].Bytes())
			}
		}
		return won, outputs
	}

	before := serialNow()
	won, failed := run()
	firstWon := won
	if got := serialNow() - before; got != uint64(won) {
		t.Errorf("without waiting: %d applies succeeded but the serial rose by %d", won, got)
	}
	for _, out := range failed {
		if !bytes.Contains(out, []byte("Error acquiring the state lock")) || !bytes.Contains(out, []byte("Who:")) {
			t.Errorf("a failed apply does not name the lock's holder:\n%s", tail(out))
		}
	}

	before = serialNow()
	won, failed = run("-lock-timeout=120s")
	if won != 10 {
		t.Errorf("with -lock-timeout: %d of 10 applies succeeded; the first failure:\n%s", won, tail(append([]byte{}, failed[0]...)))
	}
	if got := serialNow() - before; got != 10 {
		t.Errorf("with -lock-timeout: the serial rose by %d, want 10", got)
	}
	t.Logf("without waiting, %d of 10 won the lock", firstWon)
}

// lockedBuffer is an io.Writer safe for a process's stdout and stderr at
// once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]byte(nil), l.b.Bytes()...)
}
