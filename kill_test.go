package main

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/benchgen"
	"github.com/vpcplan/vpcplan/planner/state"
)

// TestApplySurvivesSIGKILL kills `vpcplan apply` of a configuration of
// more than 2,000 instances at 50 random moments, as a CI runner or an OOM
// killer would. After every kill the state file must load, keep its
// lineage and never go back in serial, and no temporary file may pile up;
// at the end one apply finishes the work and the next plan has no
// changes. The processes are this test binary, dispatched as vpcplan by
// TestMain.
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
	kills := 0
	for i := 0; i < 50; i++ {
		cmd := command("apply", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=10s")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(window))))
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		cmd.Wait()
		if _, err := os.Stat(statePath); os.IsNotExist(err) {
			continue // killed before its first save
		}
		st, err := state.NewFileStore(statePath).Load()
		if err != nil {
			t.Fatalf("kill %d: the state does not load: %v", i, err)
		}
		if st == nil {
			continue
		}
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
	t.Logf("%d kills within %v of starting; final serial %d", kills, window, st.Serial)
}

// tail returns the last 2,000 bytes of out.
func tail(out []byte) []byte {
	if len(out) > 2000 {
		return out[len(out)-2000:]
	}
	return out
}
