package backend_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpcplan/vpcplan/internal/bounds"
	"github.com/vpcplan/vpcplan/planner/backend"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadBlock(t *testing.T) {
	dir := t.TempDir()
	if b, _ := backend.ReadBlock([]string{dir}, bounds.Defaults()); b != nil {
		t.Fatalf("ReadBlock(empty dir) = %+v", b)
	}
	write(t, dir, map[string]string{
		"main.tf":     "terraform {\n  backend \"s3\" {}\n}\n",
		"override.tf": "terraform {\n  backend \"pg\" {}\n}\n",
		"vpc.tf":      `resource "aws_vpc" "backend" {}`,
	})
	b, files := backend.ReadBlock([]string{dir}, bounds.Defaults())
	if b == nil || b.Type != "pg" || !strings.HasSuffix(b.DeclRange.Filename, "override.tf") {
		t.Fatalf("ReadBlock() = %+v, want the override file's pg block", b)
	}
	if files[b.DeclRange.Filename] == nil {
		t.Errorf("the block's file is not among the files returned")
	}
	jsonDir := t.TempDir()
	write(t, jsonDir, map[string]string{"main.tf.json": `{"terraform": {"backend": {"pg": {"schema_name": "x"}}}}`})
	if b, _ := backend.ReadBlock([]string{jsonDir}, bounds.Defaults()); b == nil || b.Type != "pg" {
		t.Fatalf("ReadBlock(JSON) = %+v", b)
	}
}

func open(t *testing.T, dir string, s backend.Settings) (*backend.Backend, string) {
	t.Helper()
	block, _ := backend.ReadBlock([]string{dir}, bounds.Defaults())
	b, diags := backend.Open(context.Background(), block, s)
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Summary+": "+d.Detail)
	}
	if b != nil {
		t.Cleanup(func() { b.Close() })
	}
	return b, strings.Join(msgs, "\n")
}

func TestOpenLocal(t *testing.T) {
	dir := t.TempDir()
	b, msg := open(t, dir, backend.Settings{StatePath: "vpcplan.tfstate"})
	if b == nil || b.Type != "local" || b.Where != "vpcplan.tfstate" || msg != "" {
		t.Fatalf("no block: %+v %s", b, msg)
	}
	b, _ = open(t, dir, backend.Settings{StatePath: "vpcplan.tfstate", Workspace: "staging"})
	if want := filepath.Join("vpcplan.tfstate.d", "staging", "vpcplan.tfstate"); b.Where != want {
		t.Errorf("workspace staging: %s, want %s", b.Where, want)
	}
	write(t, dir, map[string]string{"main.tf": "terraform {\n  backend \"local\" {\n    path = \"team.tfstate\"\n  }\n}\n"})
	if b, _ = open(t, dir, backend.Settings{StatePath: "vpcplan.tfstate"}); b.Where != "team.tfstate" {
		t.Errorf("local path: %s", b.Where)
	}
	if _, msg := open(t, dir, backend.Settings{Workspace: "../etc"}); !strings.Contains(msg, "Invalid workspace name") {
		t.Errorf("bad workspace: %s", msg)
	}
}

func TestOpenUnsupportedTypeWarns(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": "terraform {\n  backend \"s3\" {\n    bucket = \"b\"\n  }\n}\n"})
	b, msg := open(t, dir, backend.Settings{StatePath: "vpcplan.tfstate"})
	if b == nil || b.Type != "local" || !strings.Contains(msg, "Unsupported backend type") {
		t.Fatalf("s3: %+v %s", b, msg)
	}
}

func TestOpenPGSettings(t *testing.T) {
	// Port 1 refuses connections: the error names the database each
	// setting selects, so the precedence shows without a server.
	conn := func(db string) string { return "postgres://u:p@127.0.0.1:1/" + db + "?sslmode=disable" }
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": "terraform {\n  backend \"pg\" {\n    conn_str = \"" + conn("fromblock") + "\"\n  }\n}\n"})
	tests := map[string]struct {
		s    backend.Settings
		want string
	}{
		"block":              {backend.Settings{}, `database "fromblock"`},
		"flag over block":    {backend.Settings{BackendConfig: []string{"conn_str=" + conn("fromflag")}}, `database "fromflag"`},
		"block over env":     {backend.Settings{Env: map[string]string{"PG_CONN_STR": conn("fromenv")}}, `database "fromblock"`},
		"unknown argument":   {backend.Settings{BackendConfig: []string{"bucket=x"}}, `no argument named "bucket"`},
		"bad bool":           {backend.Settings{BackendConfig: []string{"skip_table_creation=maybe"}}, "must be a bool"},
		"bad env bool":       {backend.Settings{Env: map[string]string{"PG_SKIP_TABLE_CREATION": "maybe"}}, "PG_SKIP_TABLE_CREATION"},
		"missing config arg": {backend.Settings{BackendConfig: []string{"no-such-file"}}, "neither KEY=VALUE nor a readable file"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			b, msg := open(t, dir, tc.s)
			if b != nil || !strings.Contains(msg, tc.want) {
				t.Errorf("Open() = %v,\n%s\nwant an error saying %q", b, msg, tc.want)
			}
			if strings.Contains(msg, "u:p@") {
				t.Errorf("the password shows: %s", msg)
			}
		})
	}
	envOnly := t.TempDir()
	write(t, envOnly, map[string]string{"main.tf": "terraform {\n  backend \"pg\" {}\n}\n"})
	if _, msg := open(t, envOnly, backend.Settings{Env: map[string]string{"PG_CONN_STR": conn("fromenv")}}); !strings.Contains(msg, `database "fromenv"`) {
		t.Errorf("env: %s", msg)
	}
	if _, msg := open(t, envOnly, backend.Settings{}); !strings.Contains(msg, "conn_str is not set") {
		t.Errorf("no conn_str: %s", msg)
	}
	vars := t.TempDir()
	write(t, vars, map[string]string{"main.tf": "terraform {\n  backend \"pg\" {\n    conn_str = var.conn\n  }\n}\n"})
	if _, msg := open(t, vars, backend.Settings{}); !strings.Contains(msg, "Variables not allowed") {
		t.Errorf("variables: %s", msg)
	}
	file := filepath.Join(t.TempDir(), "pg.hcl")
	os.WriteFile(file, []byte(`conn_str = "`+conn("fromfile")+`"`), 0o600)
	if _, msg := open(t, envOnly, backend.Settings{BackendConfig: []string{file}}); !strings.Contains(msg, `database "fromfile"`) {
		t.Errorf("-backend-config file: %s", msg)
	}
}
