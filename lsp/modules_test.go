package lsp

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestModuleDocumentOverridesDisk opens a module's file with an edit that
// is not on disk: the calling directory is analysed again with the open
// text (the module's VPC takes the caller's /8, which only the edit
// passes through), and the module file's publication keeps that finding
// although the module's own directory, analysed alone, has none.
func TestModuleDocumentOverridesDisk(t *testing.T) {
	const root = `module "net" {
  source = "./mod"
  cidr   = "10.0.0.0/8"
}
`
	const onDisk = `variable "cidr" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}
`
	c := newClient(t, map[string]string{"main.tf": root, "mod/main.tf": onDisk})
	rootURI := c.open("main.tf", "")
	c.waitDiagnostics(rootURI, func(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	edited := strings.Replace(onDisk, `"10.1.0.0/16"`, `var.cidr`, 1)
	modURI := c.open("mod/main.tf", edited)
	p := c.waitDiagnostics(modURI, func(p PublishDiagnosticsParams) bool {
		// Both the module's directory and its caller publish the file;
		// the later publication must still hold the caller's finding.
		// (waitDiagnostics holds c.mu while it calls this.)
		list := c.diags[modURI]
		return len(list) >= 2 && hasCode("aws_vpc_cidr_block_invalid")(list[len(list)-1])
	})
	d := find(p, "aws_vpc_cidr_block_invalid")
	if want := (Range{Start: Position{Line: 5, Character: 15}, End: Position{Line: 5, Character: 23}}); d.Range != want {
		t.Errorf("got range %+v, want %+v (var.cidr in the open text)", d.Range, want)
	}
	if !strings.Contains(d.Message, "module.net") {
		t.Errorf("message %q does not name the module instance", d.Message)
	}
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("got version %v, want the open document's 1", p.Version)
	}
}

// TestEditInterruptsStaleAnalysis checks that an edit cancels the analysis
// its directory is running, which the edit made stale.
func TestEditInterruptsStaleAnalysis(t *testing.T) {
	s := New(Options{Debounce: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	st := s.stateLocked("/w")
	st.cancel = cancel
	gen := st.gen
	s.mu.Unlock()
	s.schedule("/w")
	if ctx.Err() == nil {
		t.Error("the running analysis was not interrupted")
	}
	s.stopTimers()
	// The interrupted run does not publish or keep its analysis.
	s.runScheduled("/w", gen)
	if st.last != nil {
		t.Error("a stale run kept its analysis")
	}
}
