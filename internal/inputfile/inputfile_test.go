package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vpcplan/vpcplan/internal/bounds"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(regular, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.tf")
	if err := os.Symlink(regular, link); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.tf")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.tf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tests := map[string]struct {
		path string
		want string // "" for success
	}{
		"regular":              {regular, ""},
		"symlink to a file":    {link, ""},
		"symlink to /dev/zero": {zero, "it is a character device; vpcplan reads only regular files"},
		"/dev/null":            {"/dev/null", "it is a character device; vpcplan reads only regular files"},
		"fifo":                 {fifo, "it is a named pipe (FIFO); vpcplan reads only regular files"},
		"directory":            {dir, "is a directory"},
		"missing":              {filepath.Join(dir, "nope"), "no such file or directory"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := ReadFile(tc.path, bounds.FileSize.Default); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile did not return within 5 s")
			}
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "nope"), bounds.FileSize.Default); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v, want fs.ErrNotExist", err)
	}
}

func TestReadFileSizeBound(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.tfvars")
	if err := os.WriteFile(p, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p, 1024)
	want := "the file has 2048 bytes, past the file size bound of 1024 (raise it with -max-file-size=N)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if _, err := ReadFile(p, 2048); err != nil {
		t.Errorf("at the bound: got %v, want no error", err)
	}
}
