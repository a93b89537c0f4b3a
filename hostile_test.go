package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileFiles: inputs that are devices, FIFOs or links to them, in
// every place vpcplan reads a file, end in a clear error and exit code 1
// within seconds instead of reading forever or blocking.
func TestHostileFiles(t *testing.T) {
	const vpc = "resource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n"
	tests := map[string]struct {
		files map[string]string // "FIFO" makes a FIFO, "->X" a symlink to X
		args  []string
		want  string
	}{
		"FIFO named *.tf": {
			files: map[string]string{"main.tf": vpc, "fifo.tf": "FIFO"},
			args:  []string{"validate"},
			want:  "it is a named pipe (FIFO); vpcplan reads only regular files",
		},
		"*.tf linked to /dev/zero": {
			files: map[string]string{"main.tf": vpc, "zero.tf": "->/dev/zero"},
			args:  []string{"validate"},
			want:  "it is a character device; vpcplan reads only regular files",
		},
		"terraform.tfvars linked to /dev/zero": {
			files: map[string]string{"main.tf": "variable \"x\" {\n  default = 1\n}\n" + vpc, "terraform.tfvars": "->/dev/zero"},
			args:  []string{"plan"},
			want:  "it is a character device; vpcplan reads only regular files",
		},
		"-var-file /dev/zero": {
			files: map[string]string{"main.tf": vpc},
			args:  []string{"plan", "-var-file=/dev/zero"},
			want:  "it is a character device; vpcplan reads only regular files",
		},
		"file() of /dev/zero": {
			files: map[string]string{"main.tf": "locals {\n  x = file(\"/dev/zero\")\n}\n" + vpc},
			args:  []string{"validate"},
			want:  `Invalid value for "path" parameter: it is a character device; vpcplan reads only regular files.`,
		},
		"filesha256() of a FIFO": {
			files: map[string]string{"main.tf": "locals {\n  x = filesha256(\"fifo\")\n}\n" + vpc, "fifo": "FIFO"},
			args:  []string{"validate"},
			want:  `Invalid value for "path" parameter: it is a named pipe (FIFO); vpcplan reads only regular files.`,
		},
		"state FIFO": {
			files: map[string]string{"main.tf": vpc, "vpcplan.tfstate": "FIFO"},
			args:  []string{"plan"},
			want:  "it is a named pipe (FIFO); vpcplan reads only regular files",
		},
		"plan file FIFO": {
			files: map[string]string{"main.tf": vpc, "p.plan": "FIFO"},
			args:  []string{"apply", "p.plan"},
			want:  "it is a named pipe (FIFO); vpcplan reads only regular files",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for n, content := range tc.files {
				p := filepath.Join(dir, n)
				switch {
				case content == "FIFO":
					if err := syscall.Mkfifo(p, 0o600); err != nil {
						t.Skipf("mkfifo: %v", err)
					}
				case strings.HasPrefix(content, "->"):
					if err := os.Symlink(content[2:], p); err != nil {
						t.Fatal(err)
					}
				default:
					if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			args := []string{"-chdir=" + dir, tc.args[0], "-no-color"}
			if tc.args[0] != "validate" {
				args = append(args, "-input=false")
			}
			args = append(args, tc.args[1:]...)
			go func() { done <- run(context.Background(), args, &stdout, &stderr) }()
			select {
			case code := <-done:
				if code != exitError {
					t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitError, stderr.String())
				}
			case <-time.After(20 * time.Second):
				t.Fatal("vpcplan did not finish within 20 s")
			}
			if !strings.Contains(strings.Join(strings.Fields(stderr.String()), " "), tc.want) {
				t.Errorf("stderr does not contain %q:\n%s", tc.want, stderr.String())
			}
		})
	}
}
