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

// TestHostilePlanFiles applies the damaged plan files of
// testdata/hostile-plans, and plan files made for another state or
// configuration. Each ends in exit code 1 within 20 s, with an error that
// names the file and says where or why it is wrong, and the state is left
// as it was: the same bytes, and its backup too. The damaged files are
// shown too (show PLANFILE reads them the same way).
func TestHostilePlanFiles(t *testing.T) {
	const config = "provider \"aws\" {\n  region              = \"eu-west-1\"\n  allowed_account_ids = [\"111111111111\"]\n}\n\nresource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n"
	other := strings.Replace(config, `"main"`, `"other"`, 1)
	tests := map[string]struct {
		// corpus names a file of testdata/hostile-plans; make, when set,
		// makes the plan file instead, in another directory or after
		// changing the state of dir, and returns its path.
		corpus string
		make   func(t *testing.T, dir string) string
		want   string
	}{
		"truncated": {
			corpus: "truncated.plan",
			want:   "the file ends at line 20, column 13, in the middle of a JSON value: it is truncated.",
		},
		"a byte altered, not JSON any more": {
			corpus: "altered-syntax.plan",
			want:   "invalid character ';' after object key at line 10, column 12 (byte 330).",
		},
		"a byte altered, still JSON": {
			corpus: "altered-value.plan",
			want:   "the plan file's checksum does not match its content: it was altered or damaged after it was written",
		},
		"no checksum": {
			corpus: "no-checksum.plan",
			want:   `the plan file has no "checksum" field`,
		},
		"format version 1": {
			corpus: "version-1.plan",
			want:   "the plan file has format version 1, but this vpcplan reads version 2;",
		},
		"format version 3": {
			corpus: "version-3.plan",
			want:   "the plan file has format version 3, but this vpcplan reads version 2;",
		},
		"a field of the wrong type": {
			corpus: "wrong-type.plan",
			want:   `the "prior_existed" field holds a JSON string where a plan file has true or false, ending at line 20, column 23 (byte 597).`,
		},
		"a state given as a plan": {
			corpus: "state-file.plan",
			want:   "the file is a state (lineage da305966-e1f7-44e2-847c-4ac7e7466ad7), not a plan file.",
		},
		"a Terraform plan file": {
			corpus: "terraform.plan",
			want:   "the file is a zip archive, as Terraform's plan files are, not a plan file vpcplan wrote.",
		},
		"nested 100,000 deep": {
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "nested.plan")
				data := `{"format": "vpcplan-plan", "version": 2, "config": ` + strings.Repeat("[", 100000)
				if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
					t.Fatal(err)
				}
				return p
			},
			want: "invalid character '[' exceeded max depth at line 1, column 10051 (byte 10050).",
		},
		"a foreign lineage": {
			// Planned here; then the state is replaced by another one.
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "p.plan")
				runInOK(t, dir, "plan", "-no-color", "-input=false", "-out="+p)
				elsewhere := t.TempDir()
				writeFile(t, filepath.Join(elsewhere, "main.tf"), []byte(config))
				runInOK(t, elsewhere, "apply", "-no-color", "-input=false", "-auto-approve")
				data, err := os.ReadFile(filepath.Join(elsewhere, "vpcplan.tfstate"))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, "vpcplan.tfstate"), data)
				return p
			},
			want: "Saved plan does not match the given state",
		},
		"a plan of another configuration": {
			make: func(t *testing.T, dir string) string {
				elsewhere := t.TempDir()
				writeFile(t, filepath.Join(elsewhere, "main.tf"), []byte(other))
				runInOK(t, elsewhere, "apply", "-no-color", "-input=false", "-auto-approve")
				writeFile(t, filepath.Join(elsewhere, "main.tf"), []byte(strings.Replace(other, "10.0.0.0/16", "10.1.0.0/16", 1)))
				p := filepath.Join(elsewhere, "p.plan")
				runInOK(t, elsewhere, "plan", "-no-color", "-input=false", "-out="+p)
				return p
			},
			want: "It is a plan of another configuration or state, or the state was replaced since. The state was not changed.",
		},
		"a plan of another configuration, made on no state": {
			make: func(t *testing.T, dir string) string {
				elsewhere := t.TempDir()
				writeFile(t, filepath.Join(elsewhere, "main.tf"), []byte(other))
				p := filepath.Join(elsewhere, "p.plan")
				runInOK(t, elsewhere, "plan", "-no-color", "-input=false", "-out="+p)
				return p
			},
			want: "was made when there was no state; now there is one, of lineage",
		},
		"a stale serial": {
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "p.plan")
				runInOK(t, dir, "plan", "-no-color", "-input=false", "-out="+p)
				writeFile(t, filepath.Join(dir, "main.tf"), []byte(strings.Replace(config, "10.0.0.0/16", "10.1.0.0/16", 1)))
				runInOK(t, dir, "apply", "-no-color", "-input=false", "-auto-approve")
				return p
			},
			want: "was made against serial 1 of the state; it is at serial 2 now. The state was not changed.",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.tf"), []byte(config))
			runInOK(t, dir, "apply", "-no-color", "-input=false", "-auto-approve")
			statePath := filepath.Join(dir, "vpcplan.tfstate")
			commands := [][]string{{"apply", "-no-color", "-input=false"}, {"show", "-no-color"}}
			var plan string
			if tc.make != nil {
				plan = tc.make(t, dir)
				commands = commands[:1] // show does not compare with the state
			} else {
				data, err := os.ReadFile(filepath.Join("testdata", "hostile-plans", tc.corpus))
				if err != nil {
					t.Fatal(err)
				}
				plan = filepath.Join(dir, tc.corpus)
				if err := os.WriteFile(plan, data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			before, err := os.ReadFile(statePath)
			if err != nil {
				t.Fatal(err)
			}
			backup, _ := os.ReadFile(statePath + ".backup")
			for _, args := range commands {
				code, stderr := runIn(t, dir, append(args, plan)...)
				if code != exitError {
					t.Errorf("%s: exit code %d, want %d; stderr:\n%s", args[0], code, exitError, stderr)
				}
				got := strings.Join(strings.Fields(stderr), " ")
				if !strings.Contains(got, tc.want) {
					t.Errorf("%s: stderr does not contain %q:\n%s", args[0], tc.want, stderr)
				}
				if tc.corpus != "" && !strings.Contains(got, plan+": ") {
					t.Errorf("%s: stderr does not name the file %s:\n%s", args[0], plan, stderr)
				}
			}
			after, err := os.ReadFile(statePath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Errorf("the state changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if b, _ := os.ReadFile(statePath + ".backup"); !bytes.Equal(b, backup) {
				t.Errorf("the backup of the state changed")
			}
		})
	}
}

// runIn runs vpcplan in process in dir, and fails the test when it does
// not finish within 20 s; it returns the exit code and stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), append([]string{"-chdir=" + dir}, args...), &stdout, &stderr)
	}()
	select {
	case code := <-done:
		return code, stderr.String()
	case <-time.After(20 * time.Second):
		t.Fatalf("vpcplan %s did not finish within 20 s", strings.Join(args, " "))
		return 0, ""
	}
}

// runInOK runs vpcplan in process in dir and fails the test unless it
// exits 0.
func runInOK(t *testing.T, dir string, args ...string) {
	t.Helper()
	if code, stderr := runIn(t, dir, args...); code != exitOK {
		t.Fatalf("vpcplan %s: exit code %d:\n%s", strings.Join(args, " "), code, stderr)
	}
}
