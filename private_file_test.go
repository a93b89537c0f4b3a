package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWritePrivateExistingFile: a saved plan written over an existing 0644
// file is 0600 afterwards.
func TestWritePrivateExistingFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.plan")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writePrivate(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(p); string(data) != "new" {
		t.Errorf("content %q, want %q", data, "new")
	}
}
